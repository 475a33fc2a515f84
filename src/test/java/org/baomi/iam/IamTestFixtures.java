package org.baomi.iam;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

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
import org.baomi.iam.internal.login.StaffAuthentication;
import org.baomi.shared.SecretLevel;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Accounts for identity tests, made directly through the repositories so that tests need no demo data: each
 * call gives a fresh staff number. One department and one post are shared by every fixture account.
 */
public final class IamTestFixtures {

    /** A fixture account and its password. */
    public record Staff(long id, String staffNo, String password) {
    }

    public static final String PASSWORD = "Fixture-Pa55word!";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static volatile String passwordHash;

    private final AccountRepository accounts;
    private final RoleRepository roles;
    private final DepartmentRepository departments;
    private final PostRepository posts;
    private final CredentialStore credentials;
    private final PasswordEncoder encoder;
    private final StaffDirectory directory;
    private final JdbcClient jdbc;
    private final Clock clock;

    public IamTestFixtures(ApplicationContext context) {
        this.accounts = context.getBean(AccountRepository.class);
        this.roles = context.getBean(RoleRepository.class);
        this.departments = context.getBean(DepartmentRepository.class);
        this.posts = context.getBean(PostRepository.class);
        this.credentials = context.getBean(CredentialStore.class);
        this.encoder = context.getBean(PasswordEncoder.class);
        this.directory = context.getBean(StaffDirectory.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.clock = context.getBean(Clock.class);
    }

    /** A fresh staff number, unique within the test run: {@code prefix} plus a counter and a random tail. */
    public static String staffNo(String prefix) {
        return (prefix + "-" + SEQUENCE.incrementAndGet() + "-"
                + Long.toString(System.nanoTime() % 1_000_000L, 36)).toUpperCase();
    }

    public long departmentId() {
        return departments.findByCode("TEST-DEPT").map(Department::getId).orElseGet(() -> departments.save(
                new Department("TEST-DEPT", "Test department", "Test department", null, Department.Kind.ADMINISTRATIVE,
                        999, clock.instant())).getId());
    }

    public long postId() {
        return posts.findByCode("TEST-POST").map(Post::getId).orElseGet(() -> posts.save(
                new Post("TEST-POST", "Test post", "Test post", false, clock.instant())).getId());
    }

    public Staff systemAdmin() {
        return account("SYS", "system-admin");
    }

    public Staff securityAdmin() {
        return account("SEC", "security-admin");
    }

    public Staff auditAdmin() {
        return account("AUD", "audit-admin");
    }

    public Staff staff() {
        return account("STF", "staff");
    }

    /** An active account holding the given roles, with password {@link #PASSWORD} that need not change. */
    public Staff account(String prefix, String... roleCodes) {
        Instant now = clock.instant();
        String no = staffNo(prefix);
        Account account = new Account(no, "Fixture " + prefix, departmentId(), postId(), SecretLevel.INTERNAL, null,
                null, now, null);
        Set<AccountRole> held = new HashSet<>();
        for (String code : roleCodes) {
            Role role = role(code);
            held.add(new AccountRole(role.getId(), role.getKind().adminKind(), now, null));
        }
        account.replaceRoles(held);
        account = accounts.save(account);
        credentials.create(account.getId(), hash(), now, false);
        return new Staff(account.getId(), no, PASSWORD);
    }

    public Role role(String code) {
        return roles.findByCode(code).orElseThrow(() -> new IllegalStateException("no role " + code));
    }

    /** The completed login of the account as it is now (roles and clearance read afresh). */
    public StaffAuthentication authenticationOf(Staff staff) {
        return new StaffAuthentication(directory.principalOf(staff.id()).orElseThrow(), clock.instant());
    }

    /** Signs the account in on the current thread, for calls of the module API. */
    public StaffAuthentication signIn(Staff staff) {
        StaffAuthentication auth = authenticationOf(staff);
        SecurityContextHolder.getContext().setAuthentication(auth);
        return auth;
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }

    public long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    /** Audit entries with this action (and outcome) by this actor on this account id (null: any). */
    public long auditEntries(String action, String outcome, Long actorId, Long objectId) {
        return jdbc.sql("""
                SELECT count(*) FROM aud_entry WHERE action = :action AND outcome = :outcome
                  AND (CAST(:actor AS bigint) IS NULL OR actor_id = :actor)
                  AND (CAST(:object AS text) IS NULL OR object_id = :object)
                """).param("action", action).param("outcome", outcome).param("actor", actorId)
                .param("object", objectId == null ? null : objectId.toString()).query(Long.class).single();
    }

    public String latestAuditDetails(String action, Long objectId) {
        return jdbc.sql("""
                SELECT details::text FROM aud_entry WHERE action = :action AND object_id = :object
                ORDER BY id DESC LIMIT 1
                """).param("action", action).param("object", objectId.toString()).query(String.class).single();
    }

    private String hash() {
        if (passwordHash == null) {
            passwordHash = encoder.encode(PASSWORD);
        }
        return passwordHash;
    }
}
