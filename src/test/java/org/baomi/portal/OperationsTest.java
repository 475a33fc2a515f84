package org.baomi.portal;

import java.util.Map;

import org.baomi.test.BaomiSpringTest;
import org.baomi.test.TestAccounts;
import org.baomi.test.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Health for the load balancer, metrics for monitoring, and logs that keep secrets out (issue item 10). */
@BaomiSpringTest
@ExtendWith(OutputCaptureExtension.class)
class OperationsTest {

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;

    @Test
    void livenessAndReadinessAreUpAndReadinessIncludesTheDatabase() {
        WebSession anonymous = new WebSession(port);
        WebSession.Page liveness = anonymous.get("/actuator/health/liveness");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"status\":\"UP\"");
        WebSession.Page readiness = anonymous.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"db\":{\"status\":\"UP\"}").doesNotContain("jdbc:");
    }

    @Test
    void prometheusMetricsNeedAnApiTokenWithTheMetricsScope() {
        WebSession.Page anonymous = new WebSession(port).get("/actuator/prometheus");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void passwordsSecondFactorCodesAndTokensNeverReachTheLog(CapturedOutput output) {
        TestAccounts.Created person = accounts.create(TestAccounts.person().totp("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"));
        WebSession web = new WebSession(port);
        String wrongPassword = "Canary-Password-7f3a9";
        web.login(person.staffNo(), wrongPassword);
        web.login(person.staffNo(), TestAccounts.PASSWORD);
        web.get("/login/totp");
        web.post("/login/totp", Map.of("code", "918273"));
        String token = "bm_canary00_CanaryTokenThatMustNeverBeLoggedAnywhere0000000";
        WebSession.Page api = new WebSession(port).apiGet("/api/v1/iam/departments", token);
        assertThat(api.status()).isEqualTo(401);

        assertThat(output.getAll())
                .doesNotContain(wrongPassword)
                .doesNotContain(TestAccounts.PASSWORD)
                .doesNotContain("918273")
                .doesNotContain("CanaryTokenThatMustNeverBeLogged")
                .doesNotContain("JBSWY3DPEHPK3PXP");
    }
}
