package org.baomi.iam;

import java.time.Duration;
import java.util.List;

import org.baomi.audit.AuditQueries;
import org.baomi.audit.AuditSearch;
import org.baomi.iam.internal.login.LoginProgressToken;
import org.baomi.iam.internal.login.LoginRefusedException;
import org.baomi.iam.internal.login.LoginService;
import org.baomi.iam.internal.login.LoginStep;
import org.baomi.iam.internal.login.Totp;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.MutableClock;
import org.baomi.test.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@BaomiSpringTest
class LoginSecurityTest {

    private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    @Autowired LoginService login;
    @Autowired TestAccounts accounts;
    @Autowired MutableClock clock;
    @Autowired AuditQueries audit;

    private int sourceCounter;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String source() {
        return "192.0.2." + (++sourceCounter) + "-" + getClass().getSimpleName() + System.nanoTime();
    }

    private LoginRefusedException.Reason refusal(String staffNo, String password, String source) {
        try {
            login.verifyPassword(staffNo, password, source);
            return null;
        } catch (LoginRefusedException e) {
            return e.reason();
        }
    }

    @Test
    void fiveFailuresWithinFifteenMinutesLockTheAccountForFifteenMinutes_ACC7() {
        TestAccounts.Created person = accounts.create(TestAccounts.person());
        String src = source();
        for (int i = 1; i <= 4; i++) {
            assertThat(refusal(person.staffNo(), "wrong-" + i, src)).isEqualTo(LoginRefusedException.Reason.BAD_CREDENTIALS);
        }
        assertThat(refusal(person.staffNo(), "wrong-5", src)).isEqualTo(LoginRefusedException.Reason.LOCKED);
        assertThat(refusal(person.staffNo(), TestAccounts.PASSWORD, src))
                .as("the right password is refused while locked").isEqualTo(LoginRefusedException.Reason.LOCKED);

        clock.advance(Duration.ofMinutes(14));
        assertThat(refusal(person.staffNo(), TestAccounts.PASSWORD, src)).isEqualTo(LoginRefusedException.Reason.LOCKED);
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(login.verifyPassword(person.staffNo(), TestAccounts.PASSWORD, src).next()).isEqualTo(LoginStep.COMPLETE);
    }

    @Test
    void failuresSpreadBeyondTheWindowDoNotLock_ACC7() {
        TestAccounts.Created person = accounts.create(TestAccounts.person());
        String src = source();
        for (int i = 0; i < 4; i++) {
            refusal(person.staffNo(), "wrong", src);
        }
        clock.advance(Duration.ofMinutes(16));
        for (int i = 0; i < 4; i++) {
            assertThat(refusal(person.staffNo(), "wrong", src)).isEqualTo(LoginRefusedException.Reason.BAD_CREDENTIALS);
        }
        assertThat(login.verifyPassword(person.staffNo(), TestAccounts.PASSWORD, src).next()).isEqualTo(LoginStep.COMPLETE);
    }

    @Test
    void lockoutAndEveryFailedLoginAreAuditedForTheSecurityAdministrator_ACC8() {
        TestAccounts.Created person = accounts.create(TestAccounts.person());
        String src = source();
        for (int i = 0; i < 5; i++) {
            refusal(person.staffNo(), "wrong", src);
        }
        AuditSearch failed = new AuditSearch(java.util.Set.of("iam.login.failed"), java.util.Set.of(person.id()), null,
                null, null, null, 0, 50);
        AuditSearch locked = new AuditSearch(java.util.Set.of("iam.account.locked"), java.util.Set.of(person.id()), null,
                null, null, null, 0, 50);
        assertThat(audit.count(failed)).isEqualTo(5);
        assertThat(audit.count(locked)).isEqualTo(1);
        assertThat(audit.search(failed).get(0).sourceAddress()).isEqualTo(src);
    }

    @Test
    void wrongSecondFactorCodesCountTowardsTheLockout_ACC7() {
        TestAccounts.Created person = accounts.create(TestAccounts.person().totp(SECRET));
        String src = source();
        LoginProgressToken progress = login.verifyPassword(person.staffNo(), TestAccounts.PASSWORD, src);
        assertThat(progress.next()).isEqualTo(LoginStep.TOTP);
        String wrong = wrongCode();
        for (int i = 1; i <= 4; i++) {
            LoginProgressToken p = progress;
            assertThatThrownBy(() -> login.verifySecondFactor(p, wrong, src))
                    .isInstanceOfSatisfying(LoginRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(LoginRefusedException.Reason.BAD_CODE));
        }
        assertThatThrownBy(() -> login.verifySecondFactor(progress, wrong, src))
                .isInstanceOfSatisfying(LoginRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(LoginRefusedException.Reason.LOCKED));
        assertThat(refusal(person.staffNo(), TestAccounts.PASSWORD, src)).isEqualTo(LoginRefusedException.Reason.LOCKED);
    }

    @Test
    void oneSourceSprayingManyAccountsIsThrottled_ACC8() {
        String src = source();
        for (int i = 0; i < 20; i++) {
            refusal("NOBODY" + i, "Spray-Password-1", src);
        }
        TestAccounts.Created person = accounts.create(TestAccounts.person());
        assertThat(refusal(person.staffNo(), TestAccounts.PASSWORD, src)).isEqualTo(LoginRefusedException.Reason.THROTTLED);
        assertThat(refusal(person.staffNo(), TestAccounts.PASSWORD, source()))
                .as("another source is not affected").isNull();
    }

    @Test
    void unknownUserNamesGetTheSameAnswerAsWrongPasswords_ACC7() {
        assertThat(refusal("NO-SUCH-PERSON", "whatever", source())).isEqualTo(LoginRefusedException.Reason.BAD_CREDENTIALS);
    }

    @Test
    void theThreeAdministratorsAndClearanceSecretOrAboveMustEnrolASecondFactor_ACC7() {
        for (String adminRole : List.of("system-admin", "security-admin", "audit-admin")) {
            TestAccounts.Created admin = accounts.create(TestAccounts.person().roles(adminRole));
            assertThat(login.verifyPassword(admin.staffNo(), TestAccounts.PASSWORD, source()).next())
                    .as(adminRole).isEqualTo(LoginStep.ENROL_TOTP);
        }
        for (SecretLevel level : List.of(SecretLevel.SECRET, SecretLevel.HIGHLY_SECRET, SecretLevel.TOP_SECRET)) {
            TestAccounts.Created cleared = accounts.create(TestAccounts.person().clearance(level));
            assertThat(login.verifyPassword(cleared.staffNo(), TestAccounts.PASSWORD, source()).next())
                    .as(level.name()).isEqualTo(LoginStep.ENROL_TOTP);
        }
        TestAccounts.Created internal = accounts.create(TestAccounts.person().clearance(SecretLevel.INTERNAL));
        assertThat(login.verifyPassword(internal.staffNo(), TestAccounts.PASSWORD, source()).next())
                .isEqualTo(LoginStep.COMPLETE);
    }

    @Test
    void aSecondFactorCodeCannotBeReplayed_ACC7() {
        TestAccounts.Created person = accounts.create(TestAccounts.person().clearance(SecretLevel.SECRET).totp(SECRET));
        String src = source();
        String code = Totp.codeAt(SECRET, Totp.stepAt(clock.instant()));
        LoginProgressToken first = login.verifyPassword(person.staffNo(), TestAccounts.PASSWORD, src);
        assertThat(login.verifySecondFactor(first, code, src).next()).isEqualTo(LoginStep.COMPLETE);

        LoginProgressToken second = login.verifyPassword(person.staffNo(), TestAccounts.PASSWORD, src);
        assertThatThrownBy(() -> login.verifySecondFactor(second, code, src))
                .isInstanceOfSatisfying(LoginRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(LoginRefusedException.Reason.BAD_CODE));
        clock.advance(Duration.ofSeconds(30));
        String next = Totp.codeAt(SECRET, Totp.stepAt(clock.instant()));
        assertThat(login.verifySecondFactor(second, next, src).next()).isEqualTo(LoginStep.COMPLETE);
    }

    @Test
    void aRecoveryCodeWorksOnce_ACC7() {
        TestAccounts.Created person = accounts.create(TestAccounts.person().clearance(SecretLevel.SECRET));
        String src = source();
        LoginProgressToken progress = login.verifyPassword(person.staffNo(), TestAccounts.PASSWORD, src);
        LoginService.Enrolment enrolment = login.beginEnrolment(progress.accountId());
        List<String> codes = login.confirmEnrolment(progress.accountId(),
                Totp.codeAt(enrolment.secret(), Totp.stepAt(clock.instant())), src).orElseThrow();
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();

        LoginProgressToken again = login.verifyPassword(person.staffNo(), TestAccounts.PASSWORD, src);
        assertThat(again.next()).isEqualTo(LoginStep.TOTP);
        assertThat(login.verifySecondFactor(again, codes.get(3).toUpperCase(), src).next()).isEqualTo(LoginStep.COMPLETE);
        LoginProgressToken third = login.verifyPassword(person.staffNo(), TestAccounts.PASSWORD, src);
        assertThatThrownBy(() -> login.verifySecondFactor(third, codes.get(3), src))
                .isInstanceOf(LoginRefusedException.class);
    }

    @Test
    void firstLoginForcesAPasswordChangeThatRefusesCommonAndReusedPasswords_ACC7() {
        TestAccounts.Created person = accounts.create(TestAccounts.person().needingPasswordChange());
        String src = source();
        LoginProgressToken progress = login.verifyPassword(person.staffNo(), TestAccounts.PASSWORD, src);
        assertThat(progress.next()).isEqualTo(LoginStep.CHANGE_PASSWORD);

        assertThat(login.changePassword(person.id(), "P@ssw0rd123", "P@ssw0rd123", src))
                .extracting(v -> v.key()).contains("iam.password.common");
        assertThat(login.changePassword(person.id(), TestAccounts.PASSWORD, TestAccounts.PASSWORD, src))
                .extracting(v -> v.key()).containsExactly("iam.password.reused");
        assertThat(login.changePassword(person.id(), "Lantern-Vase-93", "Lantern-Vase-94", src))
                .extracting(v -> v.key()).containsExactly("iam.password.mismatch");
        assertThat(login.changePassword(person.id(), "Lantern-Vase-93", "Lantern-Vase-93", src)).isEmpty();
        assertThat(login.afterPasswordChange(progress).next()).isEqualTo(LoginStep.COMPLETE);
        assertThat(refusal(person.staffNo(), TestAccounts.PASSWORD, src)).isEqualTo(LoginRefusedException.Reason.BAD_CREDENTIALS);
    }

    @Test
    void theLastFivePasswordsCannotBeReused_ACC7() {
        TestAccounts.Created person = accounts.create(TestAccounts.person());
        String src = source();
        List<String> passwords = List.of("Lantern-Vase-01", "Lantern-Vase-02", "Lantern-Vase-03", "Lantern-Vase-04",
                "Lantern-Vase-05");
        for (String p : passwords) {
            assertThat(login.changePassword(person.id(), p, p, src)).isEmpty();
        }
        assertThat(login.changePassword(person.id(), "Lantern-Vase-02", "Lantern-Vase-02", src))
                .extracting(v -> v.key()).containsExactly("iam.password.reused");
        assertThat(login.changePassword(person.id(), TestAccounts.PASSWORD, TestAccounts.PASSWORD, src))
                .as("the sixth-newest password may come back").isEmpty();
    }

    @Test
    void aPasswordOlderThanNinetyDaysMustBeChanged_ACC7() {
        TestAccounts.Created person = accounts.create(TestAccounts.person());
        clock.advance(Duration.ofDays(89));
        assertThat(login.verifyPassword(person.staffNo(), TestAccounts.PASSWORD, source()).next()).isEqualTo(LoginStep.COMPLETE);
        clock.advance(Duration.ofDays(2));
        assertThat(login.verifyPassword(person.staffNo(), TestAccounts.PASSWORD, source()).next())
                .isEqualTo(LoginStep.CHANGE_PASSWORD);
    }

    private String wrongCode() {
        String right = Totp.codeAt(SECRET, Totp.stepAt(clock.instant()));
        String candidate = "000000";
        for (int i = 0; i < 10; i++) {
            candidate = String.valueOf(i).repeat(6);
            boolean near = false;
            for (long d = -1; d <= 1; d++) {
                near |= Totp.codeAt(SECRET, Totp.stepAt(clock.instant()) + d).equals(candidate);
            }
            if (!near && !candidate.equals(right)) {
                return candidate;
            }
        }
        return candidate;
    }
}
