package org.baomi.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.baomi.audit.ActorKind;
import org.baomi.audit.AuditActor;
import org.baomi.audit.AuditChain;
import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditReview;
import org.baomi.audit.AuditTrail;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.TestAccounts;
import org.baomi.test.WebSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit administrator's console (AUD-2 review, issue 8 item 7): the person-, patient- and object-centred
 * timelines, keyset paging, the detail of one entry, charts, CSV and xlsx exports (audited), bad filters
 * explained (never a 500), only the audit administrator let in (ORG-5), and the REST twin.
 */
@BaomiSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditConsoleWebTest {

    /** Fake actor ids far above any account id of the test run, one per test class instance. */
    private static final AtomicLong ACTORS = new AtomicLong(900_000_000L + (ProcessHandle.current().pid() % 1000) * 1000);

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    AuditTrail trail;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditChain chain;
    @Autowired
    JsonMapper json;

    TestAccounts.Created auditor;
    WebSession browser;

    @BeforeAll
    void signIn() {
        auditor = accounts.auditAdmin();
        browser = new WebSession(port).signIn(auditor, accounts);
    }

    /** A person who did {@code n} things to one document about one patient; every third was denied. */
    record Story(long personId, String personName, String patientId, String documentId, List<Long> sequences) {
    }

    Story story(int n) {
        long person = ACTORS.incrementAndGet();
        String name = "Console Person " + person;
        String patient = "P-CONSOLE-" + person;
        String document = "DOC-CONSOLE-" + person;
        List<Long> sequences = new ArrayList<>();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            for (int i = 0; i < n; i++) {
                AuditActor actor = new AuditActor(person, name, "Console Dept", ActorKind.PERSON, "10.77.0.1",
                        "session:console" + person);
                AuditOutcome outcome = i % 3 == 2 ? AuditOutcome.DENIED : AuditOutcome.ALLOWED;
                sequences.add(trail.record(new AuditEntry(actor, "document.read", "document", document,
                        SecretLevel.SECRET, outcome, outcome == AuditOutcome.DENIED ? "error.forbidden" : null,
                        Map.of("step", i, "purpose", "treatment"), patient)));
            }
        });
        return new Story(person, name, patient, document, sequences);
    }

    @Test
    void thePersonCentredViewListsOnlyThatPersonsEntriesNewestFirstAUD1() {
        Story story = story(5);
        Story other = story(2);

        WebSession.Page page = browser.get("/audit/people/" + story.personId());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"console-scope\"").contains(story.personName())
                .doesNotContain(other.personName());
        assertThat(sequences(page.body())).containsExactlyElementsOf(reversed(story.sequences()));
        assertThat(lastDetails("audit.entries.viewed")).contains("\"actorId\": " + story.personId());
    }

    @Test
    void thePatientCentredViewShowsWhoTouchedThePatientAndTheFilterNarrowsItPAT4AUD1() {
        Story story = story(6);

        WebSession.Page all = browser.get("/audit/patients/" + story.patientId());
        WebSession.Page denied = browser.get("/audit/patients/" + story.patientId() + "?outcome=DENIED");

        assertThat(all.status()).isEqualTo(200);
        assertThat(sequences(all.body())).hasSize(6);
        assertThat(sequences(denied.body())).containsExactly(story.sequences().get(5), story.sequences().get(2));
        assertThat(denied.body()).contains("href=\"/audit/people/" + story.personId() + "\"");
    }

    @Test
    void theObjectCentredViewAndItsHtmxRefreshShowEverythingThatHappenedToTheObjectAUD1() {
        Story story = story(3);

        WebSession.Page page = browser.get("/audit/objects/document/" + story.documentId());
        WebSession.Page part = browser.get("/audit/objects/document/" + story.documentId() + "?outcome=ALLOWED",
                Map.of("HX-Request", "true"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<html").contains("id=\"audit-filter\"");
        assertThat(sequences(page.body())).hasSize(3);
        assertThat(part.status()).isEqualTo(200);
        assertThat(part.body()).doesNotContain("<html").contains("id=\"audit-results\"");
        assertThat(sequences(part.body())).hasSize(2);
    }

    @Test
    void keysetPagingWalksOlderAndBackNewerWithoutLosingOrRepeatingAnEntryAUD2() {
        Story story = story(AuditReview.PAGE_SIZE + 7);
        List<Long> newestFirst = reversed(story.sequences());

        WebSession.Page first = browser.get("/audit/people/" + story.personId());
        String older = link(first.body(), "audit-pager-older");
        WebSession.Page second = browser.get(older);
        String newer = link(second.body(), "audit-pager-newer");
        WebSession.Page back = browser.get(newer);

        assertThat(sequences(first.body())).containsExactlyElementsOf(newestFirst.subList(0, AuditReview.PAGE_SIZE));
        assertThat(sequences(second.body())).containsExactlyElementsOf(
                newestFirst.subList(AuditReview.PAGE_SIZE, newestFirst.size()));
        assertThat(second.body()).doesNotContain("id=\"audit-pager-older\" href");
        assertThat(sequences(back.body())).containsExactlyElementsOf(newestFirst.subList(0, AuditReview.PAGE_SIZE));
        assertThat(first.body()).contains("\u5171 " + (AuditReview.PAGE_SIZE + 7) + " \u6761");
    }

    @Test
    void theDetailViewShowsEveryFieldAndItsPlaceInTheChainOnceSealedAndIsAuditedAUD2AUD3() {
        Story story = story(1);
        long sequence = story.sequences().get(0);
        chain.sealPending();
        long chainSequence = chain.positionOf(sequence).orElseThrow().sequence();

        WebSession.Page page = browser.get("/audit/entries/" + sequence);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"entry-sequence\"").contains("session:console" + story.personId())
                .contains("10.77.0.1").contains("Console Dept").contains(story.patientId())
                .contains("&quot;purpose&quot; : &quot;treatment&quot;")
                .contains("id=\"entry-chain\"").contains(">" + chainSequence + "<")
                .contains(chain.positionOf(sequence).orElseThrow().entryHash());
        assertThat(jdbc.sql("""
                SELECT count(*) FROM aud_entry WHERE action = 'audit.entry.viewed' AND actor_id = :a AND object_id = :o
                """).param("a", auditor.id()).param("o", Long.toString(sequence)).query(Long.class).single())
                .isEqualTo(1);
        assertThat(browser.get("/audit/entries/999999999999").status()).isEqualTo(404);
    }

    @Test
    void badFiltersAreExplainedInTheReadersLanguageOnThePageAndForHtmxNeverA500AUD2() {
        Map<String, String> cases = Map.of(
                "from=2026-11-20&to=2026-11-01", "\u7ed3\u675f\u65e5\u671f\u4e0d\u80fd\u65e9\u4e8e\u5f00\u59cb\u65e5\u671f",
                "from=2026-02-30", "\u5f00\u59cb\u65e5\u671f\u65e0\u6548",
                "person=abc", "\u8d26\u6237\u7f16\u53f7",
                "objectId=7", "\u5bf9\u8c61\u7c7b\u578b",
                "action=" + WebSession.encode("IAM%"), "\u64cd\u4f5c\u4ee3\u7801",
                "before=garbage", "\u7ffb\u9875\u4f4d\u7f6e\u65e0\u6548",
                "level=ULTRA", "\u5bc6\u7ea7");
        WebSession inEnglish = new WebSession(port).signIn(auditor, accounts);
        cases.forEach((query, message) -> {
            WebSession.Page page = browser.get("/audit/entries?" + query);
            WebSession.Page part = browser.get("/audit/entries?" + query, Map.of("HX-Request", "true"));
            WebSession.Page english = inEnglish.get("/audit/entries?lang=en&" + query);

            assertThat(page.status()).as(query).isEqualTo(400);
            assertThat(page.body()).as(query).contains("id=\"filter-errors\"").contains(message);
            assertThat(part.status()).as(query).isEqualTo(200);
            assertThat(part.body()).as(query).contains("id=\"filter-errors\"").contains(message);
            assertThat(english.body()).as(query).contains("id=\"filter-errors\"").doesNotContain(message);
        });
        assertThat(browser.get("/audit/people/not-a-number").status()).isEqualTo(400);
        assertThat(browser.get("/audit/entries/export.xlsx?from=2026-11-20&to=2026-11-01").status()).isEqualTo(400);
    }

    @Test
    void theCsvExportHoldsTheFilteredEntriesAndIsAuditedWithTheFilterButNotItselfAUD2() {
        Story story = story(4);

        WebSession.Page csv = browser.get("/audit/entries/export.csv?person=" + story.personId());

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().firstValue("X-Baomi-Export-Rows")).hasValue("4");
        String text = new String(csv.bytes(), StandardCharsets.UTF_8);
        assertThat(text.split("\r\n")).hasSize(5);
        assertThat(text).contains("\"" + story.patientId() + "\"").contains("session:console" + story.personId());
        String details = lastDetails("audit.entries.exported");
        assertThat(details).contains("\"actorId\": " + story.personId()).contains("\"format\": \"CSV\"")
                .contains("\"rows\": 4").contains("\"truncated\": false");
    }

    @Test
    void theXlsxExportIsAWorkbookWithTheEntriesAndAnAboutSheetAndIsAuditedAUD2() throws IOException {
        Story story = story(3);

        WebSession.Page xlsx = browser.get("/audit/entries/export.xlsx?patient=" + story.patientId());

        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains(".xlsx");
        Map<String, String> parts = unzip(xlsx.bytes());
        assertThat(parts).containsKeys("xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml");
        String strings = parts.getOrDefault("xl/sharedStrings.xml", "") + parts.get("xl/worksheets/sheet1.xml");
        assertThat(strings).contains(story.patientId()).contains("document.read");
        assertThat(lastDetails("audit.entries.exported")).contains("\"format\": \"XLSX\"").contains("\"rows\": 3")
                .contains("\"patientId\": \"" + story.patientId() + "\"");
    }

    @Test
    void theChartsCountTheFilteredActivityByOutcomeAndTheDenialsByActionAndAreAuditedAUD2() {
        Story story = story(6);

        WebSession.Page charts = browser.get("/audit/entries/activity?person=" + story.personId(),
                Map.of("HX-Request", "true"));
        WebSession.Page direct = browser.get("/audit/entries/activity?person=" + story.personId());

        assertThat(charts.status()).isEqualTo(200);
        Matcher m = Pattern.compile("id=\"activity-chart\"[^>]*data-chart=\"([^\"]+)\"").matcher(charts.body());
        assertThat(m.find()).isTrue();
        JsonNode data = json.readTree(m.group(1).replace("&quot;", "\"").replace("&amp;", "&"));
        long allowed = 0;
        long denied = 0;
        for (JsonNode series : data.get("series")) {
            long sum = 0;
            for (JsonNode v : series.get("data")) {
                sum += v.asLong();
            }
            if (series.get("outcome").asString().equals("ALLOWED")) {
                allowed = sum;
            } else if (series.get("outcome").asString().equals("DENIED")) {
                denied = sum;
            }
        }
        assertThat(allowed).isEqualTo(4);
        assertThat(denied).isEqualTo(2);
        assertThat(data.get("deniedCounts").get(0).asLong()).isEqualTo(2);
        assertThat(lastDetails("audit.entries.charted")).contains("\"actorId\": " + story.personId());
        assertThat(direct.status()).isEqualTo(302);
    }

    @Test
    void nobodyButTheAuditAdministratorGetsInTheDenialPageIsShownAndAuditedORG5ACC1() {
        for (TestAccounts.Created person : List.of(accounts.staff(), accounts.systemAdmin(), accounts.securityAdmin())) {
            WebSession other = new WebSession(port).signIn(person, accounts);
            for (String path : List.of("/audit/entries", "/audit/people/1", "/audit/patients/P1",
                    "/audit/objects/document/1", "/audit/entries/1", "/audit/entries/export.xlsx")) {
                WebSession.Page page = other.get(path);

                assertThat(page.status()).as(path).isEqualTo(403);
                assertThat(page.body()).as(path).contains("id=\"error-title\"").doesNotContain("id=\"audit-entries\"");
            }
            assertThat(accounts.auditEntries("access.denied", "DENIED", person.id(), null)).isGreaterThanOrEqualTo(6);
            assertThat(accounts.auditEntriesBy("audit.entries.viewed", person.id())).isZero();
            assertThat(accounts.auditEntriesBy("audit.entries.exported", person.id())).isZero();
        }
    }

    @Test
    void thePersonPickerFindsStaffByStaffNumberAndLinksToTheirTimelineAUD2() {
        TestAccounts.Created someone = accounts.staff();

        WebSession.Page found = browser.get("/audit/people/suggest?q=" + someone.staffNo(), Map.of("HX-Request", "true"));
        WebSession.Page none = browser.get("/audit/people/suggest?q=nobody-" + someone.staffNo(),
                Map.of("HX-Request", "true"));
        WebSession.Page bad = browser.get("/audit/people/suggest?q=" + WebSession.encode("a\u0000b"),
                Map.of("HX-Request", "true"));

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body()).contains("href=\"/audit/people/" + someone.id() + "\"").contains(someone.fullName());
        assertThat(none.body()).contains("id=\"people-none\"").doesNotContain("list-group-item");
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("text-danger");
    }

    @Test
    void theRestTwinSearchesWithTheSameFiltersAndPagesByCursorAUD2() {
        Story story = story(5);
        String token = accounts.token("audit:entry:read");
        WebSession api = new WebSession(port);

        WebSession.Page first = api.apiGet("/api/v1/audit/entries?size=3&person=" + story.personId(), token);
        JsonNode page = json.readTree(first.body());
        WebSession.Page second = api.apiGet("/api/v1/audit/entries?size=3&person=" + story.personId()
                + "&before=" + page.get("older").asString(), token);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(page.get("matched").asLong()).isEqualTo(5);
        assertThat(page.get("matchedCapped").asBoolean()).isFalse();
        assertThat(page.get("entries")).hasSize(3);
        assertThat(page.get("entries").get(0).get("sequence").asLong()).isEqualTo(story.sequences().get(4));
        assertThat(json.readTree(second.body()).get("entries")).hasSize(2);
        assertThat(json.readTree(second.body()).get("older").isNull()).isTrue();
    }

    @Test
    void theRestTwinAnswersBadFiltersAndAMissingScopeWithProblemDetailsAUD2ACC1() {
        String token = accounts.token("audit:entry:read");
        String wrongScope = accounts.token("iam:staff:read");
        WebSession api = new WebSession(port);

        assertProblem(api.apiGet("/api/v1/audit/entries?from=2026-11-20&to=2026-11-01", token), 400,
                "audit.filter.error.range");
        assertProblem(api.apiGet("/api/v1/audit/entries?size=5000", token), 400, "audit.api.size-invalid");
        assertProblem(api.apiGet("/api/v1/audit/entries?before=" + WebSession.encode("1'; --"), token), 400,
                "audit.filter.error.cursor");
        assertProblem(api.apiGet("/api/v1/audit/entries", wrongScope), 403, "error.forbidden");
    }

    private void assertProblem(WebSession.Page response, int status, String key) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("messageKey").asString()).isEqualTo(key);
        assertThat(body.get("detail").asString()).isNotBlank().doesNotContain("Exception");
    }

    private String lastDetails(String action) {
        return jdbc.sql("""
                SELECT details::text FROM aud_entry WHERE action = :action AND actor_id = :actor ORDER BY id DESC LIMIT 1
                """).param("action", action).param("actor", auditor.id()).query(String.class).single();
    }

    static List<Long> reversed(List<Long> list) {
        List<Long> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    static List<Long> sequences(String html) {
        return Pattern.compile("data-sequence=\"(\\d+)\"").matcher(html).results()
                .map(m -> Long.parseLong(m.group(1))).toList();
    }

    /** The href of the link with this id, unescaped. */
    static String link(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\" href=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("link " + id).isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    static Map<String, String> unzip(byte[] bytes) throws IOException {
        // Read through the central directory: the workbook is streamed, so local headers carry no sizes.
        java.nio.file.Path file = java.nio.file.Files.createTempFile("audit-export", ".xlsx");
        try {
            java.nio.file.Files.write(file, bytes);
            Map<String, String> parts = new java.util.HashMap<>();
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    parts.put(e.getName(), new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return parts;
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}
