package org.baomi.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baomi.iam.internal.login.StaffAuthentication;
import org.baomi.shared.MenuArea;
import org.baomi.shared.MenuEntry;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.SignedIn;
import org.baomi.test.TestAccounts;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Each person sees exactly the areas and entries of the menu bar their permissions allow (ACC-1), the 三员 only
 * their own (ORG-5), nothing twice; the bar renders areas as keyboard-usable Bootstrap dropdowns with the current
 * page marked.
 */
@BaomiSpringTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MenuByRoleTest {

    @Autowired
    Navigation navigation;
    @Autowired
    TestAccounts accounts;
    @Autowired
    MessageSource messages;
    @Autowired
    WebApplicationContext context;

    /** The person's bar as area to entry paths, in the order shown. */
    private Map<MenuArea, List<String>> barOf(StaffAuthentication person) {
        Map<MenuArea, List<String>> bar = new LinkedHashMap<>();
        for (MenuGroup group : SignedIn.as(person, navigation::menu)) {
            bar.put(group.area(), group.entries().stream().map(MenuEntry::path).toList());
        }
        return bar;
    }

    private StaffAuthentication withRoles(String... roles) {
        return accounts.authenticationOf(accounts.create(TestAccounts.person().clearance(SecretLevel.SECRET)
                .roles(roles)));
    }

    private static void assertNothingTwice(Map<MenuArea, List<String>> bar) {
        List<String> all = bar.values().stream().flatMap(List::stream).toList();
        assertThat(all).doesNotHaveDuplicates();
    }

    @Test
    void a_doctor_sees_home_own_requests_documents_kept_and_received_their_patients_the_guide_and_settings_ACC_1() {
        Map<MenuArea, List<String>> bar = barOf(withRoles("staff", "doctor"));

        assertThat(bar).containsExactly(
                Map.entry(MenuArea.HOME, List.of("/")),
                Map.entry(MenuArea.APPROVALS, List.of("/approvals?box=MINE")),
                Map.entry(MenuArea.DOCUMENTS, List.of("/documents/kept", "/documents/inbox")),
                Map.entry(MenuArea.PRIVACY, List.of("/privacy/patients", "/privacy/research")),
                Map.entry(MenuArea.CLASSIFICATION, List.of("/classification")),
                Map.entry(MenuArea.MY_ACCOUNT, List.of("/account/security")));
        assertNothingTwice(bar);
    }

    @Test
    void the_confidentiality_office_sees_the_inbox_the_register_and_the_access_screens_but_not_the_policy_ACC_1() {
        Map<MenuArea, List<String>> bar = barOf(withRoles("staff", "confidentiality-office"));

        assertThat(bar).containsExactly(
                Map.entry(MenuArea.HOME, List.of("/")),
                Map.entry(MenuArea.APPROVALS, List.of("/approvals", "/approvals?box=MINE")),
                Map.entry(MenuArea.DOCUMENTS, List.of("/documents", "/documents/new", "/documents/kept",
                        "/documents/inbox", "/documents/year-end", "/print/trace")),
                // issue 7 items 4 and 7: the alert queue, the case board, the trends and the detectors' thresholds
                Map.entry(MenuArea.PRIVACY, List.of("/privacy/monitoring/alerts", "/privacy/monitoring/cases",
                        "/privacy/monitoring/trends", "/privacy/monitoring/detectors")),
                Map.entry(MenuArea.ACCESS, List.of("/access/who-can", "/access/what-can", "/access/grants",
                        "/access/break-glass/reviews", "/access/break-glass/history")),
                Map.entry(MenuArea.CLASSIFICATION, List.of("/classification")),
                Map.entry(MenuArea.MY_ACCOUNT, List.of("/account/security")));
        assertNothingTwice(bar);
    }

    @Test
    void a_department_head_sees_the_privacy_cases_to_explain_but_not_the_alert_queue_PAT_4() {
        Map<MenuArea, List<String>> bar = barOf(withRoles("staff", "department-head"));

        assertThat(bar.get(MenuArea.PRIVACY)).containsExactly("/privacy/monitoring/explanations");
        assertNothingTwice(bar);
    }

    @Test
    void the_security_administrator_sees_policy_chains_keys_events_and_administration_but_no_business_area_ORG_5() {
        Map<MenuArea, List<String>> bar = barOf(accounts.authenticationOf(accounts.securityAdmin()));

        assertThat(bar).containsExactly(
                Map.entry(MenuArea.HOME, List.of("/")),
                Map.entry(MenuArea.APPROVALS, List.of("/approvals/chains")),
                Map.entry(MenuArea.ACCESS, List.of("/access/policy")),
                Map.entry(MenuArea.CLASSIFICATION, List.of("/classification")),
                Map.entry(MenuArea.AUDIT, List.of("/audit/chain/keys", "/audit/security-events")),
                Map.entry(MenuArea.ADMINISTRATION, List.of("/iam/accounts", "/iam/roles", "/iam/access-review",
                        "/iam/api-tokens", "/vault/keys")),
                Map.entry(MenuArea.MY_ACCOUNT, List.of("/account/security")));
        assertNothingTwice(bar);
    }

    @Test
    void the_audit_administrator_sees_the_trail_the_chain_and_api_tokens_only_ORG_5() {
        Map<MenuArea, List<String>> bar = barOf(accounts.authenticationOf(accounts.auditAdmin()));

        assertThat(bar).containsExactly(
                Map.entry(MenuArea.HOME, List.of("/")),
                Map.entry(MenuArea.CLASSIFICATION, List.of("/classification")),
                Map.entry(MenuArea.AUDIT, List.of("/audit/entries", "/audit/chain")),
                Map.entry(MenuArea.ADMINISTRATION, List.of("/iam/api-tokens")),
                Map.entry(MenuArea.MY_ACCOUNT, List.of("/account/security")));
        assertNothingTwice(bar);
    }

    @Test
    void the_system_administrator_sees_accounts_integration_tokens_and_the_mail_outbox_only_ORG_5() {
        Map<MenuArea, List<String>> bar = barOf(accounts.authenticationOf(accounts.systemAdmin()));

        // issue 6: the system administrator issues the HIS's integration:patient:import token
        assertThat(bar).containsExactly(
                Map.entry(MenuArea.HOME, List.of("/")),
                Map.entry(MenuArea.CLASSIFICATION, List.of("/classification")),
                Map.entry(MenuArea.ADMINISTRATION, List.of("/iam/accounts", "/iam/api-tokens",
                        "/notifications/outbox")),
                Map.entry(MenuArea.MY_ACCOUNT, List.of("/account/security")));
        assertNothingTwice(bar);
    }

    @Test
    void every_area_and_every_entry_has_a_label_in_chinese_and_in_english() {
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            for (MenuArea area : MenuArea.values()) {
                assertThat(messages.getMessage(area.messageKey(), null, null, locale)).as(area + " " + locale)
                        .isNotBlank();
            }
            for (MenuEntry entry : navigation.allEntries()) {
                assertThat(messages.getMessage(entry.labelKey(), null, null, locale)).as(entry + " " + locale)
                        .isNotBlank();
            }
        }
        assertThat(messages.getMessage(MenuArea.AUDIT.messageKey(), null, Locale.ENGLISH)).isEqualTo("Audit");
    }

    @Test
    void the_bar_shows_areas_as_dropdowns_with_the_current_page_s_area_highlighted_and_its_entry_marked_current()
            throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        String page = mvc.perform(get("/iam/access-review").with(authentication(
                        accounts.authenticationOf(accounts.securityAdmin()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String bar = page.substring(page.indexOf("id=\"main-menu\""), page.indexOf("</ul>\n      <div"));

        // The administration area: a button that opens its list, highlighted because the page is one of its entries.
        Matcher toggle = Pattern.compile("<button type=\"button\" class=\"nav-link dropdown-toggle active\"\\s+"
                + "id=\"menu-area-administration\" data-bs-toggle=\"dropdown\" aria-expanded=\"false\">").matcher(bar);
        assertThat(toggle.find()).as(bar).isTrue();
        assertThat(bar).contains("aria-labelledby=\"menu-area-administration\"");
        // Exactly one entry is current, the page's own; single-entry areas are plain links.
        assertThat(Pattern.compile("aria-current=\"page\"").matcher(bar).results().count()).isEqualTo(1);
        assertThat(bar).containsPattern("href=\"/iam/access-review\"\\s+aria-current=\"page\"");
        assertThat(bar).containsPattern("class=\"nav-link\" href=\"/access/policy\" id=\"menu-area-access\"");
        assertThat(Pattern.compile("class=\"nav-link dropdown-toggle[^\"]*\"").matcher(bar).results().count())
                .as("dropdowns: audit and administration").isEqualTo(2);
    }
}
