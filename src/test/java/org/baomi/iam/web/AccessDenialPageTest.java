package org.baomi.iam.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.lang.reflect.Method;

import org.baomi.iam.AccessPolicy;
import org.baomi.iam.AccessRequest;
import org.baomi.iam.CurrentUser;
import org.baomi.iam.ProtectedObject;
import org.baomi.iam.ProtectedObjects;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.internal.access.AccessChangeFeed;
import org.baomi.iam.internal.login.StaffAuthentication;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Denials explained (issue 3 item 2): a handler that calls {@code AccessPolicy.require} and is denied shows the
 * 403 page with the explanation, both levels, the remedy and the rule trail; under /api/ the same denial is
 * problem+json with the reason and remedy keys. The handlers are registered for this test only, so that no page
 * of the application needs to exist for it.
 */
@BaomiSpringTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AccessDenialPageTest {

    private static final String PAGE = "/test-only/access-denial/{type}/{id}";
    private static final String API = "/api/v1/test-only/access-denial/{type}/{id}";

    @Autowired
    WebApplicationContext context;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    AccessPolicy policy;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    ProtectedObjects objects;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    TestAccounts accounts;
    /** Polled at once, so that people and objects just made are in the decision model without waiting. */
    @Autowired
    AccessChangeFeed feed;
    @Autowired
    JdbcClient jdbc;

    private MockMvc mvc;
    private RequestMappingInfo pageMapping;
    private RequestMappingInfo apiMapping;
    private TestAccounts.Created reader;
    private String secretDocument;

    /** Shows an object after asking the decision point, as every module's page does. */
    public static final class ShowObject {
        private final AccessPolicy policy;
        private final CurrentUser currentUser;

        ShowObject(AccessPolicy policy, CurrentUser currentUser) {
            this.policy = policy;
            this.currentUser = currentUser;
        }

        @ResponseBody
        public String show(@org.springframework.web.bind.annotation.PathVariable String type,
                @org.springframework.web.bind.annotation.PathVariable String id) {
            policy.require(AccessRequest.read(currentUser.require().accountId(), new ResourceRef(type, id)));
            return "shown";
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity())
                .build();
        Method show = ShowObject.class.getMethod("show", String.class, String.class);
        ShowObject handler = new ShowObject(policy, currentUser);
        pageMapping = RequestMappingInfo.paths(PAGE).methods(RequestMethod.GET)
                .options(mappings.getBuilderConfiguration()).build();
        apiMapping = RequestMappingInfo.paths(API).methods(RequestMethod.GET)
                .options(mappings.getBuilderConfiguration()).build();
        mappings.registerMapping(pageMapping, handler, show);
        mappings.registerMapping(apiMapping, handler, show);
        reader = accounts.create(TestAccounts.person().clearance(SecretLevel.INTERNAL).roles("staff", "doctor"));
        TestAccounts.Created custodian = accounts.create(TestAccounts.person().clearance(SecretLevel.SECRET)
                .roles("staff", "doctor"));
        secretDocument = "T-DENY-" + TestAccounts.newStaffNo();
        transactions.executeWithoutResult(tx -> objects.register(new ProtectedObject(
                ResourceRef.document(secretDocument), SecretLevel.SECRET, null, custodian.id())));
        feed.poll();
    }

    @AfterEach
    void tearDown() {
        mappings.unregisterMapping(pageMapping);
        mappings.unregisterMapping(apiMapping);
    }

    @Test
    void a_denied_page_explains_why_with_both_levels_the_remedy_and_the_rule_trail_CLS_1_ACC_6() throws Exception {
        StaffAuthentication person = accounts.authenticationOf(reader);

        String page = mvc.perform(get(PAGE.replace("{type}", "document").replace("{id}", secretDocument))
                        .with(authentication(person)).param("lang", "en"))
                .andExpect(status().isForbidden()).andExpect(view().name("access/denied"))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"denial-explanation\"").contains("id=\"denial-levels\"")
                .contains("Secret").contains("Internal")
                .contains("id=\"denial-remedy\"").contains("<details id=\"denial-trail\"")
                .contains("Clearance").contains(secretDocument);
        assertThat(page).doesNotContain("access.denied.clearance").doesNotContain("Exception");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM aud_entry WHERE action = 'access.decision' AND object_id = :id AND outcome = 'DENIED'
                """).param("id", secretDocument).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_need_to_know_denial_offers_the_access_request_which_states_what_would_be_requested_ACC_4() throws Exception {
        TestAccounts.Created cleared = accounts.create(TestAccounts.person().clearance(SecretLevel.SECRET)
                .roles("staff", "doctor"));
        feed.poll();
        StaffAuthentication person = accounts.authenticationOf(cleared);

        String page = mvc.perform(get(PAGE.replace("{type}", "document").replace("{id}", secretDocument))
                        .with(authentication(person)))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"request-access\"").doesNotContain("id=\"denial-levels\"");
        String request = mvc.perform(get("/approvals/new").with(authentication(person)).param("kind", "access")
                        .param("type", "document").param("id", secretDocument).param("action", "READ"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("/approvals/new?kind=access&amp;type=document&amp;id=" + secretDocument);
        assertThat(request).contains(secretDocument).contains("id=\"request-form\"");
    }

    @Test
    void an_incomplete_access_request_link_is_a_translated_400_page_not_a_500() throws Exception {
        StaffAuthentication person = accounts.authenticationOf(reader);

        mvc.perform(post("/approvals").with(authentication(person)).with(csrf()).param("kind", "access")
                        .param("subjectType", "Bad Type!").param("subjectId", "x").param("action", "READ"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void under_api_the_same_denial_is_problem_json_403_with_the_reason_and_remedy_keys_and_the_explanation()
            throws Exception {
        StaffAuthentication person = accounts.authenticationOf(reader);

        String body = mvc.perform(get(API.replace("{type}", "document").replace("{id}", secretDocument))
                        .with(authentication(person)).header("Accept-Language", "en"))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();

        JsonNode problem = JsonMapper.builder().build().readTree(body);
        assertThat(problem.get("messageKey").asString()).isEqualTo("access.denied.clearance");
        assertThat(problem.get("reasonKey").asString()).isEqualTo("access.denied.clearance");
        assertThat(problem.get("reason").asString()).isEqualTo("CLEARANCE");
        assertThat(problem.get("remedyKey").asString()).isEqualTo("access.remedy.clearance");
        assertThat(problem.get("detail").asString()).containsIgnoringCase("secret").doesNotContain("access.denied");
        assertThat(problem.get("remedy").asString()).isNotBlank().doesNotStartWith("access.remedy");
    }
}
