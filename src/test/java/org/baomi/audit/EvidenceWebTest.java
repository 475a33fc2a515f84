package org.baomi.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.baomi.shared.BaomiException;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.SignedIn;
import org.baomi.test.TestAccounts;
import org.baomi.test.WebSession;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evidence packages and archives in the running application (issue 8 items 6 and 8; AUD-3, ORG-5): the audit
 * administrator downloads a patient's evidence from the console and by REST, and it verifies offline; the download is
 * audited; the other administrators (三员) and staff are refused and the refusal audited; a filter without a subject
 * or a bad case reference is a clear 400; the archive section shows on the chain screen. Adds entries of its own
 * (a patient id unique to the run) to the shared chain, which stays intact.
 */
@BaomiSpringTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EvidenceWebTest {

    private static final Path DIR = Path.of("target", "test-evidence-web");

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    AuditTrail audit;
    @Autowired
    AuditEvidence evidence;
    @Autowired
    AuditArchives archives;
    @Autowired
    AuditChain chain;

    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * Entries about a new patient, sealed before the test goes on: an entry can only be sealed once every older
     * transaction of the shared database has ended, and an unsealed entry has no proof yet (it would be counted as
     * unprovable, not exported).
     */
    private String patientWithEntries(int count) {
        String patient = "EV-" + UUID.randomUUID().toString().substring(0, 8);
        java.util.List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(audit.recordIndependently(new AuditEntry(AuditActor.system(), "patient.record.read",
                    "patient-record", "R-" + i, null, AuditOutcome.ALLOWED, null, Map.of("page", i), patient)));
        }
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (!chain.positionsOf(ids).values().stream().allMatch(ChainPosition::sealed)) {
            assertThat(System.nanoTime()).as("entries sealed within 60 s").isLessThan(deadline);
            chain.sealPending();
        }
        return patient;
    }

    @Test
    void the_audit_administrator_downloads_a_patients_evidence_from_the_console_and_it_verifies_offline_AUD_3() {
        String patient = patientWithEntries(3);
        TestAccounts.Created auditor = accounts.auditAdmin();
        WebSession browser = new WebSession(port).signIn(auditor, accounts);

        assertThat(browser.get("/audit/entries?patient=" + patient).body()).contains("id=\"export-evidence\"");
        WebSession.Page page = browser.get("/audit/entries/evidence.zip?patient=" + patient);

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).get().asString().contains("application/zip");
        assertThat(page.headers().firstValue("X-Baomi-Evidence-Entries")).contains("3");
        OfflineVerifier.Outcome outcome = OfflineVerifier.verify(page.bytes(), ".zip", DIR);
        assertThat(outcome.verified()).as(outcome.output()).isTrue();
        assertThat(outcome.output()).contains("Entries: 3").contains("patient " + patient);
        assertThat(accounts.auditEntriesBy("audit.evidence.exported", auditor.id())).isEqualTo(1);
    }

    @Test
    void the_rest_api_answers_a_package_with_the_scope_and_problem_json_without_it_or_without_a_subject_AUD_3()
            throws Exception {
        String patient = patientWithEntries(2);
        WebSession client = new WebSession(port);
        String token = accounts.token(AuditEvidence.PERMISSION);

        WebSession.Page ok = client.apiGet("/api/v1/audit/evidence?patientId=" + patient + "&caseReference=PEN-1",
                token);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        OfflineVerifier.Outcome outcome = OfflineVerifier.verify(ok.bytes(), ".zip", DIR);
        assertThat(outcome.verified()).as(outcome.output()).isTrue();
        assertThat(outcome.output()).contains("case PEN-1").contains("Entries: 2");

        WebSession.Page noSubject = client.apiGet("/api/v1/audit/evidence", token);
        assertThat(noSubject.status()).isEqualTo(400);
        assertThat(noSubject.headers().firstValue("Content-Type")).get().asString()
                .contains("application/problem+json");
        assertThat(json.readTree(noSubject.body()).get("messageKey").asString())
                .isEqualTo("audit.evidence.error.subject");

        WebSession.Page badReference = client.apiGet("/api/v1/audit/evidence?patientId=" + patient
                + "&caseReference=" + "x".repeat(AuditEvidence.MAX_CASE_REFERENCE_LENGTH + 1), token);
        assertThat(badReference.status()).isEqualTo(400);
        assertThat(json.readTree(badReference.body()).get("messageKey").asString())
                .isEqualTo("audit.evidence.error.case-reference");

        WebSession.Page refused = client.apiGet("/api/v1/audit/evidence?patientId=" + patient,
                accounts.token(AuditVerification.PERMISSION));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).get().asString().contains("application/problem+json");
    }

    @Test
    void the_other_administrators_and_staff_are_refused_and_the_refusal_audited_ORG_5_AUD_3() {
        String patient = patientWithEntries(1);
        for (TestAccounts.Created person : new TestAccounts.Created[] {accounts.systemAdmin(),
                accounts.securityAdmin(), accounts.staff()}) {
            WebSession browser = new WebSession(port).signIn(person, accounts);
            assertThat(browser.get("/audit/entries/evidence.zip?patient=" + patient).status())
                    .as("evidence for %s", person.staffNo()).isEqualTo(403);
            assertThat(accounts.auditEntries("access.denied", "DENIED", person.id(), null)).isGreaterThanOrEqualTo(1);
            assertThatThrownBy(() -> SignedIn.as(accounts.authenticationOf(person),
                    () -> evidence.export(AuditFilter.none().withPatient(patient), null)))
                    .isInstanceOfSatisfying(BaomiException.class,
                            e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.FORBIDDEN));
            assertThatThrownBy(() -> SignedIn.as(accounts.authenticationOf(person), () -> archives.archiveEligible()))
                    .isInstanceOfSatisfying(BaomiException.class,
                            e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.FORBIDDEN));
        }
    }

    @Test
    void the_chain_screen_lists_archives_and_says_nothing_is_old_enough_yet_AUD_3() {
        WebSession browser = new WebSession(port).signIn(accounts.auditAdmin(), accounts);

        String body = browser.get("/audit/chain").body();

        assertThat(body).contains("id=\"archives\"").contains("id=\"archive-nothing\"");
        AuditArchives.Eligibility eligibility = SignedIn.as(accounts.authenticationOf(accounts.auditAdmin()),
                () -> archives.eligibility());
        assertThat(eligibility.retentionDays()).isGreaterThanOrEqualTo(180);
        assertThat(eligibility.batches()).as("nothing is 180 days old in a fresh test database").isZero();
    }

    @Test
    void the_archive_button_runs_in_the_background_and_its_progress_ends_done_AUD_3() throws Exception {
        TestAccounts.Created auditor = accounts.auditAdmin();
        WebSession browser = new WebSession(port).signIn(auditor, accounts);
        browser.get("/audit/chain");

        WebSession.Page started = browser.post("/audit/chain/archives", Map.of());
        assertThat(started.redirectsTo("/audit/chain")).as("status %s", started.status()).isTrue();
        String progress = "";
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            progress = browser.get("/audit/chain/archives/progress", Map.of("HX-Request", "true")).body();
            if (!progress.contains("id=\"archive-running\"")) {
                break;
            }
            java.util.concurrent.CompletableFuture.runAsync(() -> { }, java.util.concurrent.CompletableFuture
                    .delayedExecutor(200, java.util.concurrent.TimeUnit.MILLISECONDS)).get();
        }
        assertThat(progress).doesNotContain("<html").contains("id=\"archive-done\"").contains("100%");
        assertThat(accounts.auditEntriesBy("audit.archive.started", auditor.id())).isEqualTo(1);
    }
}
