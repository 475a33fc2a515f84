package org.baomi.portal;

import java.util.List;
import java.util.Map;

import org.baomi.iam.internal.login.LoginService;
import org.baomi.iam.internal.login.Totp;
import org.baomi.shared.Duty;
import org.baomi.shared.DutyProvider;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.MutableClock;
import org.baomi.test.TestAccounts;
import org.baomi.test.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The home page "my duties" tells each person what they owe now (ORG-4). */
@BaomiSpringTest
class DutiesTest {

    private static final String SECRET = "KRUGS4ZANFZSAYJAONSWG4TFOQQGC3TE";

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired List<DutyProvider> providers;
    @Autowired LoginService login;
    @Autowired MutableClock clock;

    private List<String> dutyKeys(long accountId) {
        return providers.stream().flatMap(p -> p.dutiesOf(accountId).stream()).map(Duty::key).toList();
    }

    @Test
    void theSecurityAdministratorIsToldAboutOverdueReviewsAndLockedAccountsWithCounts_ORG4_ACC2_ACC8() {
        TestAccounts.Created admin = accounts.create(TestAccounts.person().roles("security-admin").totp(SECRET));
        TestAccounts.Created victim = accounts.create(TestAccounts.person());
        for (int i = 0; i < 5; i++) {
            try {
                login.verifyPassword(victim.staffNo(), "wrong", "198.51.100.77");
            } catch (RuntimeException expected) {
                // refused, as intended
            }
        }
        List<Duty> duties = providers.stream().flatMap(p -> p.dutiesOf(admin.id()).stream()).toList();
        assertThat(duties).extracting(Duty::key).contains("iam.access-review-due", "iam.locked-accounts", "audit.failed-logins");
        Duty locked = duties.stream().filter(d -> d.key().equals("iam.locked-accounts")).findFirst().orElseThrow();
        assertThat((Long) locked.args().get(0)).isGreaterThanOrEqualTo(1L);
        assertThat(locked.urgent()).isTrue();
    }

    @Test
    void aClinicianOwesNoAdministratorDutiesButIsAskedToEnrolASecondFactorWhenCleared_ORG4_ACC7() {
        TestAccounts.Created nurse = accounts.create(TestAccounts.person());
        assertThat(dutyKeys(nurse.id())).containsExactly("iam.totp-enrol");
        TestAccounts.Created enrolled = accounts.create(TestAccounts.person().clearance(SecretLevel.SECRET).totp(SECRET));
        assertThat(dutyKeys(enrolled.id())).doesNotContain("iam.totp-enrol", "iam.access-review-due", "iam.locked-accounts");
    }

    @Test
    void theHomePageShowsTheDutiesWithTheirCountsInChineseAndEnglish() {
        TestAccounts.Created admin = accounts.create(TestAccounts.person().roles("security-admin").totp(SECRET));
        WebSession web = new WebSession(port);
        assertThat(web.login(admin.staffNo(), TestAccounts.PASSWORD)).endsWith("/login/totp");
        web.get("/login/totp");
        WebSession.Page done = web.post("/login/totp",
                Map.of("code", Totp.codeAt(SECRET, Totp.stepAt(clock.instant()))));
        assertThat(done.headers().firstValue("Location").orElse("")).endsWith("/");
        WebSession.Page home = web.get("/");
        assertThat(home.body()).contains("id=\"duty-iam.access-review-due\"").contains("\u6743\u9650\u5B9A\u671F\u5BA1\u67E5")
                .containsPattern("\u6709 [\\d,]+ \u4E2A\u5728\u5C97\u8D26\u6237");
        assertThat(web.get("/?lang=en").body()).containsPattern("[\\d,]+ active accounts have not had their rights reviewed");
    }
}
