package org.baomi.approval.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.baomi.approval.ApprovalFixture;
import org.baomi.iam.ProtectedObjects;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.internal.access.AccessChangeFeed;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.SignedIn;
import org.baomi.test.TestAccounts;
import org.baomi.test.TestAccounts.Created;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The approval screens through the whole web stack (issue 4 item 4): the protected object page refuses and offers
 * the request, the form refuses bad input with translated field errors and writes nothing, the inboxes show the
 * request to the department head, the decision needs confirmation and a reason to refuse, the chain screen is the
 * security administrator's and validates.
 */
@BaomiSpringTest
class ApprovalWebTest {

    @Autowired WebApplicationContext context;
    @Autowired TestAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired ProtectedObjects objects;
    @Autowired AccessChangeFeed feed;
    @Autowired MessageSource messages;
    @Autowired org.baomi.approval.ApprovalKinds kindRegistry;

    MockMvc mvc;
    ApprovalFixture f;
    Created requester;
    Created head;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        f = new ApprovalFixture(accounts, jdbc, objects, feed);
        requester = f.person(SecretLevel.SECRET, "doctor");
        head = f.person(SecretLevel.SECRET, "department-head");
    }

    @AfterEach
    void tearDown() {
        SignedIn.out();
    }

    private MockHttpServletRequestBuilder as(Created person, MockHttpServletRequestBuilder request) {
        return request.with(authentication(accounts.authenticationOf(person))).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE);
    }

    /** The message as the page shows it (Simplified Chinese, the default; HTML-escaped like Thymeleaf). */
    private String zh(String key, Object... args) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE));
    }

    private static String body(MvcResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void ACC_4_the_object_page_refuses_offers_the_request_and_the_request_reaches_the_heads_inbox() throws Exception {
        ResourceRef doc = f.document(SecretLevel.INTERNAL);
        String denied = body(mvc.perform(as(requester, get("/access/objects/document/" + doc.id())))
                .andExpect(status().isForbidden()).andReturn());
        assertThat(denied).contains("id=\"request-access\"").contains("/approvals/new?kind=access&amp;type=document");

        String form = body(mvc.perform(as(requester, get("/approvals/new").param("kind", "access")
                .param("type", "document").param("id", doc.id()).param("action", "READ")))
                .andExpect(status().isOk()).andReturn());
        assertThat(form).contains(doc.id()).contains("id=\"request-form\"");

        MvcResult submitted = mvc.perform(as(requester, post("/approvals").param("kind", "access")
                .param("subjectType", "document").param("subjectId", doc.id()).param("action", "READ")
                .param("reason", "ward round").param("durationDays", "2")))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = submitted.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/approvals/");
        long id = Long.parseLong(location.substring("/approvals/".length()));

        String inbox = body(mvc.perform(as(head, get("/approvals"))).andExpect(status().isOk()).andReturn());
        assertThat(inbox).contains("id=\"approval-" + id + "\"").contains("id=\"select-" + id + "\"");
        String part = body(mvc.perform(as(head, get("/approvals").param("box", "WAITING").header("HX-Request", "true")))
                .andExpect(status().isOk()).andReturn());
        assertThat(part).contains("id=\"approval-" + id + "\"").doesNotContain("<html");

        String detail = body(mvc.perform(as(head, get(location))).andExpect(status().isOk()).andReturn());
        assertThat(detail).contains("id=\"decide-form\"").contains("ward round");

        // Unconfirmed, or a refusal without a reason: nothing decided, a translated notice.
        mvc.perform(as(head, post(location + "/decision").param("decision", "approve")))
                .andExpect(status().is3xxRedirection())
                .andExpect(r -> assertThat(r.getFlashMap().get("notice").toString()).contains("approval.error.confirm-required"));
        mvc.perform(as(head, post(location + "/decision").param("decision", "refuse").param("confirm", "true")))
                .andExpect(r -> assertThat(r.getFlashMap().get("notice").toString()).contains("approval.error.comment.required"));
        assertThat(f.stepRules(id).get(0)).isEqualTo("DEPARTMENT_HEAD:WAITING");
        mvc.perform(as(head, post(location + "/decision").param("decision", "approve").param("confirm", "true")))
                .andExpect(r -> assertThat(r.getFlashMap().get("notice").toString()).contains("approval.notice.approved"));
        assertThat(f.stepRules(id).get(0)).isEqualTo("DEPARTMENT_HEAD:APPROVED");

        String mine = body(mvc.perform(as(requester, get("/approvals").param("box", "MINE"))).andExpect(status().isOk())
                .andReturn());
        assertThat(mine).contains("id=\"approval-" + id + "\"");
        String decided = body(mvc.perform(as(head, get("/approvals").param("box", "DECIDED"))).andReturn());
        assertThat(decided).contains("id=\"approval-" + id + "\"");
    }

    @Test
    void bad_input_to_the_request_form_gives_translated_field_errors_and_writes_nothing() throws Exception {
        long before = accounts.count("apr_request");
        String page = body(mvc.perform(as(requester, post("/approvals").param("kind", "access")
                .param("subjectType", "document").param("subjectId", "NOT-THERE-" + f.code).param("action", "DROP")
                .param("reason", "").param("durationDays", "abc")))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(page).contains("id=\"form-errors\"").contains("id=\"subjectId-error\"")
                .contains(zh("approval.error.subject-unknown")).contains(zh("approval.error.reason.required"))
                .contains(zh("approval.error.duration", 30)).doesNotContain("Exception");
        assertThat(accounts.count("apr_request")).isEqualTo(before);

        mvc.perform(as(requester, get("/approvals/not-a-number"))).andExpect(status().isNotFound());
        mvc.perform(as(requester, get("/approvals").param("box", "NONSENSE").param("page", "-1")))
                .andExpect(status().isOk());
    }

    @Test
    void an_outsider_may_not_read_a_request_and_the_refusal_is_audited() throws Exception {
        ResourceRef doc = f.document(SecretLevel.INTERNAL);
        mvc.perform(as(requester, post("/approvals").param("kind", "access").param("subjectType", "document")
                .param("subjectId", doc.id()).param("action", "READ").param("reason", "x")));
        long id = jdbc.sql("SELECT max(id) FROM apr_request WHERE requester_id = :r").param("r", requester.id())
                .query(Long.class).single();
        Created outsider = accounts.staff();
        mvc.perform(as(outsider, get("/approvals/" + id))).andExpect(status().isForbidden());
        assertThat(accounts.auditEntries("access.denied", "DENIED", outsider.id(), id)).isEqualTo(1);
    }

    @Test
    void the_chain_screen_is_the_security_administrators_and_refuses_a_chain_without_an_unconditional_step()
            throws Exception {
        mvc.perform(as(head, get("/approvals/chains"))).andExpect(status().isForbidden());
        Created admin = accounts.securityAdmin();
        String list = body(mvc.perform(as(admin, get("/approvals/chains"))).andExpect(status().isOk()).andReturn());
        assertThat(list).contains("id=\"chain-access\"").contains("id=\"cls3-note\"");
        long versions = accounts.count("apr_chain_version");
        String refused = body(mvc.perform(as(admin, post("/approvals/chains/access").param("rule", "PRESIDENT")
                .param("roleCode", "").param("minLevel", "SECRET").param("deadlineHours", "24")
                .param("escalationRole", "president").param("reason", "").param("version", "0")))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(refused).contains(zh("approval.chain.error.no-unconditional-step")).contains(zh("approval.error.reason.required"));
        assertThat(accounts.count("apr_chain_version")).isEqualTo(versions);
        mvc.perform(as(admin, get("/approvals/chains/no-such-kind"))).andExpect(status().isNotFound());
    }

    @Test
    void delegation_form_refuses_oneself_and_a_missing_end() throws Exception {
        String page = body(mvc.perform(as(head, post("/approvals/delegations").param("delegateStaffNo", head.staffNo())
                .param("validUntil", "").param("reason", "leave"))).andExpect(status().isBadRequest()).andReturn());
        assertThat(page).contains(zh("approval.delegation.error.self")).contains(zh("approval.delegation.error.until-required"));
        String list = body(mvc.perform(as(head, get("/approvals/delegations"))).andExpect(status().isOk()).andReturn());
        assertThat(list).contains("id=\"no-delegations\"");
    }

    @Test
    void a_withdrawal_needs_a_reason_and_a_bulk_approval_a_selection_and_confirmation() throws Exception {
        ResourceRef doc = f.document(SecretLevel.INTERNAL);
        String location = mvc.perform(as(requester, post("/approvals").param("kind", "access")
                .param("subjectType", "document").param("subjectId", doc.id()).param("action", "READ")
                .param("reason", "x"))).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring("/approvals/".length()));
        mvc.perform(as(requester, post(location + "/withdraw").param("reason", " ")))
                .andExpect(r -> assertThat(r.getFlashMap().get("notice").toString()).contains("approval.error.reason.required"));
        mvc.perform(as(head, post("/approvals/bulk").param("confirm", "true")))
                .andExpect(r -> assertThat(r.getFlashMap().get("notice").toString()).contains("approval.error.bulk.empty"));
        mvc.perform(as(head, post("/approvals/bulk").param("ids", Long.toString(id))))
                .andExpect(r -> assertThat(r.getFlashMap().get("notice").toString()).contains("approval.error.confirm-required"));
        assertThat(f.status(id)).isEqualTo("PENDING");
        assertThat(f.stepRules(id).get(0)).isEqualTo("DEPARTMENT_HEAD:WAITING");
        mvc.perform(as(requester, post(location + "/withdraw").param("reason", "not needed")))
                .andExpect(r -> assertThat(r.getFlashMap().get("notice").toString()).contains("approval.notice.withdrawn"));
        assertThat(f.status(id)).isEqualTo("WITHDRAWN");
    }

    @Test
    void the_security_administrator_saves_a_chain_as_a_new_audited_version_and_a_stale_form_is_refused()
            throws Exception {
        String kind = "t-web-" + System.nanoTime();
        kindRegistry.register(new org.baomi.approval.ApprovalKind(kind, "document", java.util.List.of(),
                java.util.List.of(new org.baomi.approval.ChainStep(org.baomi.approval.ApproverRule.DEPARTMENT_HEAD,
                        null, null, 48)), null, false));
        Created admin = accounts.securityAdmin();
        String form = body(mvc.perform(as(admin, get("/approvals/chains/" + kind))).andExpect(status().isOk()).andReturn());
        assertThat(form).contains("id=\"chain-form\"").contains("id=\"rule-5\"");

        mvc.perform(as(admin, post("/approvals/chains/" + kind).param("rule", "DEPARTMENT_HEAD", "ROLE")
                .param("roleCode", "", "confidentiality-office").param("minLevel", "", "SECRET")
                .param("deadlineHours", "24", "48").param("escalationRole", "president").param("reason", "office too")
                .param("version", "0"))).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT count(*) FROM apr_chain_step WHERE kind = :k AND version = 1").param("k", kind)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(accounts.auditEntries("approval.chain.configured", "ALLOWED", admin.id(), null)).isEqualTo(1);

        mvc.perform(as(admin, post("/approvals/chains/" + kind).param("rule", "PRESIDENT").param("roleCode", "")
                .param("minLevel", "").param("deadlineHours", "24").param("escalationRole", "president")
                .param("reason", "stale").param("version", "0"))).andExpect(status().isConflict());
        assertThat(jdbc.sql("SELECT max(version) FROM apr_chain_version WHERE kind = :k").param("k", kind)
                .query(Integer.class).single()).isEqualTo(1);
    }
}
