package org.baomi.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.baomi.iam.internal.login.LoginProgressToken;
import org.baomi.iam.internal.login.LoginService;
import org.baomi.iam.internal.login.LoginStep;
import org.baomi.shared.BaomiException;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.SignedIn;
import org.baomi.test.TestAccounts;
import org.baomi.test.TestAccounts.Created;
import org.baomi.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Identity administration through the module API (ORG-5, ACC-2, ACC-3), against the real database. */
@BaomiSpringTest
class AccountAdministrationTests {

    @Autowired AccountService accounts;
    @Autowired AccountQueries queries;
    @Autowired RoleService roles;
    @Autowired LoginService loginService;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;

    @Autowired TestAccounts fixtures;

    Created systemAdmin;
    Created securityAdmin;

    @BeforeEach
    void setUp() {
        systemAdmin = fixtures.systemAdmin();
        securityAdmin = fixtures.securityAdmin();
    }

    @AfterEach
    void tearDown() {
        SignedIn.out();
        clock.reset();
    }

    private void signIn(Created person) {
        SignedIn.as(fixtures.authenticationOf(person));
    }

    private int version(long accountId) {
        signIn(securityAdmin);
        return queries.details(accountId).version();
    }

    private Set<Long> roleIds(String... codes) {
        return Arrays.stream(codes).map(fixtures::roleId).collect(Collectors.toSet());
    }

    private OneTimePassword register(String staffNo, String name) {
        signIn(systemAdmin);
        return accounts.register(new RegisterAccount(staffNo, name, fixtures.departmentId(), fixtures.postId(),
                "someone@hospital.example.cn", "+86 10 6000 1234"));
    }

    @Test
    @DisplayName("ORG-5: a second administrator role on the same account is refused with a message naming the role it holds")
    void secondAdministratorRoleIsRefused() {
        Created admin = fixtures.systemAdmin();
        int version = version(admin.id());
        BaomiException refused = catchThrowableOfType(BaomiException.class,
                () -> accounts.assignRoles(admin.id(), version, roleIds("system-admin", "security-admin")));
        assertThat(refused.kind()).isEqualTo(BaomiException.Kind.INVALID);
        assertThat(refused.messageKey()).isEqualTo("iam.admin.error.second-admin-role");
        assertThat(refused.args()[0].toString()).contains("iam.admin-kind.SYSTEM_ADMIN");
        assertThat(refused.args()[1].toString()).contains("iam.admin-kind.SECURITY_ADMIN");
        assertThat(queries.details(admin.id()).roles()).extracting(RoleRef::code).containsExactly("system-admin");
        assertThat(fixtures.auditEntries("iam.account.roles-assigned", "DENIED", securityAdmin.id(), admin.id())).isEqualTo(1);
    }

    @Test
    @DisplayName("ORG-5: the database index refuses a second administrator role even if a service forgot the rule")
    void databaseBacksUpTheOneAdministratorRoleRule() {
        Created admin = fixtures.auditAdmin();
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO iam_account_role (account_id, role_id, admin_kind, granted_at)
                VALUES (:a, :r, 'SECURITY_ADMIN', now())
                """).param("a", admin.id()).param("r", fixtures.roleId("security-admin")).update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    @DisplayName("ORG-5: an administrator role cannot be combined with a business role")
    void administratorRoleWithBusinessRoleIsRefused() {
        Created person = fixtures.staff();
        int version = version(person.id());
        BaomiException refused = catchThrowableOfType(BaomiException.class,
                () -> accounts.assignRoles(person.id(), version, roleIds("staff", "audit-admin")));
        assertThat(refused.messageKey()).isEqualTo("iam.admin.error.admin-with-business");
        assertThat(refused.args()[1]).isEqualTo("staff");
        assertThat(queries.details(person.id()).adminKind()).isNull();
    }

    @Test
    @DisplayName("ORG-5: an account may change from a business role to exactly one administrator role, and sessions end")
    void businessAccountBecomesAnAdministrator() {
        Created person = fixtures.staff();
        insertSession(person.staffNo());
        int version = version(person.id());
        accounts.assignRoles(person.id(), version, roleIds("audit-admin"));
        AccountDetails after = queries.details(person.id());
        assertThat(after.adminKind()).isEqualTo(AdminKind.AUDIT_ADMIN);
        assertThat(after.roles()).extracting(RoleRef::code).containsExactly("audit-admin");
        assertThat(sessionsOf(person.staffNo())).isZero();
        assertThat(fixtures.latestAuditDetails("iam.account.roles-assigned", person.id()))
                .contains("\"before\": [\"staff\"]").contains("\"after\": [\"audit-admin\"]");
    }

    @Test
    @DisplayName("ORG-5: no administrator role holds a business permission, and none can be given one")
    void administratorRolesHoldOnlyAdministrativePermissions() {
        signIn(securityAdmin);
        List<RoleSummary> all = roles.list();
        assertThat(all).filteredOn(RoleSummary::administrative).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(role -> assertThat(role.permissions()).allMatch(Permissions::isAdministrative));
        for (RoleSummary admin : all.stream().filter(RoleSummary::administrative).toList()) {
            InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () -> roles.updateBusinessRole(
                    admin.id(), admin.version(), new RoleDraft(admin.code(), "x", "x",
                            List.of("document:document:read"))));
            assertThat(refused.problems()).extracting(FieldProblem::messageKey)
                    .containsExactly("iam.admin.error.permission.business-in-admin-role");
            BaomiException fixed = catchThrowableOfType(BaomiException.class, () -> roles.updateBusinessRole(
                    admin.id(), admin.version(), new RoleDraft(admin.code(), "x", "x", List.of("audit:entry:read"))));
            assertThat(fixed.messageKey()).isEqualTo("iam.admin.error.role.admin-role-fixed");
        }
        assertThat(roles.list()).filteredOn(RoleSummary::administrative)
                .allSatisfy(role -> assertThat(role.permissions()).allMatch(Permissions::isAdministrative));
    }

    @Test
    @DisplayName("ORG-5: a business role cannot hold an administrative permission")
    void businessRoleWithAdministrativePermissionIsRefused() {
        signIn(securityAdmin);
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () -> roles.createBusinessRole(
                new RoleDraft("sneaky-" + UUID.randomUUID().toString().substring(0, 8), "x", "x",
                        List.of("document:document:read", "iam:role:assign"))));
        assertThat(refused.problems()).extracting(FieldProblem::messageKey)
                .containsExactly("iam.admin.error.permission.administrative");
    }

    @Test
    @DisplayName("ACC-2: the security administrator creates and edits a business role; both are audited")
    void businessRoleLifecycle() {
        signIn(securityAdmin);
        String code = "ward-clerk-" + UUID.randomUUID().toString().substring(0, 8);
        long id = roles.createBusinessRole(new RoleDraft(code, "Ward clerk", "Ward clerk",
                List.of(" document:document:read ", "", "document:document:read", "archive:*:read")));
        RoleSummary created = roles.find(id);
        assertThat(created.permissions()).containsExactly("archive:*:read", "document:document:read");
        assertThat(created.adminKind()).isNull();
        roles.updateBusinessRole(id, created.version(), new RoleDraft("ignored", "Clerk", "Clerk",
                List.of("document:document:read")));
        assertThat(roles.find(id).permissions()).containsExactly("document:document:read");
        assertThat(roles.find(id).code()).isEqualTo(code);
        assertThatThrownBy(() -> roles.updateBusinessRole(id, created.version(), new RoleDraft(code, "a", "b", List.of())))
                .isInstanceOfSatisfying(BaomiException.class, e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.CONFLICT));
        assertThat(fixtures.auditEntries("iam.role.created", "ALLOWED", securityAdmin.id(), id)).isEqualTo(1);
        assertThat(fixtures.auditEntries("iam.role.updated", "ALLOWED", securityAdmin.id(), id)).isEqualTo(1);
    }

    @Test
    @DisplayName("ACC-2: a role code, names and permissions are checked field by field")
    void roleDraftIsChecked() {
        signIn(securityAdmin);
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () -> roles.createBusinessRole(
                new RoleDraft("Bad Code'; DROP TABLE iam_role;--", "", "x".repeat(51),
                        List.of("<script>alert(1)</script>"))));
        assertThat(refused.problems()).extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("code", "nameZh", "nameEn", "permissions");
        assertThatThrownBy(() -> roles.createBusinessRole(new RoleDraft("staff", "x", "x", List.of())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("iam.admin.error.role.code-taken"));
    }

    @Test
    @DisplayName("ACC-3: the system administrator cannot assign roles (deny by default, audited access.denied)")
    void systemAdministratorCannotAssignRoles() {
        Created person = fixtures.staff();
        int version = version(person.id());
        signIn(systemAdmin);
        BaomiException denied = catchThrowableOfType(BaomiException.class,
                () -> accounts.assignRoles(person.id(), version, roleIds("staff")));
        assertThat(denied.kind()).isEqualTo(BaomiException.Kind.FORBIDDEN);
        assertThat(fixtures.auditEntries("access.denied", "DENIED", systemAdmin.id(), null)).isEqualTo(1);
        assertThatThrownBy(() -> accounts.setClearance(person.id(), version, SecretLevel.TOP_SECRET))
                .isInstanceOfSatisfying(BaomiException.class, e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.FORBIDDEN));
        assertThat(fixtures.auditEntries("access.denied", "DENIED", systemAdmin.id(), null)).isEqualTo(2);
    }

    @Test
    @DisplayName("ACC-3: the security administrator cannot register accounts or reset passwords (audited access.denied)")
    void securityAdministratorCannotRegisterAccounts() {
        signIn(securityAdmin);
        long before = fixtures.count("iam_account");
        BaomiException denied = catchThrowableOfType(BaomiException.class, () -> accounts.register(new RegisterAccount(
                TestAccounts.newStaffNo(), "Someone", fixtures.departmentId(), fixtures.postId(), null, null)));
        assertThat(denied.kind()).isEqualTo(BaomiException.Kind.FORBIDDEN);
        assertThat(fixtures.count("iam_account")).isEqualTo(before);
        assertThat(fixtures.auditEntries("access.denied", "DENIED", securityAdmin.id(), null)).isEqualTo(1);
        Created person = fixtures.staff();
        signIn(securityAdmin);
        assertThatThrownBy(() -> accounts.resetPassword(person.id())).isInstanceOf(BaomiException.class);
        assertThat(fixtures.auditEntries("access.denied", "DENIED", securityAdmin.id(), null)).isEqualTo(2);
    }

    @Test
    @DisplayName("ACC-3: the audit administrator and plain staff reach no account administration at all")
    void auditAdministratorAndStaffAreDenied() {
        for (Created other : List.of(fixtures.auditAdmin(), fixtures.staff())) {
            signIn(other);
            assertThatThrownBy(() -> queries.search(new AccountSearch(null, null, null, null, false, null, 0, 20)))
                    .isInstanceOfSatisfying(BaomiException.class, e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.FORBIDDEN));
            assertThatThrownBy(() -> accounts.unlock(systemAdmin.id())).isInstanceOf(BaomiException.class);
            assertThat(fixtures.auditEntries("access.denied", "DENIED", other.id(), null)).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("ACC-3: an administrator cannot change their own roles, clearance, status or review")
    void administratorsDoNotActOnThemselves() {
        int version = version(securityAdmin.id());
        signIn(securityAdmin);
        for (Runnable own : List.<Runnable>of(
                () -> accounts.assignRoles(securityAdmin.id(), version, roleIds("security-admin")),
                () -> accounts.setClearance(securityAdmin.id(), version, SecretLevel.TOP_SECRET),
                () -> accounts.markAccessReviewed(securityAdmin.id()),
                () -> accounts.resetSecondFactor(securityAdmin.id()))) {
            assertThatThrownBy(own::run).isInstanceOfSatisfying(BaomiException.class,
                    e -> assertThat(e.messageKey()).isEqualTo("iam.admin.error.own-account"));
        }
        signIn(systemAdmin);
        int sysVersion = version(systemAdmin.id());
        signIn(systemAdmin);
        assertThatThrownBy(() -> accounts.changeStatus(systemAdmin.id(), sysVersion, AccountStatus.DEPARTED, "bye"))
                .isInstanceOfSatisfying(BaomiException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("iam.admin.error.own-account"));
        assertThat(queries.details(systemAdmin.id()).status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(fixtures.auditEntries("iam.account.clearance-changed", "DENIED", securityAdmin.id(),
                securityAdmin.id())).isEqualTo(1);
    }

    @Test
    @DisplayName("ACC-2: a registered account gets the staff role and must change its initial password at the first login")
    void registeredAccountMustChangePasswordAtFirstLogin() {
        String staffNo = TestAccounts.newStaffNo().toLowerCase(Locale.ROOT);
        OneTimePassword created = register("  " + staffNo + " ", "\u674E\u56DB");
        assertThat(created.staffNo()).isEqualTo(staffNo.toUpperCase(Locale.ROOT));
        assertThat(created.password()).hasSize(16);
        assertThat(created.toString()).doesNotContain(created.password());
        LoginProgressToken progress = loginService.verifyPassword(staffNo, created.password(), "198.51.100.7");
        assertThat(progress.next()).isEqualTo(LoginStep.CHANGE_PASSWORD);
        AccountDetails details = queries.details(created.accountId());
        assertThat(details.roles()).extracting(RoleRef::code).containsExactly("staff");
        assertThat(details.clearance()).isEqualTo(SecretLevel.INTERNAL);
        assertThat(details.mustChangePassword()).isTrue();
        String audit = fixtures.latestAuditDetails("iam.account.created", created.accountId());
        assertThat(audit).contains(created.staffNo()).doesNotContain(created.password());
        assertThat(fixtures.auditEntries("iam.account.created", "ALLOWED", systemAdmin.id(), created.accountId())).isEqualTo(1);
    }

    @Test
    @DisplayName("ACC-2: a staff number is unique whatever its case, with a clear message and nothing written")
    void duplicateStaffNumberIsRefused() {
        OneTimePassword first = register(TestAccounts.newStaffNo(), "Wang Wu");
        long before = fixtures.count("iam_account");
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                () -> register(first.staffNo().toLowerCase(Locale.ROOT), "Wang Wu"));
        assertThat(refused.problems()).extracting(FieldProblem::messageKey).containsExactly("iam.admin.error.staff-no.taken");
        assertThat(refused.problems().get(0).args()).containsExactly(first.staffNo());
        assertThat(fixtures.count("iam_account")).isEqualTo(before);
    }

    @Test
    @DisplayName("ACC-2: a password reset gives a new one-time password that must be changed, ends sessions, and is audited without it")
    void passwordReset() {
        Created person = fixtures.staff();
        insertSession(person.staffNo());
        signIn(systemAdmin);
        OneTimePassword reset = accounts.resetPassword(person.id());
        assertThat(sessionsOf(person.staffNo())).isZero();
        assertThat(loginService.verifyPassword(person.staffNo(), reset.password(), "198.51.100.8").next())
                .isEqualTo(LoginStep.CHANGE_PASSWORD);
        assertThat(fixtures.latestAuditDetails("iam.account.password-reset", person.id()))
                .doesNotContain(reset.password()).doesNotContain(TestAccounts.PASSWORD);
    }

    @Test
    @DisplayName("ACC-2: suspending needs a reason, ends the person's sessions and blocks the login; reactivating restores it")
    void suspensionEndsSessions() {
        Created person = fixtures.staff();
        insertSession(person.staffNo());
        int version = version(person.id());
        signIn(systemAdmin);
        InvalidInputException noReason = catchThrowableOfType(InvalidInputException.class,
                () -> accounts.changeStatus(person.id(), version, AccountStatus.SUSPENDED, "  "));
        assertThat(noReason.problems()).extracting(FieldProblem::messageKey).containsExactly("iam.admin.error.reason.required");
        assertThat(sessionsOf(person.staffNo())).isEqualTo(1);
        accounts.changeStatus(person.id(), version, AccountStatus.SUSPENDED, "Long leave");
        assertThat(sessionsOf(person.staffNo())).isZero();
        assertThatThrownBy(() -> loginService.verifyPassword(person.staffNo(), person.password(), "198.51.100.9"))
                .isInstanceOf(RuntimeException.class);
        accounts.changeStatus(person.id(), version + 1, AccountStatus.ACTIVE, null);
        assertThat(loginService.verifyPassword(person.staffNo(), person.password(), "198.51.100.9").next())
                .isEqualTo(LoginStep.COMPLETE);
        assertThat(fixtures.latestAuditDetails("iam.account.status-changed", person.id())).contains("SUSPENDED");
    }

    @Test
    @DisplayName("ACC-2: a stale version is refused as a conflict and changes nothing")
    void staleVersionIsAConflict() {
        Created person = fixtures.staff();
        int version = version(person.id());
        signIn(systemAdmin);
        accounts.updateProfile(person.id(), version, new UpdateProfile("Zhao Liu", fixtures.departmentId(),
                fixtures.postId(), null, null));
        BaomiException conflict = catchThrowableOfType(BaomiException.class, () -> accounts.updateProfile(person.id(),
                version, new UpdateProfile("Qian Qi", fixtures.departmentId(), fixtures.postId(), null, null)));
        assertThat(conflict.kind()).isEqualTo(BaomiException.Kind.CONFLICT);
        assertThat(conflict.messageKey()).isEqualTo("iam.admin.error.stale");
        assertThat(queries.details(person.id()).fullName()).isEqualTo("Zhao Liu");
        signIn(securityAdmin);
        assertThatThrownBy(() -> accounts.setClearance(person.id(), version, SecretLevel.SECRET))
                .isInstanceOfSatisfying(BaomiException.class, e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.CONFLICT));
    }

    @Test
    @DisplayName("AUD-1: every administrator action is audited with what changed")
    void everyActionIsAudited() {
        Created person = fixtures.staff();
        jdbc.sql("UPDATE iam_credential SET failed_count = 5, locked_until = :until, totp_enabled = TRUE, totp_secret = 'x' WHERE account_id = :id")
                .param("until", Timestamp.from(clock.instant().plus(Duration.ofMinutes(10)))).param("id", person.id()).update();
        int version = version(person.id());
        signIn(systemAdmin);
        accounts.updateProfile(person.id(), version, new UpdateProfile("Sun Ba", fixtures.departmentId(),
                fixtures.postId(), "sun.ba@hospital.example.cn", null));
        signIn(securityAdmin);
        assertThat(queries.details(person.id()).locked()).isTrue();
        accounts.setClearance(person.id(), version + 1, SecretLevel.SECRET);
        accounts.unlock(person.id());
        accounts.resetSecondFactor(person.id());
        accounts.markAccessReviewed(person.id());
        AccountDetails after = queries.details(person.id());
        assertThat(after.locked()).isFalse();
        assertThat(after.secondFactorEnabled()).isFalse();
        assertThat(after.clearance()).isEqualTo(SecretLevel.SECRET);
        assertThat(after.accessReviewedAt()).isNotNull();
        assertThat(after.reviewOverdue()).isFalse();
        assertThat(fixtures.latestAuditDetails("iam.account.profile-updated", person.id()))
                .contains(person.fullName()).contains("Sun Ba");
        assertThat(fixtures.latestAuditDetails("iam.account.clearance-changed", person.id()))
                .contains("INTERNAL").contains("SECRET");
        assertThat(fixtures.latestAuditDetails("iam.account.unlocked", person.id())).contains("\"failedCountBefore\": 5");
        assertThat(fixtures.auditEntries("iam.account.second-factor-reset", "ALLOWED", securityAdmin.id(), person.id())).isEqualTo(1);
        assertThat(fixtures.auditEntries("iam.account.access-reviewed", "ALLOWED", securityAdmin.id(), person.id())).isEqualTo(1);
    }

    @Test
    @DisplayName("ACC-2: the access review flags accounts never reviewed or reviewed more than 180 days ago")
    void accessReviewFlagsOverdueAccounts() {
        Created fresh = fixtures.staff();
        Created old = fixtures.staff();
        signIn(securityAdmin);
        accounts.markAccessReviewed(fresh.id());
        jdbc.sql("UPDATE iam_account SET access_reviewed_at = :at WHERE id = :id")
                .param("at", Timestamp.from(clock.instant().minus(Duration.ofDays(181)))).param("id", old.id()).update();
        assertThat(queries.accessReviewRow(fresh.id()).overdue()).isFalse();
        assertThat(queries.accessReviewRow(old.id()).overdue()).isTrue();
        assertThat(queries.accessReview(new AccessReviewFilter(old.staffNo(), null, null, true, 0, 200)).rows())
                .extracting(AccessReviewRow::accountId).contains(old.id());
        assertThat(queries.accessReview(new AccessReviewFilter(fresh.staffNo(), null, null, true, 0, 200)).rows())
                .extracting(AccessReviewRow::accountId).doesNotContain(fresh.id());
        clock.advance(Duration.ofDays(181));
        assertThat(queries.accessReviewRow(fresh.id()).overdue()).isTrue();
    }

    @Test
    @DisplayName("ACC-2: the review export is CSV with a UTF-8 byte order mark and Chinese headers, and is audited")
    void accessReviewExport() {
        Created person = fixtures.staff();
        signIn(securityAdmin);
        CsvExport csv = queries.exportAccessReview(new AccessReviewFilter(person.staffNo(), null, null, false, 0, 50),
                Locale.SIMPLIFIED_CHINESE);
        byte[] bytes = csv.content();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\"\u5DE5\u53F7\"").contains(person.staffNo()).contains("\u804C\u5DE5");
        assertThat(csv.rows()).isEqualTo(1);
        assertThat(csv.filename()).endsWith(".csv");
        assertThat(fixtures.auditEntries("iam.access-review.exported", "ALLOWED", securityAdmin.id(), null)).isEqualTo(1);
    }

    @Test
    @DisplayName("ACC-2: account search filters by text, role, status and lockout, with hostile text treated as text")
    void accountSearch() {
        Created person = fixtures.staff();
        Created admin = fixtures.auditAdmin();
        signIn(systemAdmin);
        assertThat(queries.search(new AccountSearch(person.staffNo().toLowerCase(Locale.ROOT), null, null, null, false,
                AccountSort.NAME, 0, 20)).rows()).extracting(AccountSummary::id).containsExactly(person.id());
        ResultPage<AccountSummary> audits = queries.search(new AccountSearch(null, null, null,
                fixtures.roleId("audit-admin"), false, AccountSort.NEWEST, 0, 100));
        assertThat(audits.rows()).extracting(AccountSummary::id).contains(admin.id()).doesNotContain(person.id());
        assertThat(audits.rows()).allMatch(a -> a.adminKind() == AdminKind.AUDIT_ADMIN);
        for (String hostile : List.of("%", "_", "\\", "'; DROP TABLE iam_account;--", "<script>alert(1)</script>",
                "\u0000", "\uD83D\uDE00", "x".repeat(5000))) {
            for (AccountSort sort : AccountSort.values()) {
                ResultPage<AccountSummary> page = queries.search(new AccountSearch(hostile, -1L, AccountStatus.DEPARTED,
                        Long.MAX_VALUE, true, sort, Integer.MAX_VALUE, 1000));
                assertThat(page.rows()).isEmpty();
            }
        }
        assertThat(queries.search(new AccountSearch("%", null, null, null, false, null, 0, 20)).total()).isZero();
    }

    private void insertSession(String staffNo) {
        long now = System.currentTimeMillis();
        jdbc.sql("""
                INSERT INTO spring_session (primary_id, session_id, creation_time, last_access_time,
                    max_inactive_interval, expiry_time, principal_name)
                VALUES (:p, :s, :now, :now, 900, :exp, :name)
                """).param("p", UUID.randomUUID().toString()).param("s", UUID.randomUUID().toString())
                .param("now", now).param("exp", now + 900_000).param("name", staffNo).update();
    }

    private long sessionsOf(String staffNo) {
        return jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = :n").param("n", staffNo)
                .query(Long.class).single();
    }
}
