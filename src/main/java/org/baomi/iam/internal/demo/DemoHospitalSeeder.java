package org.baomi.iam.internal.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

import org.baomi.audit.AuditActor;
import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.internal.account.Account;
import org.baomi.iam.internal.account.AccountRepository;
import org.baomi.iam.internal.account.AccountRole;
import org.baomi.iam.internal.account.Department;
import org.baomi.iam.internal.account.DepartmentRepository;
import org.baomi.iam.internal.account.Post;
import org.baomi.iam.internal.account.PostRepository;
import org.baomi.iam.internal.account.Role;
import org.baomi.iam.internal.account.RoleKind;
import org.baomi.iam.internal.account.RoleRepository;
import org.baomi.iam.internal.login.CredentialStore;
import org.baomi.iam.internal.login.SecretCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the demo hospital ({@link DemoHospitalData}) into an empty demo database, once: the load takes a
 * PostgreSQL advisory lock for its transaction and checks the marker row under it, so two instances starting
 * on one database load it once between them. Everything, marker and audit record included, commits together.
 *
 * <p>Audit action: {@code demo.hospital.seeded} (actor: system).
 */
@Component
@Conditional(DemoModeCondition.class)
public class DemoHospitalSeeder {

    /** Advisory lock key of the demo load ("BAOMIDEM" in ASCII). */
    static final long LOCK_KEY = 0x42414F4D4944454DL;

    private static final Logger log = LoggerFactory.getLogger(DemoHospitalSeeder.class);

    private final JdbcClient jdbc;
    private final DepartmentRepository departments;
    private final PostRepository posts;
    private final RoleRepository roles;
    private final AccountRepository accounts;
    private final CredentialStore credentials;
    private final PasswordEncoder encoder;
    private final SecretCipher cipher;
    private final AuditTrail audit;
    private final Clock clock;

    DemoHospitalSeeder(JdbcClient jdbc, DepartmentRepository departments, PostRepository posts, RoleRepository roles,
            AccountRepository accounts, CredentialStore credentials, PasswordEncoder encoder, SecretCipher cipher,
            AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.departments = departments;
        this.posts = posts;
        this.roles = roles;
        this.accounts = accounts;
        this.credentials = credentials;
        this.encoder = encoder;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Loads the demo hospital unless it is already there.
     *
     * @return true if this call loaded it, false if it had been loaded before
     */
    @Transactional
    public boolean seed() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", LOCK_KEY).query((rs, row) -> Boolean.TRUE)
                .single();
        if (alreadySeeded()) {
            return false;
        }
        DemoHospitalData data = DemoHospitalData.load();
        Instant now = clock.instant();

        Map<String, Long> departmentIds = new HashMap<>();
        for (DemoHospitalData.DepartmentSpec d : data.departments()) {
            Long parentId = d.parentCode() == null ? null : departmentIds.get(d.parentCode());
            Department saved = departments.save(new Department(d.code(), d.nameZh(), d.nameEn(), parentId, d.kind(),
                    d.sortOrder(), now));
            departmentIds.put(d.code(), saved.getId());
        }
        Map<String, Long> postIds = new HashMap<>();
        for (DemoHospitalData.PostSpec p : data.posts()) {
            postIds.put(p.code(), posts.save(new Post(p.code(), p.nameZh(), p.nameEn(), p.medical(), now)).getId());
        }
        Map<String, Role> rolesByCode = new HashMap<>();
        roles.findAll().forEach(r -> rolesByCode.put(r.getCode(), r));
        for (DemoHospitalData.RoleSpec r : data.roles()) {
            rolesByCode.put(r.code(), roles.save(new Role(r.code(), r.nameZh(), r.nameEn(), RoleKind.BUSINESS,
                    r.permissions(), now)));
        }

        // One hash for all: every demo account has the same published password, and Argon2 is slow on purpose.
        String passwordHash = encoder.encode(DemoCredentials.PASSWORD);
        for (DemoHospitalData.StaffSpec s : data.staff()) {
            Account account = new Account(s.staffNo(), s.fullName(), departmentIds.get(s.departmentCode()),
                    postIds.get(s.postCode()), s.clearance(), s.email(), s.phone(), now, null);
            Set<AccountRole> held = new HashSet<>();
            for (String code : s.roles()) {
                Role role = rolesByCode.get(code);
                held.add(new AccountRole(role.getId(), role.getKind().adminKind(), now, null));
            }
            account.replaceRoles(held);
            long id = accounts.save(account).getId();
            credentials.create(id, passwordHash, now, s.mustChangePassword());
            if (s.totpSecret() != null) {
                credentials.storePendingTotpSecret(id, cipher.encrypt(s.totpSecret()));
                credentials.enableTotp(id);
            }
        }

        long tokenId = insertHisToken(now);
        jdbc.sql("INSERT INTO iam_demo_marker (id, seeded_at, account_count) VALUES (1, :now, :count)")
                .param("now", Timestamp.from(now)).param("count", data.staff().size()).update();
        audit.record(new AuditEntry(AuditActor.system(), "demo.hospital.seeded", "demo-hospital", null, null,
                AuditOutcome.ALLOWED, null, Map.of(
                        "departments", data.departments().size(),
                        "posts", data.posts().size(),
                        "roles", data.roles().size(),
                        "accounts", data.staff().size(),
                        "apiTokenId", tokenId)));
        log.info("Demo mode: loaded the demo hospital ({} departments, {} accounts); see docs/demo-hospital.md",
                data.departments().size(), data.staff().size());
        return true;
    }

    private boolean alreadySeeded() {
        return jdbc.sql("SELECT count(*) FROM iam_demo_marker").query(Integer.class).single() > 0;
    }

    /**
     * The HIS's demo API token. Written as a row, not through the token service, because its value is fixed
     * and published; like every token only its SHA-256 is kept.
     */
    private long insertHisToken(Instant now) {
        return jdbc.sql("""
                INSERT INTO iam_api_token (name, client, token_prefix, token_hash, scopes, expires_at, created_at)
                VALUES (:name, :client, :prefix, :hash, :scopes, :expires, :now)
                RETURNING id
                """)
                .param("name", "HIS (demo)")
                .param("client", DemoCredentials.HIS_API_CLIENT)
                .param("prefix", DemoCredentials.hisTokenPrefix())
                .param("hash", sha256Hex(DemoCredentials.HIS_API_TOKEN))
                .param("scopes", DemoCredentials.HIS_API_SCOPES)
                .param("expires", Timestamp.from(now.plus(Duration.ofDays(DemoCredentials.HIS_API_TOKEN_DAYS))))
                .param("now", Timestamp.from(now))
                .query(Long.class).single();
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
