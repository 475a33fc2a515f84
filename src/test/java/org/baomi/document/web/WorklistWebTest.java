package org.baomi.document.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.baomi.approval.ApprovalFixture;
import org.baomi.approval.Approvals;
import org.baomi.classification.PeriodKind;
import org.baomi.document.CirculationDraft;
import org.baomi.document.CirculationMode;
import org.baomi.document.ConfidentialityTerm;
import org.baomi.document.DestructionMethod;
import org.baomi.document.DestructionRequest;
import org.baomi.document.Direction;
import org.baomi.document.DocumentCirculation;
import org.baomi.document.DocumentDestruction;
import org.baomi.document.DocumentDraft;
import org.baomi.document.DocumentFixture;
import org.baomi.document.DocumentRegister;
import org.baomi.document.DocumentYearEndReturn;
import org.baomi.iam.ProtectedObjects;
import org.baomi.iam.internal.access.AccessChangeFeed;
import org.baomi.shared.Notice;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.SignedIn;
import org.baomi.test.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.util.HtmlUtils;

/**
 * The worklist's remaining parts through the web stack (issue 5): the designee's declassification review buttons
 * (CLS-4, CLS-3), a reader's loss report from the inbox (DOC-8), the year-end return for a custodian without the
 * register's permission (DOC-6), the supervisor's destructions (DOC-7), and the upload limit the page carries.
 */
@BaomiSpringTest
class WorklistWebTest {

    @Autowired WebApplicationContext context;
    @Autowired TestAccounts accounts;
    @Autowired AccessChangeFeed feed;
    @Autowired DocumentRegister register;
    @Autowired DocumentCirculation circulation;
    @Autowired DocumentYearEndReturn yearEnd;
    @Autowired DocumentDestruction destruction;
    @Autowired Approvals approvals;
    @Autowired ProtectedObjects objects;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired MessageSource messages;

    MockMvc mvc;
    DocumentFixture f;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        f = new DocumentFixture(accounts, feed, register);
    }

    @AfterEach
    void tearDown() {
        SignedIn.out();
    }

    private MockHttpServletRequestBuilder as(TestAccounts.Created person, MockHttpServletRequestBuilder request) {
        return request.with(authentication(accounts.authenticationOf(person))).with(csrf())
                .locale(Locale.SIMPLIFIED_CHINESE);
    }

    private static String body(MvcResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    /** The flash attribute is a notice with this key and these arguments (Notice holds an array: no equals). */
    private static void flashed(MvcResult result, String name, String key, Object... args) {
        Notice notice = (Notice) result.getFlashMap().get(name);
        assertThat(notice).as(name).isNotNull();
        assertThat(notice.key()).isEqualTo(key);
        assertThat(notice.getArguments()).containsExactly(args);
    }

    private LocalDate today() {
        return clock.instant().atZone(clock.getZone()).toLocalDate();
    }

    private String documentStatus(long documentId) {
        return jdbc.sql("SELECT status FROM doc_document WHERE id = :id").param("id", documentId)
                .query(String.class).single();
    }

    @Test
    @DisplayName("CLS-4: the designee's worklist offers extend, downgrade and lapse for a document due within 30 days; an extension beyond the level's longest period is refused with a message; one within it is made")
    void declassificationReviewButtons() throws Exception {
        TestAccounts.Created designee = f.registrar();
        TestAccounts.Created custodian = f.custodian();
        long documentId = f.as(designee, () -> register.register(new DocumentDraft(Direction.RECEIPT,
                "Minutes due soon " + System.nanoTime(), "DUE-1", "Test unit", "MGMT-MINUTES", null,
                new ConfidentialityTerm(PeriodKind.YEARS, null, today().plusDays(10), null), 1, custodian.staffNo(),
                "Cabinet 2", null)));
        f.poll();
        int longest = jdbc.sql("SELECT max_period_years FROM cls_level WHERE level = 'HIGHLY_SECRET'")
                .query(Integer.class).single();

        String page = body(mvc.perform(as(designee, get("/documents/kept"))).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("id=\"review-" + documentId + "\"")
                .contains("/documents/" + documentId + "/review/extend")
                .contains("/documents/" + documentId + "/review/downgrade")
                .contains("/documents/" + documentId + "/review/lapse")
                .contains("max=\"" + today().plusYears(longest) + "\"");
        assertThat(accounts.auditEntriesBy("document.declassification.review-listed", designee.id())).isPositive();
        // the custodian is no designee: nothing to review for them
        assertThat(body(mvc.perform(as(custodian, get("/documents/kept"))).andReturn()))
                .doesNotContain("id=\"review-" + documentId + "\"");

        LocalDate tooLate = today().plusYears(longest).plusDays(1);
        flashed(mvc.perform(as(designee, post("/documents/" + documentId + "/review/extend")
                        .param("until", tooLate.toString()).param("reason", "still needed")))
                .andExpect(redirectedUrl("/documents/kept#review"))
                .andReturn(), "problem", "document.review.error.too-long", longest,
                        today().plusYears(longest).toString());
        assertThat(jdbc.sql("SELECT declassify_on FROM doc_document WHERE id = :id").param("id", documentId)
                .query(java.sql.Date.class).single().toLocalDate()).isEqualTo(today().plusDays(10));

        flashed(mvc.perform(as(designee, post("/documents/" + documentId + "/review/extend")
                        .param("until", today().plusYears(longest).toString()).param("reason", "still needed")))
                .andReturn(), "notice", "document.review.notice.extended");
        assertThat(jdbc.sql("SELECT declassify_on FROM doc_document WHERE id = :id").param("id", documentId)
                .query(java.sql.Date.class).single().toLocalDate()).isEqualTo(today().plusYears(longest));

        // not a designee: refused on the worklist with the classification module's reason, nothing changed
        mvc.perform(as(custodian, post("/documents/" + documentId + "/review/downgrade").param("level", "SECRET")
                        .param("reason", "less")))
                .andExpect(redirectedUrl("/documents/kept#review"))
                .andExpect(flash().attributeExists("problem"));
        assertThat(jdbc.sql("SELECT level FROM doc_document WHERE id = :id").param("id", documentId)
                .query(String.class).single()).isEqualTo("HIGHLY_SECRET");
    }

    @Test
    @DisplayName("DOC-8: a reader who holds the document reports a loss from the inbox; it is frozen at once and the reader is sent back to the inbox")
    void lossFromTheInbox() throws Exception {
        TestAccounts.Created custodian = f.custodian();
        TestAccounts.Created reader = f.reader(SecretLevel.HIGHLY_SECRET);
        long documentId = f.minutes(f.registrar(), custodian, "Minutes lost by a reader " + System.nanoTime());
        f.as(custodian, () -> circulation.send(documentId, new CirculationDraft(List.of(reader.staffNo()),
                CirculationMode.PARALLEL, false)));
        f.poll();

        String inbox = body(mvc.perform(as(reader, get("/documents/inbox"))).andExpect(status().isOk()).andReturn());
        assertThat(inbox).contains("/documents/" + documentId + "/loss?inbox=true");

        mvc.perform(as(reader, post("/documents/" + documentId + "/loss").param("inbox", "true")
                        .param("kind", "LOST").param("circumstances", "left on the train")))
                .andExpect(redirectedUrl("/documents/inbox"))
                .andExpect(flash().attributeExists("notice"));
        assertThat(documentStatus(documentId)).isEqualTo("LOST");
        assertThat(accounts.auditEntries("document.loss.reported", "ALLOWED", reader.id(), documentId)).isEqualTo(1);
    }

    @Test
    @DisplayName("DOC-6: a custodian without the register's permission sees and confirms the year-end items of what they keep on the worklist")
    void yearEndReturnForACustodian() throws Exception {
        TestAccounts.Created custodian = f.person(SecretLevel.SECRET, "doctor");
        TestAccounts.Created reader = f.reader(SecretLevel.SECRET);
        TestAccounts.Created office = f.custodian();
        long documentId = f.as(f.registrar(), () -> register.register(f.draft(Direction.RECEIPT,
                "Contract for the year end " + System.nanoTime(), "MGMT-CONTRACT", null, custodian)));
        f.poll();
        f.as(custodian, () -> circulation.send(documentId, new CirculationDraft(List.of(reader.staffNo()),
                CirculationMode.PARALLEL, false)));
        f.poll();
        long campaign = f.as(office, () -> yearEnd.open(2091));
        long item = jdbc.sql("SELECT id FROM doc_return_item WHERE campaign_id = :c AND document_id = :d")
                .param("c", campaign).param("d", documentId).query(Long.class).single();

        // the year-end screen is the office's; the worklist is the custodian's
        mvc.perform(as(custodian, get("/documents/year-end"))).andExpect(status().isForbidden());
        String kept = body(mvc.perform(as(custodian, get("/documents/kept"))).andExpect(status().isOk()).andReturn());
        assertThat(kept).contains("id=\"return-item-" + item + "\"")
                .contains("/documents/year-end/items/" + item + "/confirm?kept=true");
        // ORG-4: the home page says so
        assertThat(body(mvc.perform(as(custodian, get("/"))).andExpect(status().isOk()).andReturn()))
                .contains("id=\"duty-document.returns-to-confirm\"");

        flashed(mvc.perform(as(custodian, post("/documents/year-end/items/" + item + "/confirm").param("kept", "true")))
                .andExpect(redirectedUrl("/documents/kept#returns"))
                .andReturn(), "notice", "document.year-end.notice.confirmed");
        assertThat(jdbc.sql("SELECT confirmed_by FROM doc_return_item WHERE id = :id").param("id", item)
                .query(Long.class).single()).isEqualTo(custodian.id());
        assertThat(body(mvc.perform(as(custodian, get("/documents/kept"))).andReturn()))
                .doesNotContain("id=\"return-item-" + item + "\"");
        assertThat(body(mvc.perform(as(custodian, get("/"))).andReturn()))
                .doesNotContain("id=\"duty-document.returns-to-confirm\"");
    }

    @Test
    @DisplayName("DOC-7: the supervisor, who may not read the document, confirms its destruction from the worklist and gets the certificate; the performer is not offered it")
    void supervisorConfirmsFromTheWorklist() throws Exception {
        ApprovalFixture department = new ApprovalFixture(accounts, jdbc, objects, feed);
        TestAccounts.Created custodian = department.person(SecretLevel.SECRET, "confidentiality-office");
        TestAccounts.Created head = department.person(SecretLevel.SECRET, "department-head");
        TestAccounts.Created supervisor = f.person(SecretLevel.SECRET, "confidentiality-office");
        long documentId = f.as(f.registrar(), () -> register.register(f.draft(Direction.RECEIPT,
                "Contract to destroy on the worklist " + System.nanoTime(), "MGMT-CONTRACT", null, custodian)));
        f.poll();
        long id = f.as(custodian, () -> destruction.request(new DestructionRequest(documentId,
                DestructionMethod.SHREDDING, "Office shredder room", "period ended")));
        long approvalId = jdbc.sql("SELECT approval_id FROM doc_destruction WHERE id = :id").param("id", id)
                .query(Long.class).single();
        for (TestAccounts.Created decider : new TestAccounts.Created[] {head, supervisor}) {
            f.as(decider, () -> approvals.decide(approvalId, decider.id(), true, "ok", -1));
        }
        f.as(custodian, () -> destruction.perform(id));

        mvc.perform(as(supervisor, get("/documents/" + documentId))).andExpect(status().isForbidden());
        String worklist = body(mvc.perform(as(supervisor, get("/documents/kept"))).andExpect(status().isOk())
                .andReturn());
        assertThat(worklist).contains("id=\"to-confirm-" + id + "\"")
                .contains("/documents/" + documentId + "/destructions/" + id + "/confirm?worklist=true");
        assertThat(body(mvc.perform(as(custodian, get("/documents/kept"))).andReturn()))
                .doesNotContain("id=\"to-confirm-" + id + "\"");
        assertThat(body(mvc.perform(as(supervisor, get("/"))).andExpect(status().isOk()).andReturn()))
                .contains("id=\"duty-document.destructions-to-confirm\"");

        flashed(mvc.perform(as(supervisor, post("/documents/" + documentId + "/destructions/" + id + "/confirm")
                        .param("worklist", "true")))
                .andExpect(redirectedUrl("/documents/kept#destructions"))
                .andReturn(), "notice", "document.destruction.notice.confirmed");
        assertThat(documentStatus(documentId)).isEqualTo("DESTROYED");
        assertThat(body(mvc.perform(as(supervisor, get("/documents/kept"))).andReturn()))
                .contains("/documents/" + documentId + "/destructions/" + id + "/certificate.pdf");
        MvcResult certificate = mvc.perform(as(supervisor, get("/documents/" + documentId + "/destructions/" + id
                + "/certificate.pdf"))).andExpect(status().isOk()).andReturn();
        assertThat(new String(certificate.getResponse().getContentAsByteArray(), 0, 5, StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
    }

    @Test
    @DisplayName("Issue 5 item 3: the document's page carries the server's upload limit and its translated message for the upload script")
    void uploadLimitOnThePage() throws Exception {
        TestAccounts.Created custodian = f.custodian();
        long documentId = f.minutes(f.registrar(), custodian, "Minutes with a limit " + System.nanoTime());
        String page = body(mvc.perform(as(custodian, get("/documents/" + documentId))).andExpect(status().isOk())
                .andReturn());
        assertThat(page).contains("data-max-size=\"2147483648\"")
                .contains("data-msg-too-big=\"" + HtmlUtils.htmlEscape(messages.getMessage("document.file.error.too-big",
                        new Object[] {2048L}, Locale.SIMPLIFIED_CHINESE)) + "\"");
    }
}
