package org.baomi.iam.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baomi.iam.IssuedApiToken;
import org.baomi.iam.internal.login.StaffAuthentication;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.TestAccounts;
import org.baomi.test.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The security administrator's API token screens, the HTML error handling of mistyped parameters, and the API
 * documentation for signed-in staff.
 */
@BaomiSpringTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ApiTokenPagesTest {

    private static final Pattern TOKEN = Pattern.compile("bm_[a-z0-9]{8}_[A-Za-z0-9_-]{43}");

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestAccounts accounts;
    @LocalServerPort
    int port;

    private MockMvc mvc;
    private StaffAuthentication admin;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity())
                .build();
        admin = accounts.authenticationOf(accounts.securityAdmin());
    }

    @Test
    void the_security_administrator_issues_a_token_that_is_shown_once_and_listed_by_prefix_only_ACC_2() throws Exception {
        String page = mvc.perform(post("/iam/api-tokens").with(authentication(admin)).with(csrf())
                        .param("name", "EMR nightly sync").param("client", "EMR")
                        .param("scopes", "iam:staff:read").param("extraScopes", "iam:department:read\n")
                        .param("lifetimeDays", "30"))
                .andExpect(status().isOk()).andExpect(view().name("iam/api-token-issued"))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andReturn().getResponse().getContentAsString();
        Matcher matcher = TOKEN.matcher(page);
        assertThat(matcher.find()).isTrue();
        String token = matcher.group();

        // Other tests of the shared context issue tokens too, some while the clock is advanced: walk the pages.
        String list = "";
        for (int n = 0; n < 50 && !list.contains(token.substring(0, 11)); n++) {
            list = mvc.perform(get("/iam/api-tokens").param("page", String.valueOf(n)).with(authentication(admin)))
                    .andExpect(status().isOk()).andExpect(view().name("iam/api-tokens"))
                    .andReturn().getResponse().getContentAsString();
            assertThat(list).doesNotContain(token);
        }
        assertThat(list).contains(token.substring(0, 11)).contains("EMR nightly sync");
        String scopes = jdbc.sql("SELECT scopes FROM iam_api_token WHERE token_prefix = :p")
                .param("p", token.substring(0, 11)).query(String.class).single();
        assertThat(scopes).isEqualTo("iam:department:read iam:staff:read");
    }

    @Test
    void the_list_serves_only_the_rows_to_htmx_and_filters_by_status() throws Exception {
        mvc.perform(get("/iam/api-tokens").param("status", "REVOKED").header("HX-Request", "true")
                        .with(authentication(admin)))
                .andExpect(status().isOk()).andExpect(view().name("iam/api-tokens :: rows"));
    }

    @Test
    void htmx_restoring_the_list_from_the_browser_history_gets_the_whole_page() throws Exception {
        mvc.perform(get("/iam/api-tokens").header("HX-Request", "true").header("HX-History-Restore-Request", "true")
                        .with(authentication(admin)))
                .andExpect(status().isOk()).andExpect(view().name("iam/api-tokens"));
    }

    @Test
    void an_invalid_scope_redisplays_the_form_with_a_translated_message_not_an_error_page() throws Exception {
        String page = mvc.perform(post("/iam/api-tokens").with(authentication(admin)).with(csrf())
                        .param("name", "bad").param("client", "HIS").param("extraScopes", "iam:*:*")
                        .param("lifetimeDays", "30"))
                .andExpect(status().isOk()).andExpect(view().name("iam/api-token-new"))
                .andExpect(model().attribute("errorKey", "iam.api-token.scope.wildcard"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"token-error\"");

        mvc.perform(post("/iam/api-tokens").with(authentication(admin)).with(csrf())
                        .param("name", "bad").param("client", "HIS").param("scopes", "iam:staff:read")
                        .param("lifetimeDays", "366"))
                .andExpect(status().isOk()).andExpect(model().attribute("errorKey", "iam.api-token.lifetime.invalid"));
        mvc.perform(post("/iam/api-tokens").with(authentication(admin)).with(csrf())
                        .param("name", "bad").param("client", "HIS").param("scopes", "iam:staff:read")
                        .param("lifetimeDays", "many"))
                .andExpect(status().isOk()).andExpect(model().attribute("errorKey", "iam.api-token.lifetime.invalid"));
    }

    @Test
    void revoking_needs_a_reason_and_then_refuses_the_token_ACC_2() throws Exception {
        IssuedApiToken issued = accounts.issueToken("to revoke on screen", Duration.ofDays(10), "iam:staff:read");
        long id = issued.summary().id();

        mvc.perform(post("/iam/api-tokens/{id}/revoke", id).with(authentication(admin)).with(csrf()).param("reason", " "))
                .andExpect(redirectedUrl("/iam/api-tokens"))
                .andExpect(flash().attribute("errorKey", "iam.api-token.reason.required"));
        mvc.perform(post("/iam/api-tokens/{id}/revoke", id).with(authentication(admin)).with(csrf())
                        .param("reason", "laptop lost"))
                .andExpect(redirectedUrl("/iam/api-tokens"))
                .andExpect(flash().attribute("revokedPrefix", issued.summary().prefix()));
        mvc.perform(post("/iam/api-tokens/{id}/revoke", id).with(authentication(admin)).with(csrf())
                        .param("reason", "twice"))
                .andExpect(flash().attribute("errorKey", "iam.api-token.already-revoked"));

        assertThat(new WebSession(port).apiGet("/api/v1/iam/departments", issued.token()).status()).isEqualTo(401);
    }

    @Test
    void staff_without_the_permission_get_403_on_the_token_screens_ACC_3() throws Exception {
        StaffAuthentication staff = accounts.authenticationOf(accounts.staff());

        mvc.perform(get("/iam/api-tokens").with(authentication(staff))).andExpect(status().isForbidden());
        mvc.perform(get("/iam/api-tokens/new").with(authentication(staff))).andExpect(status().isForbidden());
        mvc.perform(post("/iam/api-tokens").with(authentication(staff)).with(csrf())
                        .param("name", "x").param("client", "y").param("scopes", "iam:staff:read")
                        .param("lifetimeDays", "1"))
                .andExpect(status().isForbidden());
    }

    @Test
    void a_mistyped_or_missing_parameter_on_a_page_is_a_400_page_not_a_500() throws Exception {
        mvc.perform(get("/iam/api-tokens").param("page", "notanumber").with(authentication(admin)))
                .andExpect(status().isBadRequest()).andExpect(view().name("error"))
                .andExpect(model().attribute("messageKey", "error.malformed-request"));
        mvc.perform(get("/iam/api-tokens").param("status", "BOGUS").with(authentication(admin)))
                .andExpect(status().isBadRequest()).andExpect(view().name("error"));
        String page = mvc.perform(post("/iam/api-tokens/notanumber/revoke").with(authentication(admin)).with(csrf())
                        .param("reason", "x"))
                .andExpect(status().isBadRequest()).andExpect(view().name("error"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"error-title\"").doesNotContain("Exception", "org.springframework");
    }

    @Test
    void a_refusal_of_a_module_api_renders_the_error_page_with_the_status_of_its_kind() throws Exception {
        mvc.perform(post("/iam/api-tokens/{id}/revoke", Long.MAX_VALUE).with(authentication(admin)).with(csrf())
                        .param("reason", "gone"))
                .andExpect(flash().attribute("errorKey", "iam.api-token.not-found"));
        mvc.perform(get("/iam/api-tokens").with(authentication(accounts.authenticationOf(accounts.staff()))))
                .andExpect(status().isForbidden()).andExpect(view().name("error"))
                .andExpect(model().attribute("messageKey", "error.forbidden"));
    }

    @Test
    void the_openapi_document_lists_the_directory_api_with_the_bearer_scheme_for_signed_in_staff() throws Exception {
        String body = mvc.perform(get("/v3/api-docs").with(authentication(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        JsonNode doc = JsonMapper.builder().build().readTree(body);
        assertThat(doc.get("info").get("title").asString()).isEqualTo("Baomi API");
        assertThat(doc.get("paths").propertyNames()).contains("/api/v1/iam/departments", "/api/v1/iam/staff/search");
        assertThat(doc.get("components").get("securitySchemes").get("api-token").get("scheme").asString())
                .isEqualTo("bearer");
        JsonNode departments = doc.get("paths").get("/api/v1/iam/departments").get("get");
        assertThat(departments.get("security").toString()).contains("api-token");
        assertThat(departments.get("responses").get("401").get("content").propertyNames())
                .containsExactly("application/problem+json");
    }

    @Test
    void the_api_documentation_is_for_signed_in_staff_only() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void swagger_ui_alone_gets_a_relaxed_content_security_policy_for_its_inline_styles() throws Exception {
        String relaxed = mvc.perform(get("/swagger-ui/index.html").with(authentication(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getHeader("Content-Security-Policy");
        String strict = mvc.perform(get("/iam/api-tokens").with(authentication(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getHeader("Content-Security-Policy");

        mvc.perform(get("/swagger-ui/swagger-initializer.js").with(authentication(admin))).andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs/swagger-config").with(authentication(admin))).andExpect(status().isOk());
        mvc.perform(get("/iam/api-tokens/new").with(authentication(admin))).andExpect(status().isOk())
                .andExpect(view().name("iam/api-token-new"));
        assertThat(relaxed).contains("style-src 'self' 'unsafe-inline'").contains("script-src 'self';");
        assertThat(strict).doesNotContain("unsafe-inline");
    }
}
