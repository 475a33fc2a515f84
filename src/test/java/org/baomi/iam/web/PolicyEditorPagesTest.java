package org.baomi.iam.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessPolicies;
import org.baomi.iam.AccessPolicyRule;
import org.baomi.iam.NeedToKnow;
import org.baomi.iam.PolicyDraft;
import org.baomi.iam.PolicyVersion;
import org.baomi.iam.internal.login.StaffAuthentication;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.SignedIn;
import org.baomi.test.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The security administrator's policy editor (issue 3 item 3): the rules in force, a draft validated field by field
 * in the reader's language, a preview naming who gains and who loses, and only for {@code iam:policy:manage}.
 */
@BaomiSpringTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PolicyEditorPagesTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    TestAccounts accounts;
    @Autowired
    AccessPolicies policies;

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
    void the_security_administrator_sees_the_rules_in_force_and_the_draft_form() throws Exception {
        String page = mvc.perform(get("/access/policy").with(authentication(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String form = mvc.perform(get("/access/policy/edit").with(authentication(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"rules-table\"").contains("document:document:read");
        assertThat(form).contains("id=\"draft-table\"").contains("name=\"rules[0].permission\"");
    }

    @Test
    void an_invalid_draft_is_shown_again_with_translated_field_errors_and_nothing_saved() throws Exception {
        long version = policies.current().version();

        String page = mvc.perform(draft(policies.current().rules()).param("rules[0].permission", "not a permission")
                        .param("rules[0].careWindowDays", "many").param("op", "save").param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"form-errors\"").contains("is-invalid").doesNotContain("typeMismatch");
        assertThat(policies.current().version()).isEqualTo(version);
    }

    @Test
    void a_preview_states_how_many_people_gain_and_lose_access_before_saving() throws Exception {
        String page = mvc.perform(draft(policies.current().rules()).param("op", "preview").param("lang", "en")
                        .param("reason", "preview only"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"preview-summary\"").contains("people gain access");
    }

    @Test
    void the_history_lists_every_version_and_an_unknown_version_in_a_diff_is_404() throws Exception {
        mvc.perform(get("/access/policy/history").with(authentication(admin))).andExpect(status().isOk());
        mvc.perform(get("/access/policy/diff").with(authentication(admin)).param("from", "999999").param("to", "1"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/access/policy/diff").with(authentication(admin)).param("from", "x").param("to", "1"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void people_without_policy_manage_are_refused_the_editor_ORG_5() throws Exception {
        StaffAuthentication office = accounts.authenticationOf(accounts.create(TestAccounts.person()
                .clearance(SecretLevel.SECRET).roles("staff", "confidentiality-office")));
        for (StaffAuthentication refused : new StaffAuthentication[] {office,
                accounts.authenticationOf(accounts.systemAdmin()), accounts.authenticationOf(accounts.auditAdmin())}) {
            mvc.perform(get("/access/policy").with(authentication(refused))).andExpect(status().isForbidden());
            mvc.perform(get("/access/policy/edit").with(authentication(refused))).andExpect(status().isForbidden());
            mvc.perform(draft(policies.current().rules()).with(authentication(refused)).param("op", "save"))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void saving_with_a_reason_makes_a_new_version_shown_in_the_history_with_its_diff_and_a_stale_draft_is_refused_on_the_page()
            throws Exception {
        PolicyVersion before = policies.current();
        int documentRead = indexOf(before.rules(), "document", AccessAction.READ);
        try {
            mvc.perform(draft(before.rules()).param("rules[" + documentRead + "].medicalOnly", "true")
                            .param("reason", "test: page save").param("op", "save"))
                    .andExpect(status().is3xxRedirection());
            PolicyVersion saved = policies.current();
            assertThat(saved.version()).isEqualTo(before.version() + 1);
            assertThat(saved.reason()).isEqualTo("test: page save");

            String history = mvc.perform(get("/access/policy/history").with(authentication(admin)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            String diff = mvc.perform(get("/access/policy/diff").with(authentication(admin)).param("lang", "en")
                            .param("from", Long.toString(before.version())).param("to", Long.toString(saved.version())))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            String stale = mvc.perform(post("/access/policy/edit").with(authentication(admin)).with(csrf())
                            .param("baseVersion", Long.toString(before.version())).param("reason", "stale")
                            .param("rules[0].resourceType", "document").param("rules[0].action", "READ")
                            .param("rules[0].permission", "document:document:read").param("rules[0].bases", "CUSTODIAN")
                            .param("op", "save"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

            assertThat(history).contains("id=\"version-" + saved.version() + "\"").contains("test: page save");
            assertThat(diff).contains("document:READ").contains("Changed");
            assertThat(stale).contains("id=\"form-errors\"");
            assertThat(policies.current().version()).isEqualTo(saved.version());
        } finally {
            SignedIn.as(admin, () -> policies.save(new PolicyDraft(policies.current().version(), before.rules(),
                    "test: restore")));
        }
    }

    private static int indexOf(List<AccessPolicyRule> rules, String type, AccessAction action) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).resourceType().equals(type) && rules.get(i).action() == action) {
                return i;
            }
        }
        throw new AssertionError("no rule for " + type + " " + action);
    }

    /** The current rules as the editor would post them. */
    private MockHttpServletRequestBuilder draft(List<AccessPolicyRule> rules) {
        MockHttpServletRequestBuilder post = post("/access/policy/edit").with(authentication(admin)).with(csrf())
                .param("baseVersion", Long.toString(policies.current().version()));
        for (int i = 0; i < rules.size(); i++) {
            AccessPolicyRule rule = rules.get(i);
            String p = "rules[" + i + "].";
            post.param(p + "resourceType", rule.resourceType()).param(p + "action", rule.action().name())
                    .param(p + "permission", rule.permission())
                    .param(p + "careWindowDays", Integer.toString(rule.careWindowDays()))
                    .param(p + "breakGlassMinutes", Integer.toString(rule.breakGlassMinutes()));
            if (rule.medicalOnly()) {
                post.param(p + "medicalOnly", "true");
            }
            if (rule.departmentMaxLevel() != null) {
                post.param(p + "departmentMaxLevel", rule.departmentMaxLevel().name());
            }
            for (NeedToKnow basis : rule.bases()) {
                post.param(p + "bases", basis.name());
            }
        }
        return post;
    }
}
