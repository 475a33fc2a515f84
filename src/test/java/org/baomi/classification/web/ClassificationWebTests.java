package org.baomi.classification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.baomi.classification.ClassificationCatalogue;
import org.baomi.classification.ClassificationCatalogueTestSupport;
import org.baomi.shared.Notice;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.SignedIn;
import org.baomi.test.TestAccounts;
import org.baomi.test.TestAccounts.Created;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The classification guide and the office's forms through the whole web stack, security included. */
@BaomiSpringTest
class ClassificationWebTests {

    @Autowired WebApplicationContext context;
    @Autowired TestAccounts fixtures;
    @Autowired ClassificationCatalogue catalogue;

    MockMvc mvc;
    Created staff;
    Created office;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        staff = fixtures.staff();
        office = fixtures.create(TestAccounts.person().roles("staff", "confidentiality-office").clearance(SecretLevel.SECRET));
    }

    @AfterEach
    void tearDown() {
        SignedIn.out();
    }

    private MockHttpServletRequestBuilder as(Created person, MockHttpServletRequestBuilder request) {
        return request.with(authentication(fixtures.authenticationOf(person))).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE);
    }

    private static String body(MvcResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private Map<String, String> validCategory(String code) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code", code);
        form.put("domainCode", "MGMT");
        form.put("nameZh", "\u6d4b\u8bd5\u7c7b\u522b");
        form.put("nameEn", "Test category");
        form.put("defaultLevel", "SECRET");
        form.put("periodKind", "YEARS");
        form.put("periodYears", "5");
        form.put("sortOrder", "999");
        form.put("reason", "web test");
        return form;
    }

    private MvcResult postForm(Created person, String path, Map<String, String> form) throws Exception {
        MockHttpServletRequestBuilder request = as(person, post(path));
        form.forEach(request::param);
        return mvc.perform(request).andReturn();
    }

    @Test
    @DisplayName("CLS-1..7: everyone signed in reads the full guide: levels, harm, categories, what is not a secret; no edit links")
    void staffReadTheGuide() throws Exception {
        MvcResult result = mvc.perform(as(staff, get("/classification")))
                .andExpect(status().isOk()).andExpect(view().name("classification/guide")).andReturn();
        String html = body(result);
        assertThat(html).contains("id=\"level-TOP_SECRET\"", "id=\"category-MGMT-SALARY\"", "id=\"not-secret-list\"",
                "\u7279\u522b\u4e25\u91cd\u7684\u635f\u5bb3", "id=\"guide-NOT-SECRET\"");
        assertThat(html).doesNotContain("edit-category-", "edit-level-", "id=\"new-category\"");
    }

    @Test
    @DisplayName("The category filter answers htmx with the list fragment only")
    void htmxGetsTheFragment() throws Exception {
        MvcResult result = mvc.perform(as(staff, get("/classification").param("q", "SALARY").header("HX-Request", "true")))
                .andExpect(status().isOk()).andExpect(view().name("classification/guide :: categories")).andReturn();
        String html = body(result);
        assertThat(html).contains("category-MGMT-SALARY").doesNotContain("category-PAT-DIAGNOSIS").doesNotContain("<html");
    }

    @Test
    @DisplayName("A filter that matches nothing shows a helpful empty state")
    void emptyState() throws Exception {
        String html = body(mvc.perform(as(staff, get("/classification").param("q", "zz-no-such-thing-zz")))
                .andExpect(status().isOk()).andReturn());
        assertThat(html).contains("id=\"no-categories\"", "\u6e05\u9664\u7b5b\u9009\u6761\u4ef6");
    }

    @ParameterizedTest(name = "Bad filter input [{0}] gets a translated message, never a 500")
    @ValueSource(strings = {"level=XYZ", "domain=';DROP TABLE cls_category;--", "q=" + "x"})
    void badFilterInputIsExplained(String pair) throws Exception {
        String[] kv = pair.split("=", 2);
        String value = kv[1].equals("x") ? "x".repeat(500) : kv[1];
        MvcResult full = mvc.perform(as(staff, get("/classification").param(kv[0], value))).andReturn();
        assertThat(full.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(full)).contains("id=\"filter-errors\"");
        MvcResult part = mvc.perform(as(staff, get("/classification").param(kv[0], value).header("HX-Request", "true")))
                .andReturn();
        assertThat(part.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(part)).contains("id=\"filter-errors\"").doesNotContain("DROP TABLE cls_category;--</");
        assertThat(fixtures.count("cls_category")).isGreaterThan(40);
    }

    @Test
    @DisplayName("Hostile text in the search is shown escaped and matched literally")
    void hostileSearchIsHarmless() throws Exception {
        String html = body(mvc.perform(as(staff, get("/classification").param("q", "<script>alert(1)</script>%_")))
                .andExpect(status().isOk()).andReturn());
        assertThat(html).doesNotContain("<script>alert(1)</script>").contains("id=\"no-categories\"");
    }

    @Test
    @DisplayName("ORG-5, ACC-1: staff and the 三员 get 403 on the office's forms, though the 三员 may read the guide")
    void othersCannotEdit() throws Exception {
        for (Created person : List.of(staff, fixtures.systemAdmin(), fixtures.securityAdmin(), fixtures.auditAdmin())) {
            mvc.perform(as(person, get("/classification/categories/new"))).andExpect(status().isForbidden());
            mvc.perform(as(person, get("/classification/levels/SECRET"))).andExpect(status().isForbidden());
            mvc.perform(as(person, get("/classification/designations"))).andExpect(status().isForbidden());
            assertThat(postForm(person, "/classification/categories", validCategory(ClassificationCatalogueTestSupport.newCode()))
                    .getResponse().getStatus()).isEqualTo(403);
            mvc.perform(as(person, get("/classification"))).andExpect(status().isOk());
        }
    }

    @Test
    @DisplayName("The office sees the edit links and creates a category; the notice names the new catalogue version")
    void officeCreatesACategory() throws Exception {
        String html = body(mvc.perform(as(office, get("/classification"))).andExpect(status().isOk()).andReturn());
        assertThat(html).contains("id=\"edit-category-MGMT-SALARY\"", "id=\"edit-level-SECRET\"", "id=\"new-category\"");
        String code = ClassificationCatalogueTestSupport.newCode();
        MvcResult result = postForm(office, "/classification/categories", validCategory(code));
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/classification#categories");
        assertThat(result.getFlashMap().get("notice")).isInstanceOf(Notice.class);
        SignedIn.as(fixtures.authenticationOf(office));
        assertThat(catalogue.category(code)).isPresent();
    }

    @Test
    @DisplayName("CLS-5 on the form: not-a-secret above internal and a missing reason give translated field errors, nothing written")
    void badCategoryInputIsExplained() throws Exception {
        String code = ClassificationCatalogueTestSupport.newCode();
        Map<String, String> form = validCategory(code);
        form.put("notSecret", "true");
        form.put("reason", " ");
        long versions = fixtures.count("cls_catalogue_version");
        MvcResult result = mvc.perform(with(as(office, post("/classification/categories")), form))
                .andExpect(status().isOk())
                .andExpect(view().name("classification/category-form"))
                .andExpect(model().attributeHasFieldErrors("categoryForm", "defaultLevel", "reason"))
                .andReturn();
        assertThat(body(result)).contains("\u6700\u9ad8\u53ea\u80fd\u5b9a\u4e3a\u5185\u90e8", "\u8bf7\u586b\u5199\u53d8\u66f4\u539f\u56e0");
        assertThat(fixtures.count("cls_catalogue_version")).isEqualTo(versions);
    }

    @ParameterizedTest(name = "Form field {0} with unusable value gives a field error, never a 500")
    @ValueSource(strings = {"defaultLevel=ULTRA", "periodKind=FOREVER", "periodYears=abc", "sortOrder=99999999999",
            "code=lower-case", "domainCode=NOPE", "nameZh=\u202Eevil", "periodYears=31"})
    void unusableValuesAreFieldErrors(String pair) throws Exception {
        String[] kv = pair.split("=", 2);
        Map<String, String> form = validCategory(ClassificationCatalogueTestSupport.newCode());
        form.put(kv[0], kv[1]);
        mvc.perform(with(as(office, post("/classification/categories")), form))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("categoryForm", kv[0]));
    }

    @Test
    @DisplayName("Optimistic locking on the form: a stale edit answers 409 with the current values and a translated notice")
    void staleFormIsAConflict() throws Exception {
        String code = ClassificationCatalogueTestSupport.newCode();
        postForm(office, "/classification/categories", validCategory(code));
        Map<String, String> first = validCategory(code);
        first.put("version", "0");
        first.put("periodYears", "6");
        assertThat(postForm(office, "/classification/categories/" + code, first).getResponse().getStatus()).isEqualTo(302);
        Map<String, String> stale = validCategory(code);
        stale.put("version", "0");
        stale.put("periodYears", "7");
        MvcResult result = postForm(office, "/classification/categories/" + code, stale);
        assertThat(result.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(result)).contains("id=\"problem\"", "\u522b\u4eba\u5df2\u7ecf\u4fee\u6539");
    }

    @Test
    @DisplayName("Deactivation asks for confirmation on the page, needs a reason, and keeps the category")
    void deactivation() throws Exception {
        String code = ClassificationCatalogueTestSupport.newCode();
        postForm(office, "/classification/categories", validCategory(code));
        String edit = body(mvc.perform(as(office, get("/classification/categories/" + code))).andExpect(status().isOk()).andReturn());
        assertThat(edit).contains("data-confirm=");
        MvcResult noReason = postForm(office, "/classification/categories/" + code + "/deactivate",
                Map.of("version", "0", "reason", ""));
        assertThat(noReason.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(noReason)).contains("id=\"activation-reason-error\"");
        MvcResult done = postForm(office, "/classification/categories/" + code + "/deactivate",
                Map.of("version", "0", "reason", "obsolete"));
        assertThat(done.getResponse().getStatus()).isEqualTo(302);
        assertThat(fixtures.count("cls_category")).isGreaterThan(40);
        SignedIn.as(fixtures.authenticationOf(office));
        assertThat(catalogue.category(code).orElseThrow().active()).isFalse();
    }

    @Test
    @DisplayName("CSV export: a spreadsheet-ready file of the whole catalogue")
    void csvExport() throws Exception {
        MvcResult result = mvc.perform(as(staff, get("/classification/export.csv")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andReturn();
        assertThat(result.getResponse().getContentType()).startsWith("text/csv");
        assertThat(body(result)).contains("MGMT-SALARY");
    }

    @Test
    @DisplayName("Versioning: the history lists versions and a version shows its difference; unknown ones are 404, bad pages 400")
    void historyScreens() throws Exception {
        String code = ClassificationCatalogueTestSupport.newCode();
        postForm(office, "/classification/categories", validCategory(code));
        String history = body(mvc.perform(as(staff, get("/classification/history"))).andExpect(status().isOk()).andReturn());
        assertThat(history).contains("id=\"version-1\"").contains(code);
        SignedIn.as(fixtures.authenticationOf(staff));
        int current = catalogue.currentVersion();
        SignedIn.out();
        String version = body(mvc.perform(as(staff, get("/classification/history/" + current))).andExpect(status().isOk()).andReturn());
        assertThat(version).contains("id=\"change-defaultLevel\"");
        mvc.perform(as(staff, get("/classification/history/99999999"))).andExpect(status().isNotFound());
        mvc.perform(as(staff, get("/classification/history/abc"))).andExpect(status().isNotFound());
        mvc.perform(as(staff, get("/classification/history").param("page", "-1"))).andExpect(status().isBadRequest());
    }

    @Test
    @DisplayName("CLS-3 on the designation form: the president sees it; bad input gives translated field errors")
    void designationForm() throws Exception {
        Created president = fixtures.create(TestAccounts.person().roles("staff", "president").clearance(SecretLevel.TOP_SECRET));
        mvc.perform(as(president, get("/classification/designations"))).andExpect(status().isOk());
        mvc.perform(as(office, get("/classification/designations"))).andExpect(status().isForbidden());
        Map<String, String> form = Map.of("staffNo", "NO-SUCH-PERSON", "maxLevel", "SECRET", "validFrom", "2026-13-45",
                "validUntil", "", "reason", "test");
        MvcResult result = mvc.perform(with(as(president, post("/classification/designations")), form))
                .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrors("designationForm", "validFrom"))
                .andReturn();
        assertThat(body(result)).contains("id=\"validFrom-error\"");
        Map<String, String> unknown = Map.of("staffNo", "NO-SUCH-PERSON", "maxLevel", "SECRET", "validFrom", "2026-11-01",
                "validUntil", "2027-11-01", "reason", "test", "allCategories", "true");
        assertThat(body(mvc.perform(with(as(president, post("/classification/designations")), unknown))
                .andExpect(status().isOk()).andReturn())).contains("id=\"staffNo-error\"");
    }

    private static MockHttpServletRequestBuilder with(MockHttpServletRequestBuilder request, Map<String, String> form) {
        form.forEach(request::param);
        return request;
    }

    private static Map<String, String> levelFields(String years) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("version", "0");
        form.put("maxPeriodYears", years);
        for (String field : List.of("harm", "storage", "transfer", "copying", "destruction")) {
            form.put(field + "Zh", "x");
            form.put(field + "En", "x");
        }
        return form;
    }

    @Test
    @DisplayName("CLS-2, CLS-7: the office edits a level's definition; a bad longest period is a translated field error")
    void levelForm() throws Exception {
        String page = body(mvc.perform(as(office, get("/classification/levels/HIGHLY_SECRET"))).andExpect(status().isOk())
                .andReturn());
        assertThat(page).contains("id=\"level-form\"", "name=\"maxPeriodYears\"");
        MvcResult bad = mvc.perform(with(as(office, post("/classification/levels/HIGHLY_SECRET")),
                        levelFields("31")))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("levelForm", "maxPeriodYears", "reason")).andReturn();
        assertThat(body(bad)).contains("id=\"maxPeriodYears-error\"", "1 \u81f3 30");
        mvc.perform(as(office, get("/classification/levels/ULTRA"))).andExpect(status().isNotFound());
        String internal = body(mvc.perform(as(office, get("/classification/levels/INTERNAL"))).andExpect(status().isOk())
                .andReturn());
        assertThat(internal).doesNotContain("name=\"maxPeriodYears\"");
    }

    @Test
    @DisplayName("The office edits a section of the guide's text; the guide shows it to everyone")
    void guideForm() throws Exception {
        String page = body(mvc.perform(as(office, get("/classification/guide/CONDUCT"))).andExpect(status().isOk())
                .andReturn());
        assertThat(page).contains("id=\"guide-form\"");
        SignedIn.as(fixtures.authenticationOf(office));
        var section = catalogue.guide().stream().filter(s -> s.code().equals("CONDUCT")).findFirst().orElseThrow();
        SignedIn.out();
        String marker = "T" + System.nanoTime();
        MvcResult saved = mvc.perform(with(as(office, post("/classification/guide/CONDUCT")), Map.of(
                        "version", Integer.toString(section.version()), "titleZh", section.title().zh(),
                        "titleEn", section.title().en(), "bodyZh", section.body().zh(),
                        "bodyEn", section.body().en() + " " + marker, "reason", "clarified")))
                .andReturn();
        assertThat(saved.getResponse().getStatus()).isEqualTo(302);
        assertThat(body(mvc.perform(as(staff, get("/classification"))).andReturn())).doesNotContain(marker);
        assertThat(body(mvc.perform(as(staff, get("/classification").param("lang", "en"))).andReturn())).contains(marker);
        mvc.perform(as(office, get("/classification/guide/NOPE"))).andExpect(status().isNotFound());
    }

    @Test
    @DisplayName("CLS-3 on the designation screen: the president designates and revokes; the list keeps both")
    void designateAndRevokeOnTheScreen() throws Exception {
        Created president = fixtures.create(TestAccounts.person().roles("staff", "president").clearance(SecretLevel.TOP_SECRET));
        Created designee = fixtures.create(TestAccounts.person().clearance(SecretLevel.SECRET));
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        MockHttpServletRequestBuilder request = as(president, post("/classification/designations"))
                .param("staffNo", designee.staffNo()).param("maxLevel", "SECRET")
                .param("validFrom", today.toString()).param("validUntil", today.plusMonths(6).toString())
                .param("domainCodes", "PAT").param("categoryCodes", "MGMT-CONTRACT").param("reason", "ward sister");
        assertThat(mvc.perform(request).andReturn().getResponse().getStatus()).isEqualTo(302);
        String list = body(mvc.perform(as(president, get("/classification/designations"))).andExpect(status().isOk()).andReturn());
        assertThat(list).contains(designee.staffNo(), "PAT/*", "MGMT-CONTRACT");
        SignedIn.as(fixtures.authenticationOf(president));
        var designation = context.getBean(org.baomi.classification.ClassifierDesignations.class).list().stream()
                .filter(d -> d.staffNo().equals(designee.staffNo())).findFirst().orElseThrow();
        SignedIn.out();
        MvcResult noReason = mvc.perform(with(as(president, post("/classification/designations/" + designation.id() + "/revoke")),
                Map.of("version", Integer.toString(designation.version()), "reason", ""))).andReturn();
        assertThat(noReason.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(noReason)).contains("id=\"problem\"");
        MvcResult revoked = mvc.perform(with(as(president, post("/classification/designations/" + designation.id() + "/revoke")),
                Map.of("version", Integer.toString(designation.version()), "reason", "left the ward"))).andReturn();
        assertThat(revoked.getResponse().getStatus()).isEqualTo(302);
        String after = body(mvc.perform(as(president, get("/classification/designations"))).andReturn());
        assertThat(after).contains("left the ward");
        MvcResult again = mvc.perform(with(as(president, post("/classification/designations/" + designation.id() + "/revoke")),
                Map.of("version", Integer.toString(designation.version() + 1), "reason", "twice"))).andReturn();
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
    }

    @Test
    @DisplayName("Deny by default: the guide needs a completed login; anonymous visitors are sent to sign in")
    void anonymousVisitorsSignInFirst() throws Exception {
        MvcResult result = mvc.perform(get("/classification")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).contains("/login");
    }

    @Test
    @DisplayName("AUD-1 choice: reading the guide is not audited (regulatory text), exporting it is")
    void readsAreNotAuditedButExportsAre() throws Exception {
        long before = auditEntriesOf(staff);
        mvc.perform(as(staff, get("/classification"))).andExpect(status().isOk());
        mvc.perform(as(staff, get("/classification/history"))).andExpect(status().isOk());
        assertThat(auditEntriesOf(staff)).isEqualTo(before);
        mvc.perform(as(staff, get("/classification/export.csv"))).andExpect(status().isOk());
        assertThat(auditEntriesOf(staff)).isEqualTo(before + 1);
    }

    private long auditEntriesOf(Created person) {
        return context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("SELECT count(*) FROM aud_entry WHERE actor_id = :id").param("id", person.id())
                .query(Long.class).single();
    }
}
