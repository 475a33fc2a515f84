package org.baomi.test;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.baomi.iam.ApiTokenService;
import org.baomi.iam.IssuedApiToken;
import org.baomi.iam.internal.account.Account;
import org.baomi.iam.internal.account.AccountRepository;
import org.baomi.iam.internal.account.AccountRole;
import org.baomi.iam.internal.account.Department;
import org.baomi.iam.internal.account.DepartmentRepository;
import org.baomi.iam.internal.account.Post;
import org.baomi.iam.internal.account.PostRepository;
import org.baomi.iam.internal.account.Role;
import org.baomi.iam.internal.account.RoleRepository;
import org.baomi.iam.internal.account.StaffDirectory;
import org.baomi.iam.internal.login.CredentialStore;
import org.baomi.iam.internal.login.SecretCipher;
import org.baomi.iam.internal.login.StaffAuthentication;
import org.baomi.iam.internal.login.Totp;
import org.baomi.shared.SecretLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What tests need of the identity tables, made directly through the repositories and independent of the demo
 * hospital: accounts (each with a fresh staff number, the test department and post, and the password
 * {@link #PASSWORD}), the signed-in form of an account, API tokens, a small department for the directory API,
 * and what the audit trail recorded about them.
 */
@Component
public class TestAccounts {

    public static final String PASSWORD = "Correct-Horse-42";
    /** The department and post of the directory API tests ({@link #directoryDepartment()}). */
    public static final String API_DEPARTMENT = "T-API-CARD";
    public static final String API_POST = "T-API-NURSE";
    /** The client name of every API token issued by {@link #issueToken}. */
    public static final String API_CLIENT = "T-API-HIS";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountRepository accounts;
    private final RoleRepository roles;
    private final DepartmentRepository departments;
    private final PostRepository posts;
    private final CredentialStore credentials;
    private final PasswordEncoder encoder;
    private final SecretCipher cipher;
    private final StaffDirectory directory;
    private final ApiTokenService tokens;
    private final JdbcClient jdbc;
    private final Clock clock;
    private String passwordHash;
    private Created tokenIssuer;
    private Created auditTokenIssuer;

    TestAccounts(AccountRepository accounts, RoleRepository roles, DepartmentRepository departments,
            PostRepository posts, CredentialStore credentials, PasswordEncoder encoder, SecretCipher cipher,
            StaffDirectory directory, ApiTokenService tokens, JdbcClient jdbc, Clock clock) {
        this.accounts = accounts;
        this.roles = roles;
        this.departments = departments;
        this.posts = posts;
        this.credentials = credentials;
        this.encoder = encoder;
        this.cipher = cipher;
        this.directory = directory;
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a test asks for; build with {@link #person()} and the with-methods. */
    public record Spec(SecretLevel clearance, Set<String> roleCodes, boolean mustChangePassword, String totpSecret) {
        public Spec clearance(SecretLevel level) {
            return new Spec(level, roleCodes, mustChangePassword, totpSecret);
        }

        public Spec roles(String... codes) {
            return new Spec(clearance, Set.of(codes), mustChangePassword, totpSecret);
        }

        public Spec needingPasswordChange() {
            return new Spec(clearance, roleCodes, true, totpSecret);
        }

        public Spec totp(String base32Secret) {
            return new Spec(clearance, roleCodes, mustChangePassword, base32Secret);
        }

        /** An authenticator app set up with a fresh random secret. */
        public Spec withTotp() {
            return totp(Totp.newSecret(RANDOM));
        }
    }

    /** Clearance INTERNAL, the staff role, a password that need not change, no second factor. */
    public static Spec person() {
        return new Spec(SecretLevel.INTERNAL, Set.of("staff"), false, null);
    }

    /**
     * A created account. {@code totpSecret} is null when no second factor is set up; the with-methods describe
     * the same account after the test changed its password or authenticator.
     */
    public record Created(long id, String staffNo, String fullName, String password, String totpSecret) {

        public Created withPassword(String newPassword) {
            return new Created(id, staffNo, fullName, newPassword, totpSecret);
        }

        public Created withTotpSecret(String secret) {
            return new Created(id, staffNo, fullName, password, secret);
        }
    }

    /**
     * A fresh staff number, unique within the test run and all of the same length, so that no test account's
     * number is part of another's (searches match parts of numbers).
     */
    public static String newStaffNo() {
        return String.format("T%03dX%05d", ProcessHandle.current().pid() % 1000, SEQUENCE.incrementAndGet());
    }

    @Transactional
    public Created create(Spec spec) {
        Instant now = clock.instant();
        String staffNo = newStaffNo();
        String fullName = "Test " + staffNo;
        Account account = new Account(staffNo, fullName, departmentId(), postId(), spec.clearance(), null, null, now,
                null);
        Set<AccountRole> held = new HashSet<>();
        for (String code : spec.roleCodes()) {
            Role role = role(code);
            held.add(new AccountRole(role.getId(), role.getKind().adminKind(), now, null));
        }
        account.replaceRoles(held);
        account = accounts.save(account);
        credentials.create(account.getId(), hash(), now, spec.mustChangePassword());
        if (spec.totpSecret() != null) {
            credentials.storePendingTotpSecret(account.getId(), cipher.encrypt(spec.totpSecret()));
            credentials.enableTotp(account.getId());
        }
        return new Created(account.getId(), staffNo, fullName, PASSWORD, spec.totpSecret());
    }

    /** A staff member of clearance INTERNAL: signs in with the password alone. */
    public Created staff() {
        return create(person());
    }

    /** A staff member who has set up an authenticator app. */
    public Created staffWithTotp() {
        return create(person().withTotp());
    }

    /** The administrators have an authenticator app, as they must before they can sign in (ACC-7). */
    public Created systemAdmin() {
        return create(person().roles("system-admin").withTotp());
    }

    public Created securityAdmin() {
        return create(person().roles("security-admin").withTotp());
    }

    public Created auditAdmin() {
        return create(person().roles("audit-admin").withTotp());
    }

    /**
     * A code for the person's authenticator. The clock first moves on by one step, so the code is never one
     * that an earlier sign-in in the same 30 seconds has used (replay protection, ACC-7).
     */
    public String nextCode(String totpSecret) {
        ((MutableClock) clock).advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        return Totp.codeAt(totpSecret, Totp.stepAt(clock.instant()));
    }

    /** The completed login of the account as it is now (roles and clearance read afresh). */
    public StaffAuthentication authenticationOf(Created account) {
        return new StaffAuthentication(directory.principalOf(account.id()).orElseThrow(), clock.instant());
    }

    /** The department every test account belongs to, as every real account belongs to one. */
    public synchronized long departmentId() {
        return departments.findByCode("TEST-DEPT").map(Department::getId).orElseGet(() -> departments.save(
                new Department("TEST-DEPT", "Test department", "Test department", null, Department.Kind.ADMINISTRATIVE,
                        999, clock.instant())).getId());
    }

    /** The post every test account holds. */
    public synchronized long postId() {
        return posts.findByCode("TEST-POST").map(Post::getId).orElseGet(() -> posts.save(
                new Post("TEST-POST", "Test post", "Test post", false, clock.instant())).getId());
    }

    public long roleId(String code) {
        return role(code).getId();
    }

    private Role role(String code) {
        return roles.findByCode(code).orElseThrow(() -> new IllegalArgumentException("no role " + code));
    }

    /**
     * The department {@link #API_DEPARTMENT} with post {@link #API_POST} and three staff members of clearance
     * SECRET with contact details and a password, as every account has, T-API-0001 to T-API-0003, one of them
     * named in Chinese characters. Made once.
     */
    public synchronized void directoryDepartment() {
        if (departments.findByCode(API_DEPARTMENT).isPresent()) {
            return;
        }
        Department cardiology = departments.save(new Department(API_DEPARTMENT, "\u5fc3\u5185\u79d1", "Cardiology",
                null, Department.Kind.CLINICAL, 10, clock.instant()));
        Post nurse = posts.save(new Post(API_POST, "\u62a4\u58eb", "Nurse", true, clock.instant()));
        Role staff = role("staff");
        String[][] people = {{"T-API-0001", "Test Nurse One"}, {"T-API-0002", "\u674e\u660e Li Ming"},
                {"T-API-0003", "Test Clerk Three"}};
        for (String[] person : people) {
            Account account = new Account(person[0], person[1], cardiology.getId(), nurse.getId(),
                    SecretLevel.SECRET, "secret@example.org", "13800000000", clock.instant(), null);
            account.replaceRoles(Set.of(new AccountRole(staff.getId(), null, clock.instant(), null)));
            credentials.create(accounts.save(account).getId(), hash(), clock.instant(), false);
        }
    }

    /**
     * Issues a token for client {@link #API_CLIENT} with these scopes, as the administrator who may would (ORG-5):
     * the audit administrator for audit scopes, the security administrator for the others.
     */
    public IssuedApiToken issueToken(String name, Duration lifetime, String... scopes) {
        boolean audit = scopes.length > 0 && java.util.Arrays.stream(scopes).allMatch(s -> s.startsWith("audit:"));
        return SignedIn.as(authenticationOf(audit ? auditTokenIssuer() : tokenIssuer()),
                () -> tokens.issue(name, API_CLIENT, Set.of(scopes), lifetime));
    }

    /** The secret of a fresh token with these scopes, valid for 30 days. */
    public String token(String... scopes) {
        return issueToken("test token", Duration.ofDays(30), scopes).token();
    }

    public void revokeToken(long id, String reason) {
        SignedIn.as(authenticationOf(tokenIssuer()), () -> tokens.revoke(id, reason));
    }

    private synchronized Created auditTokenIssuer() {
        if (auditTokenIssuer == null) {
            auditTokenIssuer = auditAdmin();
        }
        return auditTokenIssuer;
    }

    private synchronized Created tokenIssuer() {
        if (tokenIssuer == null) {
            tokenIssuer = securityAdmin();
        }
        return tokenIssuer;
    }

    /** Rows in a table. */
    public long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    /** Audit entries with this action and outcome by this actor on this object id (null: any actor, any object). */
    public long auditEntries(String action, String outcome, Long actorId, Long objectId) {
        return jdbc.sql("""
                SELECT count(*) FROM aud_entry WHERE action = :action AND outcome = :outcome
                  AND (CAST(:actor AS bigint) IS NULL OR actor_id = :actor)
                  AND (CAST(:object AS text) IS NULL OR object_id = :object)
                """).param("action", action).param("outcome", outcome).param("actor", actorId)
                .param("object", objectId == null ? null : objectId.toString()).query(Long.class).single();
    }

    /** Audit entries with this action by this actor, whatever their outcome. */
    public long auditEntriesBy(String action, long actorId) {
        return jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = :action AND actor_id = :actor")
                .param("action", action).param("actor", actorId).query(Long.class).single();
    }

    /**
     * The details of the latest audit entry with this action on this object, waiting up to 10 s for one: a streamed
     * download commits its transaction (and its audit record) just after the last byte, so a client can hold the
     * whole body a moment before the record is visible.
     */
    public String latestAuditDetails(String action, long objectId) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (true) {
            java.util.Optional<String> details = jdbc.sql("""
                    SELECT details::text FROM aud_entry WHERE action = :action AND object_id = :object
                    ORDER BY id DESC LIMIT 1
                    """).param("action", action).param("object", Long.toString(objectId)).query(String.class)
                    .optional();
            if (details.isPresent()) {
                return details.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no audit entry " + action + " on object " + objectId + " within 10 s");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
        }
    }

    private synchronized String hash() {
        if (passwordHash == null) {
            passwordHash = encoder.encode(PASSWORD);
        }
        return passwordHash;
    }
}
