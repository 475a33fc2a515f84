package org.baomi.iam.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.baomi.iam.ApiTokenService;
import org.baomi.shared.BaomiException;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.SignedIn;
import org.baomi.test.TestAccounts;
import org.baomi.test.WebSession;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** ORG-5 (三员) for API tokens: which administrator kind may put which scope on a token (iam_api_token_scope). */
@BaomiSpringTest
class ApiTokenScopeSeparationTest {

    @Autowired TestAccounts accounts;
    @Autowired ApiTokenService tokens;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    private TestAccounts.Created issuer(String kind) {
        return switch (kind) {
            case "security-admin" -> accounts.securityAdmin();
            case "audit-admin" -> accounts.auditAdmin();
            case "system-admin" -> accounts.systemAdmin();
            default -> accounts.staff();
        };
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ALLOW security administrator issues iam:staff:read (ORG-5)                                | security-admin | iam:staff:read                | ISSUED
            ALLOW security administrator issues access:decision:request for the HIS (ORG-5, ACC-1)    | security-admin | access:decision:request       | ISSUED
            ALLOW security administrator issues classification:catalogue:read (ORG-5, CLS-6)          | security-admin | classification:catalogue:read | ISSUED
            ALLOW audit administrator issues audit:entry:read (ORG-5, AUD-1)                          | audit-admin    | audit:entry:read              | ISSUED
            ALLOW audit administrator issues audit:chain:verify (ORG-5, AUD-3)                        | audit-admin    | audit:chain:verify            | ISSUED
            DENY security administrator issues audit:entry:read, audit content (ORG-5)                | security-admin | audit:entry:read              | iam.api-token.scope.other-administrator
            DENY security administrator issues audit:chain:verify (ORG-5)                             | security-admin | audit:chain:verify            | iam.api-token.scope.other-administrator
            DENY audit administrator issues iam:staff:read (ORG-5)                                    | audit-admin    | iam:staff:read                | iam.api-token.scope.other-administrator
            DENY security administrator issues document:document:read, business content (ORG-5)      | security-admin | document:document:read        | iam.api-token.scope.unknown
            DENY security administrator issues privacy:patient:read, business content (ORG-5)        | security-admin | privacy:patient:read          | iam.api-token.scope.unknown
            DENY audit administrator issues document:document:read, business content (ORG-5)         | audit-admin    | document:document:read        | iam.api-token.scope.unknown
            DENY security administrator issues an unregistered scope iam:api-token:manage (ORG-5)     | security-admin | iam:api-token:manage          | iam.api-token.scope.unknown
            ALLOW system administrator issues integration:patient:import for the HIS (ORG-5, issue 6) | system-admin   | integration:patient:import    | ISSUED
            DENY system administrator issues iam:staff:read, the security administrator's (ORG-5)     | system-admin   | iam:staff:read                | iam.api-token.scope.other-administrator
            DENY security administrator issues integration:patient:import (ORG-5)                     | security-admin | integration:patient:import    | iam.api-token.scope.other-administrator
            DENY a staff member issues any token (ACC-2)                                              | staff          | iam:staff:read                | error.forbidden
            """)
    void scopesByIssuerKind(String sentence, String issuerKind, String scope, String expected) {
        TestAccounts.Created issuer = issuer(issuerKind);
        long refusedBefore = accounts.auditEntries("iam.api-token.issue-refused", "DENIED", issuer.id(), null);
        if (expected.equals("ISSUED")) {
            var issued = SignedIn.as(accounts.authenticationOf(issuer),
                    () -> tokens.issue("scope case", "CASES", Set.of(scope), Duration.ofDays(1)));
            assertThat(issued.summary().scopes()).containsExactly(scope);
            assertThat(accounts.auditEntries("iam.api-token.issued", "ALLOWED", issuer.id(), issued.summary().id()))
                    .isEqualTo(1);
            return;
        }
        long tokensBefore = accounts.count("iam_api_token");
        assertThatThrownBy(() -> SignedIn.as(accounts.authenticationOf(issuer),
                () -> tokens.issue("scope case", "CASES", Set.of("iam:department:read", scope), Duration.ofDays(1))))
                .isInstanceOfSatisfying(BaomiException.class, e -> assertThat(e.messageKey()).isEqualTo(expected));
        assertThat(accounts.count("iam_api_token")).isEqualTo(tokensBefore);
        if (expected.startsWith("iam.api-token.scope")) {
            assertThat(accounts.auditEntries("iam.api-token.issue-refused", "DENIED", issuer.id(), null))
                    .isEqualTo(refusedBefore + 1);
        }
    }

    @Test
    @DisplayName("ORG-5: each administrator kind is offered exactly the scopes it may issue, nobody else any")
    void knownScopesPerKind() {
        assertThat(SignedIn.as(accounts.authenticationOf(accounts.securityAdmin()), tokens::knownScopes))
                .contains("iam:staff:read", "access:decision:request", "classification:catalogue:read",
                        "approval:request:submit")
                .noneMatch(s -> s.startsWith("audit:"));
        assertThat(SignedIn.as(accounts.authenticationOf(accounts.auditAdmin()), tokens::knownScopes))
                .containsExactly("audit:chain:verify", "audit:entry:read", "audit:evidence:export");
        assertThat(SignedIn.as(accounts.authenticationOf(accounts.staff()), tokens::knownScopes)).isEmpty();
    }

    @Test
    @DisplayName("ORG-5: the database refuses to register a business-content scope as issuable by any administrator")
    void businessContentCannotBeRegistered() {
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO iam_api_token_scope (scope, issuer_kind) VALUES (:s, 'SECURITY_ADMIN')")
                .param("s", "document:document:read").update()).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    @DisplayName("CLS-6: a token the security administrator issues with classification:catalogue:read reads the catalogue API")
    void catalogueScopeReachesTheApi() {
        String token = accounts.token("classification:catalogue:read");
        assertThat(new WebSession(port).apiGet("/api/v1/classification/levels", token).status()).isEqualTo(200);
        assertThat(new WebSession(port).apiGet("/api/v1/classification/levels", accounts.token("iam:staff:read"))
                .status()).isEqualTo(403);
    }

    @Test
    @DisplayName("ORG-5 on screen: the security administrator's form refuses audit:entry:read with the translated reason")
    void formShowsTheRefusal() {
        TestAccounts.Created admin = accounts.securityAdmin();
        WebSession web = new WebSession(port).signIn(admin, accounts);
        web.get("/iam/api-tokens/new");
        WebSession.Page page = web.post("/iam/api-tokens", Map.of("name", "siem", "client", "SIEM",
                "extraScopes", "audit:entry:read", "lifetimeDays", "30"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("audit:entry:read").contains("\u5b89\u5168\u5ba1\u8ba1\u5458");
    }
}
