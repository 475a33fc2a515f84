package org.baomi.iam.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.baomi.iam.AdminKind;
import org.baomi.iam.internal.login.CredentialStore;
import org.baomi.iam.internal.login.LoginProgressToken;
import org.baomi.iam.internal.login.LoginService;
import org.baomi.iam.internal.login.LoginStep;
import org.baomi.iam.internal.login.PasswordPolicy;
import org.baomi.iam.internal.login.SecretCipher;
import org.baomi.iam.internal.login.StaffAuthentication;
import org.baomi.iam.internal.login.Totp;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@BaomiSpringTest
class DemoHospitalTests {

    private static final String SOURCE = "demo-hospital-test";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoHospitalSeeder seeder;
    @Autowired
    LoginService login;
    @Autowired
    CredentialStore credentials;
    @Autowired
    SecretCipher cipher;
    @Autowired
    PasswordPolicy policy;
    @Autowired
    MutableClock clock;

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /**
     * Demo accounts only: other tests of the shared context register their own people (staff numbers starting with
     * T), some in the same roles.
     */
    private static final String DEMO_ACCOUNT =
            "(a.staff_no ~ '^H[0-9]{4}$' OR a.staff_no IN ('sysadmin', 'secadmin', 'auditor'))";

    private List<String> staffWithRole(String roleCode) {
        return jdbc.sql("""
                SELECT a.staff_no FROM iam_account a JOIN iam_account_role ar ON ar.account_id = a.id
                JOIN iam_role r ON r.id = ar.role_id WHERE r.code = :role AND %s ORDER BY a.staff_no
                """.formatted(DEMO_ACCOUNT)).param("role", roleCode).query(String.class).list();
    }

    @Test
    void theDemoHospitalHasDepartmentsPostsAndStaffOnStartUp() {
        assertThat(count("SELECT count(*) FROM iam_department")).isGreaterThanOrEqualTo(30);
        assertThat(count("SELECT count(*) FROM iam_department WHERE parent_id IS NULL AND code NOT LIKE 'T%'"))
                .as("one root among the demo departments (test fixtures add their own, coded T...)").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM iam_post WHERE medical")).isGreaterThanOrEqualTo(8);
        assertThat(count("SELECT count(*) FROM iam_post WHERE NOT medical")).isGreaterThanOrEqualTo(8);
        assertThat(count("SELECT count(*) FROM iam_account WHERE staff_no LIKE 'H%'")).isGreaterThanOrEqualTo(180);
        assertThat(count("SELECT count(*) FROM iam_account WHERE trim(full_name) = ''")).isZero();
        assertThat(count("SELECT count(DISTINCT lower(staff_no)) FROM iam_account"))
                .isEqualTo(count("SELECT count(*) FROM iam_account"));
        assertThat(count("SELECT count(*) FROM iam_account WHERE (department_id IS NULL OR post_id IS NULL) AND staff_no NOT LIKE 'T%'"))
                .as("every demo account is placed (test fixtures, coded T..., may not be)").isZero();
        assertThat(count("""
                SELECT count(*) FROM iam_account a LEFT JOIN iam_credential c ON c.account_id = a.id
                WHERE c.account_id IS NULL AND a.staff_no NOT LIKE 'T%'
                """)).as("every demo account can sign in (directory-only test fixtures are coded T...)").isZero();
    }

    @Test
    void thePresidentLeadsTheConfidentialityLeadershipGroupWithTheVicePresidentsAndFourHeads() {
        assertThat(staffWithRole("president")).containsExactly("H0001");
        List<Map<String, Object>> members = jdbc.sql("""
                SELECT p.code AS post, d.code AS department FROM iam_account a
                JOIN iam_account_role ar ON ar.account_id = a.id JOIN iam_role r ON r.id = ar.role_id
                JOIN iam_post p ON p.id = a.post_id JOIN iam_department d ON d.id = a.department_id
                WHERE r.code = 'confidentiality-leadership' AND %s
                """.formatted(DEMO_ACCOUNT)).query().listOfRows();
        assertThat(members).extracting(m -> m.get("post") + "@" + m.get("department")).containsExactlyInAnyOrder(
                "PRESIDENT@LEAD", "VICE_PRESIDENT@LEAD", "VICE_PRESIDENT@LEAD", "VICE_PRESIDENT@LEAD",
                "SECTION_CHIEF@INFO", "SECTION_CHIEF@MED_AFFAIRS", "SECTION_CHIEF@NURSING", "SECTION_CHIEF@HR");
        assertThat(jdbc.sql("""
                SELECT a.clearance FROM iam_account a WHERE a.staff_no = 'H0001'
                """).query(String.class).single()).isEqualTo("TOP_SECRET");
    }

    @Test
    void everyDemoStaffMemberHoldsTheStaffRoleAndTheRoleOfTheirPost() {
        assertThat(count("""
                SELECT count(*) FROM iam_account a WHERE a.staff_no LIKE 'H%' AND NOT EXISTS (
                    SELECT 1 FROM iam_account_role ar JOIN iam_role r ON r.id = ar.role_id
                    WHERE ar.account_id = a.id AND r.code = 'staff')
                """)).isZero();
        assertThat(staffWithRole("doctor")).hasSizeGreaterThan(50);
        assertThat(staffWithRole("nurse")).hasSizeGreaterThan(50);
        assertThat(staffWithRole("confidentiality-office")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(staffWithRole("department-confidentiality-officer")).hasSizeGreaterThanOrEqualTo(30);
        assertThat(count("""
                SELECT count(*) FROM iam_role r JOIN iam_role_permission p ON p.role_id = r.id
                WHERE r.kind = 'BUSINESS' AND p.permission LIKE '%*%'
                """)).isZero();
    }

    @Test
    void theThreeAdministratorsEachHoldExactlyOneAdministratorRoleAndHaveTotpEnabled() {
        for (Map.Entry<String, String> admin : Map.of("sysadmin", "SYSTEM_ADMIN", "secadmin", "SECURITY_ADMIN",
                "auditor", "AUDIT_ADMIN").entrySet()) {
            List<Map<String, Object>> held = jdbc.sql("""
                    SELECT r.kind, ar.admin_kind FROM iam_account a JOIN iam_account_role ar ON ar.account_id = a.id
                    JOIN iam_role r ON r.id = ar.role_id WHERE a.staff_no = :staffNo
                    """).param("staffNo", admin.getKey()).query().listOfRows();
            assertThat(held).as(admin.getKey()).singleElement().satisfies(row -> {
                assertThat(row.get("kind")).isEqualTo(admin.getValue());
                assertThat(row.get("admin_kind")).isEqualTo(admin.getValue());
            });
            long id = accountId(admin.getKey());
            assertThat(credentials.find(id)).hasValueSatisfying(c -> {
                assertThat(c.totpEnabled()).isTrue();
                assertThat(c.mustChangePassword()).isFalse();
                assertThat(cipher.decrypt(c.totpSecretSealed()))
                        .isEqualTo(DemoCredentials.ownTotpSecret(admin.getKey()).orElseThrow());
            });
        }
    }

    @Test
    void theDemoPasswordPassesThePasswordPolicyForEveryDemoAccount() {
        List<String> staffNos = jdbc.sql("SELECT staff_no FROM iam_account").query(String.class).list();
        assertThat(staffNos).allSatisfy(staffNo ->
                assertThat(policy.check(DemoCredentials.PASSWORD, staffNo)).as(staffNo).isEmpty());
    }

    @Test
    void seedingAgainAddsNothingAndTheLoadWasAuditedOnce() {
        String totals = """
                SELECT (SELECT count(*) FROM iam_department) || '/' || (SELECT count(*) FROM iam_post) || '/'
                    || (SELECT count(*) FROM iam_role) || '/' || (SELECT count(*) FROM iam_account) || '/'
                    || (SELECT count(*) FROM iam_credential) || '/' || (SELECT count(*) FROM iam_api_token)
                """;
        String before = jdbc.sql(totals).query(String.class).single();

        assertThat(seeder.seed()).isFalse();

        assertThat(jdbc.sql(totals).query(String.class).single()).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM aud_entry WHERE action = 'demo.hospital.seeded' AND actor_kind = 'SYSTEM'"))
                .isEqualTo(1);
    }

    @Test
    void theSystemAdministratorSignsInWithTheDemoPasswordAndTheDocumentedTotpSecret() {
        LoginProgressToken progress = login.verifyPassword("SYSADMIN", DemoCredentials.PASSWORD, SOURCE);
        assertThat(progress.next()).isEqualTo(LoginStep.TOTP);

        LoginProgressToken afterCode = login.verifySecondFactor(progress,
                freshCode("sysadmin", DemoCredentials.SYSADMIN_TOTP_SECRET), SOURCE);
        assertThat(afterCode.next()).isEqualTo(LoginStep.COMPLETE);

        StaffAuthentication signedIn = login.complete(afterCode, SOURCE);
        assertThat(signedIn.getPrincipal().adminKind()).isEqualTo(AdminKind.SYSTEM_ADMIN);
    }

    @Test
    void thePresidentIsAskedForTheSharedStaffTotpCode() {
        LoginProgressToken progress = login.verifyPassword("H0001", DemoCredentials.PASSWORD, SOURCE);
        assertThat(progress.next()).isEqualTo(LoginStep.TOTP);
        assertThat(login.verifySecondFactor(progress, freshCode("H0001", DemoCredentials.STAFF_TOTP_SECRET), SOURCE)
                .next()).isEqualTo(LoginStep.COMPLETE);
    }

    @Test
    void aNewHireMustChangeThePasswordAtFirstLogin() {
        for (String staffNo : List.of("H0901", "H0902", "H0903")) {
            assertThat(login.verifyPassword(staffNo, DemoCredentials.PASSWORD, SOURCE).next()).as(staffNo)
                    .isEqualTo(LoginStep.CHANGE_PASSWORD);
        }
    }

    @Test
    void theSecretDoctorWithoutASecondFactorIsSentToEnrolment() {
        assertThat(login.verifyPassword("H0904", DemoCredentials.PASSWORD, SOURCE).next())
                .isEqualTo(LoginStep.ENROL_TOTP);
    }

    @Test
    void theHisTokenIsStoredAsItsHashWithItsPrefixScopesAndAYearOfValidity() {
        Map<String, Object> row = jdbc.sql("""
                SELECT client, token_prefix, token_hash, scopes, expires_at, created_at, revoked_at
                FROM iam_api_token WHERE token_prefix = 'bm_demo0his'
                """).query().singleRow();
        assertThat(row.get("client")).isEqualTo("HIS");
        assertThat(row.get("token_hash"))
                .isEqualTo("f025ca08638486324496ecf8fd981c049376213a1701a0285d5294b4c0afdd69")
                .isEqualTo(DemoHospitalSeeder.sha256Hex(DemoCredentials.HIS_API_TOKEN));
        assertThat(row.get("scopes")).isEqualTo("iam:department:read iam:staff:read ops:metrics:read access:decision:request");
        assertThat(row.get("revoked_at")).isNull();
        Instant created = ((java.sql.Timestamp) row.get("created_at")).toInstant();
        Instant expires = ((java.sql.Timestamp) row.get("expires_at")).toInstant();
        assertThat(Duration.between(created, expires)).isEqualTo(Duration.ofDays(365));
    }

    private long accountId(String staffNo) {
        return jdbc.sql("SELECT id FROM iam_account WHERE staff_no = :s").param("s", staffNo).query(Long.class).single();
    }

    /**
     * A code the login accepts now: the earliest step within the allowed drift that is later than the last step
     * this account used, so that other tests signing in as the same person in the same 30 seconds do not
     * make this one a replay.
     */
    private String freshCode(String staffNo, String secret) {
        long current = Totp.stepAt(clock.instant());
        Long last = credentials.find(accountId(staffNo)).orElseThrow().totpLastStep();
        long step = Math.max(current - 1, last == null ? current - 1 : last + 1);
        return Totp.codeAt(secret, step);
    }
}
