package org.baomi.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baomi.test.BaomiSpringTest;
import org.baomi.test.MutableClock;
import org.baomi.test.TestAccounts;
import org.baomi.test.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The self-service pages over HTTP (ACC-5, issue 6 items 4 and 5): the desk issues a code shown once, the patient
 * signs in on their own session (no staff rights, CSRF-protected, idle timeout, sign-out), sees and prints only their
 * own fee lists (IDOR: another patient's encounter id is "not found"), and every refusal is a translated page.
 */
@BaomiSpringTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SelfServiceWebTest {

    private static final Pattern ISSUED = Pattern.compile("id=\"issued-code\">(\\d{6})<");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    MutableClock clock;

    SelfServiceFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new SelfServiceFixtures(jdbc, accounts);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** The desk's screen: find by MRN, issue, read the code shown once. */
    private String deskCode(SelfServiceFixtures.Patient p) {
        WebSession desk = new WebSession(port).signIn(fixtures.clerk(), accounts);
        WebSession.Page found = desk.get("/privacy/self-service-desk?q=" + p.mrn());
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body()).contains("id=\"desk-patient-" + p.id() + "\"").doesNotContain(p.idNumber());
        WebSession.Page issued = desk.post("/privacy/self-service-desk/codes", Map.of("patientId",
                Long.toString(p.id())));
        assertThat(issued.status()).isEqualTo(200);
        assertThat(issued.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        Matcher m = ISSUED.matcher(issued.body());
        assertThat(m.find()).as("the code is shown").isTrue();
        return m.group(1);
    }

    private WebSession patient(SelfServiceFixtures.Patient p) {
        String code = deskCode(p);
        WebSession browser = new WebSession(port);
        browser.get("/self-service/sign-in");
        WebSession.Page answer = browser.post("/self-service/sign-in", Map.of("name", p.name(), "idNumber",
                p.idNumber(), "code", code));
        assertThat(answer.redirectsTo("/self-service/fees")).as("signed in: " + answer.status()).isTrue();
        return browser;
    }

    private long encounterOf(long patientId) {
        return jdbc.sql("SELECT min(encounter_id) FROM pat_charge WHERE patient_id = :p").param("p", patientId)
                .query(Long.class).single();
    }

    @Test
    void the_patient_sees_and_prints_own_fee_lists_and_who_accessed_the_record_ACC_5() {
        SelfServiceFixtures.Patient p = fixtures.next();
        WebSession browser = patient(p);
        long encounter = encounterOf(p.id());

        WebSession.Page fees = browser.get("/self-service/fees");
        WebSession.Page lines = browser.get("/self-service/fees/" + encounter + "?lang=en");
        WebSession.Page pdf = browser.get("/self-service/fees/" + encounter + "/print");
        WebSession.Page who = browser.get("/self-service/disclosures");

        assertThat(fees.status()).isEqualTo(200);
        assertThat(fees.body()).contains(p.mrn()).contains("id=\"encounter-" + encounter + "\"")
                .doesNotContain(p.idNumber());
        assertThat(lines.status()).isEqualTo(200);
        assertThat(lines.body()).contains("Fee details").contains("class=\"list-group-item charge\"");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(new String(pdf.bytes(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String trace = pdf.headers().firstValue("X-Trace-Code").orElseThrow().replace("-", "");
        assertThat(jdbc.sql("SELECT count(*) FROM pat_self_print WHERE trace_code = :t AND patient_id = :p")
                .param("t", trace).param("p", p.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = 'privacy.self.fee-list.printed' "
                + "AND patient_id = :p AND details ->> 'traceCode' = :t AND actor_kind = 'PATIENT'")
                .param("p", Long.toString(p.id())).param("t", trace).query(Long.class).single()).isEqualTo(1);
        assertThat(who.status()).isEqualTo(200);
        assertThat(who.body()).contains("id=\"disclosures\"");
        assertThat(jdbc.sql("SELECT count(*) FROM aud_entry WHERE patient_id = :p AND actor_kind = 'PATIENT' "
                + "AND action IN ('privacy.self.fee-list.viewed', 'privacy.self.disclosures.viewed')")
                .param("p", Long.toString(p.id())).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void another_patients_encounter_is_not_found_in_ones_own_session_IDOR_ACC_5() {
        SelfServiceFixtures.Patient alice = fixtures.next();
        SelfServiceFixtures.Patient bob = fixtures.next();
        WebSession aliceBrowser = patient(alice);
        long bobsEncounter = encounterOf(bob.id());

        WebSession.Page view = aliceBrowser.get("/self-service/fees/" + bobsEncounter);
        WebSession.Page print = aliceBrowser.get("/self-service/fees/" + bobsEncounter + "/print");
        WebSession.Page malformed = aliceBrowser.get("/self-service/fees/abc");

        assertThat(view.status()).isEqualTo(404);
        assertThat(view.body()).contains("id=\"error-title\"").doesNotContain(bob.name());
        assertThat(print.status()).isEqualTo(404);
        assertThat(malformed.status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM aud_entry WHERE patient_id = :p AND actor_kind = 'PATIENT'")
                .param("p", Long.toString(bob.id())).query(Long.class).single()).isZero();
    }

    @Test
    void a_patient_session_gives_no_staff_rights_and_a_staff_login_none_on_patient_pages() {
        SelfServiceFixtures.Patient p = fixtures.next();
        WebSession browser = patient(p);

        WebSession.Page staffPage = browser.get("/privacy/patients");
        assertThat(staffPage.status()).isEqualTo(302);
        assertThat(staffPage.location()).endsWith("/login");

        WebSession staff = new WebSession(port).signIn(fixtures.clerk(), accounts);
        WebSession.Page patientPage = staff.get("/self-service/fees");
        assertThat(patientPage.redirectsTo("/self-service/sign-in?expired")).isTrue();
    }

    @Test
    void signing_in_without_the_CSRF_token_is_refused() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var response = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/self-service/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("name=a&idNumber=b&code=123456")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void an_idle_session_ends_and_signing_out_ends_it_too_ACC_5() {
        SelfServiceFixtures.Patient p = fixtures.next();
        WebSession browser = patient(p);
        assertThat(browser.get("/self-service/fees").status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(browser.get("/self-service/fees").redirectsTo("/self-service/sign-in?expired")).isTrue();

        clock.reset();
        WebSession again = patient(p);
        assertThat(again.get("/self-service/fees").status()).isEqualTo(200);
        assertThat(again.post("/self-service/sign-out", Map.of()).redirectsTo("/self-service/sign-in?out")).isTrue();
        assertThat(again.get("/self-service/fees").redirectsTo("/self-service/sign-in?expired")).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = 'privacy.self.signed-out' AND patient_id = :p")
                .param("p", Long.toString(p.id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_refused_sign_in_and_a_throttled_one_are_translated_pages_not_errors() {
        SelfServiceFixtures.Patient p = fixtures.next();
        WebSession browser = new WebSession(port);
        browser.get("/self-service/sign-in?lang=en");
        WebSession.Page refused = null;
        for (int i = 0; i < 5; i++) {
            refused = browser.post("/self-service/sign-in", Map.of("name", p.name(), "idNumber", p.idNumber(),
                    "code", "000000"));
        }
        WebSession.Page throttled = browser.post("/self-service/sign-in", Map.of("name", p.name(), "idNumber",
                p.idNumber(), "code", "000000"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"sign-in-error\"").contains("We could not confirm your identity");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.body()).contains("Too many attempts. Please try again in 15 minutes");
    }

    @Test
    void the_audit_administrator_sees_the_patients_own_entries_with_the_actor_kind_patient_AUD_1() {
        SelfServiceFixtures.Patient p = fixtures.next();
        patient(p).get("/self-service/fees");
        WebSession auditor = new WebSession(port).signIn(accounts.auditAdmin(), accounts);

        WebSession.Page trail = auditor.get("/audit/patients/" + p.id());

        assertThat(trail.status()).isEqualTo(200);
        assertThat(trail.body()).contains("privacy.self.fee-list.viewed").contains(">患者<").contains(p.mrn());
    }
}
