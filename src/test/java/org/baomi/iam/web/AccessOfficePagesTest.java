package org.baomi.iam.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.baomi.iam.ProtectedObject;
import org.baomi.iam.ProtectedObjects;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.internal.access.AccessChangeFeed;
import org.baomi.iam.internal.login.StaffAuthentication;
import org.baomi.portal.internal.Navigation;
import org.baomi.shared.MenuArea;
import org.baomi.shared.MenuEntry;
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
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

/**
 * The confidentiality office's screens (issue 3 item 4): who can see this, what can this person see (full page,
 * htmx part, CSV), break-the-glass form and review worklist, grants; only for holders of the office permissions,
 * never for the 三员 (ORG-5); bad input always a translated message, never a 500.
 */
@BaomiSpringTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AccessOfficePagesTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    TestAccounts accounts;
    /** Polled at once, so that people and objects just made are in the decision model without waiting. */
    @Autowired
    AccessChangeFeed feed;
    @Autowired
    ProtectedObjects objects;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Navigation navigation;

    private MockMvc mvc;
    private StaffAuthentication office;
    private TestAccounts.Created custodian;
    private String documentId;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity())
                .build();
        office = accounts.authenticationOf(accounts.create(TestAccounts.person().clearance(SecretLevel.SECRET)
                .roles("staff", "confidentiality-office")));
        custodian = accounts.create(TestAccounts.person().clearance(SecretLevel.SECRET).roles("staff", "doctor"));
        documentId = "T-OFFICE-" + TestAccounts.newStaffNo();
        transactions.executeWithoutResult(tx -> objects.register(new ProtectedObject(ResourceRef.document(documentId),
                SecretLevel.SECRET, null, custodian.id())));
        feed.poll();
    }

    @Test
    void who_can_see_this_lists_the_custodian_with_the_basis_as_page_and_as_htmx_part_ACC_1() throws Exception {
        String page = mvc.perform(get("/access/who-can").with(authentication(office))
                        .param("type", "document").param("id", documentId).param("action", "READ"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String part = mvc.perform(get("/access/who-can").with(authentication(office)).header("HX-Request", "true")
                        .param("type", "document").param("id", documentId))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<html").contains("id=\"holders-table\"").contains(custodian.staffNo());
        assertThat(part).doesNotContain("<html").contains("id=\"holders-table\"").contains(custodian.staffNo());
    }

    @Test
    void who_can_see_this_exports_csv_with_the_holders() throws Exception {
        byte[] csv = mvc.perform(post("/access/who-can/export").with(authentication(office)).with(csrf())
                        .param("type", "document").param("id", documentId).param("action", "READ"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        assertThat(new String(csv, StandardCharsets.UTF_8)).contains(custodian.staffNo());
    }

    @Test
    void what_can_this_person_see_lists_the_document_and_exports_it() throws Exception {
        String page = mvc.perform(get("/access/what-can").with(authentication(office))
                        .param("staffNo", custodian.staffNo()).param("type", "document"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        byte[] csv = mvc.perform(post("/access/what-can/export").with(authentication(office)).with(csrf())
                        .param("staffNo", custodian.staffNo()).param("type", "document"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        assertThat(page).contains("id=\"objects-table\"").contains(documentId);
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains(documentId);
    }

    @Test
    void bad_questions_get_a_translated_message_on_the_page_never_a_500() throws Exception {
        String badType = mvc.perform(get("/access/who-can").with(authentication(office)).param("lang", "en")
                        .param("type", "Robert'); DROP TABLE").param("id", "").param("action", "FLY"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String unknownPerson = mvc.perform(get("/access/what-can").with(authentication(office)).param("lang", "en")
                        .param("staffNo", "NOBODY-9").param("type", "document").param("page", "-3"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(badType).contains("id=\"query-problems\"").contains("The object type is not valid")
                .doesNotContain("access-web.");
        assertThat(unknownPerson).contains("Nobody has this staff number");
        mvc.perform(post("/access/what-can/export").with(authentication(office)).with(csrf()).param("staffNo", ""))
                .andExpect(status().isBadRequest());
    }

    @Test
    void the_three_administrators_and_ordinary_staff_are_refused_the_office_screens_ORG_5() throws Exception {
        for (StaffAuthentication refused : new StaffAuthentication[] {
                accounts.authenticationOf(accounts.securityAdmin()), accounts.authenticationOf(accounts.systemAdmin()),
                accounts.authenticationOf(accounts.auditAdmin()), accounts.authenticationOf(custodian)}) {
            mvc.perform(get("/access/who-can").with(authentication(refused))).andExpect(status().isForbidden());
            mvc.perform(get("/access/what-can").with(authentication(refused))).andExpect(status().isForbidden());
            mvc.perform(get("/access/grants").with(authentication(refused))).andExpect(status().isForbidden());
            mvc.perform(get("/access/break-glass/reviews").with(authentication(refused)))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void the_break_the_glass_form_shows_the_time_box_and_requires_reason_and_confirmation() throws Exception {
        StaffAuthentication doctor = accounts.authenticationOf(custodian);
        String form = mvc.perform(get("/access/break-glass/new").with(authentication(doctor)).param("lang", "en")
                        .param("type", "patient").param("id", "P-TEST-1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String refused = mvc.perform(post("/access/break-glass").with(authentication(doctor)).with(csrf())
                        .param("lang", "en").param("type", "patient").param("id", "P-TEST-1").param("reason", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(form).contains("id=\"time-box\"").contains("30 minutes");
        assertThat(refused).contains("id=\"form-errors\"").contains("Tick the confirmation")
                .doesNotContain("id=\"session-opened\"");
    }

    @Test
    void the_office_sees_the_review_worklist_and_the_grants_screen() throws Exception {
        mvc.perform(get("/access/break-glass/reviews").with(authentication(office))).andExpect(status().isOk());
        String grants = mvc.perform(get("/access/grants").with(authentication(office))
                        .param("staffNo", custodian.staffNo()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(grants).contains("id=\"no-grants\"");
    }

    @Test
    void the_menu_lists_the_office_screens_to_the_office_and_the_policy_to_the_security_administrator_only() {
        assertThat(accessEntriesOf(office)).containsExactly("/access/who-can", "/access/what-can", "/access/grants",
                "/access/break-glass/reviews", "/access/break-glass/history");
        assertThat(accessEntriesOf(accounts.authenticationOf(accounts.securityAdmin())))
                .containsExactly("/access/policy");
    }

    /** The paths of the person's Access area (访问控制) in the menu bar. */
    private List<String> accessEntriesOf(StaffAuthentication person) {
        return SignedIn.as(person, navigation::menu).stream().filter(g -> g.area() == MenuArea.ACCESS)
                .flatMap(g -> g.entries().stream()).map(MenuEntry::path).toList();
    }
}
