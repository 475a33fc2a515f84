package org.baomi.iam.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;

import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessGrants;
import org.baomi.iam.IssueGrant;
import org.baomi.iam.ProtectedObject;
import org.baomi.iam.ProtectedObjects;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.internal.access.AccessChangeFeed;
import org.baomi.iam.internal.login.StaffAuthentication;
import org.baomi.shared.Notice;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

/** Grants per person and per object, revoked by the office with a reason and a confirmation (ACC-4, ACC-6). */
@BaomiSpringTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GrantPagesTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    TestAccounts accounts;
    @Autowired
    ProtectedObjects objects;
    @Autowired
    AccessGrants grants;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    AccessChangeFeed feed;

    private MockMvc mvc;
    private StaffAuthentication office;
    private TestAccounts.Created holder;
    private String documentId;
    private long grantId;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity())
                .build();
        office = accounts.authenticationOf(accounts.create(TestAccounts.person().clearance(SecretLevel.SECRET)
                .roles("staff", "confidentiality-office")));
        holder = accounts.create(TestAccounts.person().clearance(SecretLevel.SECRET).roles("staff", "doctor"));
        documentId = "T-GRANT-" + TestAccounts.newStaffNo();
        ResourceRef doc = ResourceRef.document(documentId);
        transactions.executeWithoutResult(tx -> objects.register(new ProtectedObject(doc, SecretLevel.SECRET, null,
                null)));
        feed.poll();
        grantId = transactions.execute(tx -> grants.issue(new IssueGrant(holder.id(), AccessAction.READ, doc,
                clock.instant().plus(Duration.ofDays(7)), "reading room only", null)));
    }

    @Test
    void the_office_lists_the_grants_of_a_person_and_of_an_object() throws Exception {
        String byPerson = mvc.perform(get("/access/grants").with(authentication(office))
                        .param("staffNo", holder.staffNo()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String byObject = mvc.perform(get("/access/grants").with(authentication(office))
                        .param("type", "document").param("id", documentId))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(byPerson).contains("id=\"grant-" + grantId + "\"").contains("reading room only");
        assertThat(byObject).contains("id=\"grant-" + grantId + "\"").contains(holder.staffNo());
    }

    @Test
    void revoking_needs_the_confirmation_and_a_reason_then_the_grant_stops_and_is_audited_ACC_6() throws Exception {
        Notice unconfirmed = (Notice) mvc.perform(post("/access/grants/" + grantId + "/revoke")
                        .with(authentication(office)).with(csrf()).param("reason", "no longer on the case"))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("notice");
        Notice noReason = (Notice) mvc.perform(post("/access/grants/" + grantId + "/revoke")
                        .with(authentication(office)).with(csrf()).param("confirm", "true").param("reason", " "))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("notice");
        assertThat(unconfirmed.key()).isEqualTo("access-web.grants.confirm.required");
        assertThat(noReason.key()).isEqualTo("access-web.grants.reason.required");
        assertThat(grants.find(grantId).orElseThrow().revokedAt()).isNull();

        mvc.perform(post("/access/grants/" + grantId + "/revoke").with(authentication(office)).with(csrf())
                        .param("confirm", "true").param("reason", "no longer on the case"))
                .andExpect(status().is3xxRedirection());

        assertThat(grants.find(grantId).orElseThrow().revokedAt()).isNotNull();
        assertThat(jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = 'access.grant.revoked' AND details::text LIKE :r")
                .param("r", "%no longer on the case%").query(Long.class).single()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void the_security_administrator_and_ordinary_staff_cannot_revoke_ORG_5() throws Exception {
        for (StaffAuthentication refused : new StaffAuthentication[] {
                accounts.authenticationOf(accounts.securityAdmin()), accounts.authenticationOf(holder)}) {
            mvc.perform(post("/access/grants/" + grantId + "/revoke").with(authentication(refused)).with(csrf())
                    .param("confirm", "true").param("reason", "try")).andExpect(status().isForbidden());
        }
        assertThat(grants.find(grantId).orElseThrow().revokedAt()).isNull();
    }
}
