package org.baomi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.baomi.audit.internal.chain.Anchoring;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.MutableClock;
import org.baomi.test.SignedIn;
import org.baomi.test.TestAccounts;
import org.baomi.test.WebSession;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chain in the running application (AUD-3, AUD-4): entries are sealed after their transaction commits and in
 * commit-safe order; the audit administrator verifies on the screen (background run, progress) and through the
 * REST API with a token scope; people without the permission are refused; the anchor key rotates and old and new
 * anchors verify. Only reads and new entries touch the shared chain, which stays intact.
 */
@BaomiSpringTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ChainWebTest {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    AuditTrail audit;
    @Autowired
    AuditChain chain;
    @Autowired
    MutableClock clock;
    @Autowired
    AuditVerification verification;
    @Autowired
    Anchoring anchoring;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    private static AuditEntry entry(String action) {
        return new AuditEntry(AuditActor.system(), action, "test", null, null, AuditOutcome.ALLOWED, null,
                Map.of("k", "v"));
    }

    @Test
    void an_entry_is_sealed_only_after_its_transaction_ends_and_a_later_commit_waits_behind_it_AUD_3()
            throws Exception {
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Long> slow = CompletableFuture.supplyAsync(() -> tx.execute(s -> {
            long id = audit.record(entry("system.test.slow"));
            written.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return id;
        }));
        assertThat(written.await(60, TimeUnit.SECONDS)).isTrue();
        long quick = audit.recordIndependently(entry("system.test.quick"));

        chain.sealPending();
        assertThat(chain.positionOf(quick)).get().extracting(ChainPosition::sealed)
                .as("committed, but behind a transaction still open").isEqualTo(false);

        release.countDown();
        long slowId = slow.get(60, TimeUnit.SECONDS);
        chain.sealPending();
        ChainPosition first = chain.positionOf(slowId).orElseThrow();
        ChainPosition second = chain.positionOf(quick).orElseThrow();
        assertThat(first.sealed()).isTrue();
        assertThat(second.sealed()).isTrue();
        assertThat(first.sequence()).as("sealed in transaction order").isLessThan(second.sequence());
        assertThat(second.entryHash()).hasSize(64);
        assertThat(second.authentic()).isTrue();
        assertThat(chain.status().headSequence()).isGreaterThanOrEqualTo(second.sequence());
        assertThat(chain.positionsOf(java.util.List.of(slowId, quick, -1L))).containsOnlyKeys(slowId, quick)
                .containsEntry(quick, second);
    }

    @Test
    void a_rolled_back_entry_never_enters_the_chain_AUD_1_AUD_3() {
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        long[] id = new long[1];
        tx.executeWithoutResult(s -> {
            id[0] = audit.record(entry("system.test.rolled-back"));
            s.setRollbackOnly();
        });
        chain.sealPending();
        assertThat(chain.positionOf(id[0])).isEmpty();
    }

    @Test
    void the_audit_administrator_verifies_in_the_background_and_follows_the_progress_to_an_intact_result_AUD_3()
            throws Exception {
        TestAccounts.Created auditor = accounts.auditAdmin();
        WebSession browser = new WebSession(port).signIn(auditor, accounts);
        WebSession.Page page = browser.get("/audit/chain");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"chain-status\"").contains("id=\"start-verification\"");

        WebSession.Page started = browser.post("/audit/chain/verifications", Map.of("mode", "FULL"));
        assertThat(started.redirectsTo("/audit/chain")).as("status %s", started.status()).isTrue();
        String progress = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            progress = browser.get("/audit/chain/progress", Map.of("HX-Request", "true")).body();
            if (!progress.contains("id=\"chain-running\"") && progress.contains("verification-result")) {
                break;
            }
            CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS))
                    .get();
        }
        assertThat(progress).doesNotContain("<html").contains("id=\"chain-intact\"").contains("100%");
        assertThat(accounts.auditEntriesBy("audit.chain.verification-started", auditor.id())).isEqualTo(1);
        assertThat(browser.get("/audit/chain").body()).contains("id=\"chain-intact\"");
    }

    @Test
    void a_scope_that_is_not_offered_is_explained_with_status_400_AUD_3() {
        WebSession browser = new WebSession(port).signIn(accounts.auditAdmin(), accounts);
        browser.get("/audit/chain");

        WebSession.Page page = browser.post("/audit/chain/verifications", Map.of("mode", "sideways"));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"chain-error\"").contains("id=\"chain-status\"");
    }

    @Test
    void a_person_without_the_permission_is_refused_and_the_refusal_audited_AUD_3_ACC_1() {
        TestAccounts.Created staff = accounts.staff();
        WebSession browser = new WebSession(port).signIn(staff, accounts);

        assertThat(browser.get("/audit/chain").status()).isEqualTo(403);
        assertThat(accounts.auditEntries("access.denied", "DENIED", staff.id(), null)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void the_rest_api_verifies_with_the_scope_and_answers_problem_json_without_it_or_for_a_bad_mode_AUD_3()
            throws Exception {
        WebSession client = new WebSession(port);
        String token = accounts.token(AuditVerification.PERMISSION);

        WebSession.Page ok = client.apiGet("/api/v1/audit/verification?mode=full", token);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        JsonNode body = json.readTree(ok.body());
        assertThat(body.get("intact").asBoolean()).as(ok.body()).isTrue();
        assertThat(body.get("mode").asString()).isEqualTo("FULL");
        assertThat(body.get("entriesChecked").asLong()).isPositive();
        assertThat(body.has("firstBrokenSequence")).isTrue();
        assertThat(body.has("anchorId")).isTrue();

        WebSession.Page bad = client.apiGet("/api/v1/audit/verification?mode=sideways", token);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).get().asString().contains("application/problem+json");
        assertThat(json.readTree(bad.body()).get("messageKey").asString()).isEqualTo("audit.chain.error.mode");

        WebSession.Page refused = client.apiGet("/api/v1/audit/verification", accounts.token("iam:staff:read"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).get().asString().contains("application/problem+json");
    }

    @Test
    void after_a_key_rotation_by_the_security_administrator_new_anchors_are_signed_by_the_new_key_and_old_and_new_anchors_verify_AUD_3_ORG_5() {
        TestAccounts.Created auditor = accounts.auditAdmin();
        TestAccounts.Created keeper = accounts.securityAdmin();
        audit.recordIndependently(entry("system.test.before-rotation"));
        chain.sealPending();
        anchoring.anchorIfDue(Duration.ZERO);
        String before = chain.status().anchorKeyId();

        // ORG-5: the audit administrator verifies but does not control the signing key.
        WebSession auditorBrowser = new WebSession(port).signIn(auditor, accounts);
        auditorBrowser.get("/audit/chain");
        assertThat(auditorBrowser.post("/audit/chain/key", Map.of()).status()).isEqualTo(403);
        assertThat(auditorBrowser.get("/audit/chain/keys").status()).isEqualTo(403);
        assertThat(chain.status().anchorKeyId()).isEqualTo(before);
        assertThat(accounts.auditEntries("access.denied", "DENIED", auditor.id(), null)).isPositive();

        WebSession browser = new WebSession(port).signIn(keeper, accounts);
        assertThat(browser.get("/audit/chain/keys").body()).contains(before);
        WebSession.Page rotated = browser.post("/audit/chain/key", Map.of());
        assertThat(rotated.redirectsTo("/audit/chain/keys")).isTrue();
        String after = chain.status().anchorKeyId();
        assertThat(after).isNotEqualTo(before);
        assertThat(browser.get("/audit/chain/keys").body()).contains("id=\"key-rotated\"").contains(after);
        assertThat(accounts.auditEntriesBy("audit.chain.key-rotated", keeper.id())).isEqualTo(1);
        assertThat(browser.get("/audit/chain").status()).isEqualTo(403);

        audit.recordIndependently(entry("system.test.after-rotation"));
        long head = chain.sealPending();
        // Tests that move the clock forward leave anchors stamped later than the clock's present; an anchor is due
        // only after the newest one, so step past it. The application's own anchoring may also have signed the new
        // head first; either way the newest anchor must cover it and be signed by the new key.
        Instant newest = chain.status().latestAnchorAt();
        if (newest != null && !newest.isBefore(clock.instant())) {
            clock.advance(Duration.between(clock.instant(), newest).plusSeconds(1));
        }
        try {
            anchoring.anchorIfDue(Duration.ZERO);
            assertThat(chain.status().latestAnchorSequence()).isGreaterThanOrEqualTo(head);
            assertThat(jdbc.sql("SELECT key_id FROM aud_anchor ORDER BY id DESC LIMIT 1").query(String.class)
                    .single()).isEqualTo(after);
            VerificationResult result = SignedIn.as(accounts.authenticationOf(auditor),
                    () -> verification.verify(VerificationMode.FULL));
            assertThat(result.intact()).as(result.problems().toString()).isTrue();
        } finally {
            clock.reset();
        }
    }

    @Test
    void while_the_newest_verification_is_broken_the_audit_administrator_has_an_urgent_duty_until_an_intact_run_AUD_3()
            throws Exception {
        TestAccounts.Created auditor = accounts.auditAdmin();
        WebSession browser = new WebSession(port).signIn(auditor, accounts);
        // A broken result as the daily run would store it (the shared chain itself is never broken by tests).
        jdbc.sql("""
                INSERT INTO aud_verification (mode, trigger, started_at, finished_at, intact, entries_checked,
                    first_broken_seq, breakage, breakage_detail, verified_to_seq, duration_ms)
                VALUES ('FULL', 'SCHEDULED', now(), now(), false, 10, 7, 'ENTRY_ALTERED', 'test', 10, 1)
                """).update();
        try {
            String home = browser.get("/").body();
            assertThat(home).contains("id=\"duty-audit.chain-broken\"");
            assertThat(browser.get("/audit/chain").body()).contains("id=\"chain-broken\"");
            assertThat(new WebSession(port).signIn(accounts.staff(), accounts).get("/").body())
                    .doesNotContain("duty-audit.chain-broken");
        } finally {
            SignedIn.as(accounts.authenticationOf(auditor), () -> verification.verify(VerificationMode.FULL));
        }
        assertThat(browser.get("/").body()).doesNotContain("duty-audit.chain-broken");
    }
}
