package org.baomi.iam.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baomi.iam.BreakTheGlass;
import org.baomi.iam.ProtectedObject;
import org.baomi.iam.ProtectedObjects;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.internal.access.AccessChangeFeed;
import org.baomi.iam.internal.login.StaffAuthentication;
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

/**
 * Break the glass end to end through the pages: a doctor of the demo hospital opens a session on a patient with a
 * stated reason and confirmation, the office finds it in the worklist and reviews it (htmx), after which it is no
 * longer awaiting review. The session is reviewed within the test, so no pending alert is left behind.
 */
@BaomiSpringTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BreakGlassFlowTest {

    private static final Pattern SESSION = Pattern.compile("id=\"session-(\\d+)\"");

    @Autowired
    WebApplicationContext context;
    @Autowired
    TestAccounts accounts;
    @Autowired
    ProtectedObjects objects;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    AccessChangeFeed feed;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BreakTheGlass breakTheGlass;

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    @Test
    void a_doctor_breaks_the_glass_and_the_office_reviews_it_from_the_worklist_ACC_4_PAT_4() throws Exception {
        // H0079, the demo hospital's cardiology doctor: a medical post, as patients require (ACC-4).
        long doctorId = jdbc.sql("SELECT id FROM iam_account WHERE staff_no = 'H0079'").query(Long.class).single();
        StaffAuthentication doctor = accounts.authenticationOf(new TestAccounts.Created(doctorId, "H0079", "doctor",
                TestAccounts.PASSWORD, null));
        String patientId = "T-PAT-" + TestAccounts.newStaffNo();
        transactions.executeWithoutResult(tx -> objects.register(new ProtectedObject(ResourceRef.patient(patientId),
                SecretLevel.INTERNAL, null, null)));
        feed.poll();
        int pendingBefore = breakTheGlass.countAwaitingReview();

        String opened = mvc.perform(post("/access/break-glass").with(authentication(doctor)).with(csrf())
                        .param("type", "patient").param("id", patientId).param("confirm", "true")
                        .param("reason", "Unconscious patient in the emergency room, history needed"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(opened).contains("id=\"session-opened\"");
        assertThat(breakTheGlass.countAwaitingReview()).isEqualTo(pendingBefore + 1);

        StaffAuthentication office = accounts.authenticationOf(accounts.create(TestAccounts.person()
                .clearance(SecretLevel.SECRET).roles("staff", "confidentiality-office")));
        String worklist = mvc.perform(get("/access/break-glass/reviews").with(authentication(office)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long sessionId = sessionOf(worklist, patientId);

        String blank = mvc.perform(post("/access/break-glass/reviews/" + sessionId).with(authentication(office))
                        .with(csrf()).header("HX-Request", "true").param("lang", "en").param("verdict", "JUSTIFIED")
                        .param("comment", " "))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String reviewed = mvc.perform(post("/access/break-glass/reviews/" + sessionId).with(authentication(office))
                        .with(csrf()).header("HX-Request", "true").param("verdict", "JUSTIFIED")
                        .param("comment", "Emergency confirmed by the ward"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(blank).contains("text-danger").doesNotContain("<html");
        assertThat(reviewed).contains("text-success").doesNotContain("<html");
        assertThat(breakTheGlass.countAwaitingReview()).isEqualTo(pendingBefore);
    }

    @Test
    void the_staff_member_cannot_review_without_the_office_permission() throws Exception {
        StaffAuthentication staff = accounts.authenticationOf(accounts.staff());
        mvc.perform(post("/access/break-glass/reviews/1").with(authentication(staff)).with(csrf())
                .param("verdict", "JUSTIFIED").param("comment", "x")).andExpect(status().isForbidden());
    }

    private static long sessionOf(String worklist, String patientId) {
        int at = worklist.indexOf(patientId);
        assertThat(at).as("the session on " + patientId + " is listed").isPositive();
        Matcher matcher = SESSION.matcher(worklist.substring(0, at));
        long id = -1;
        while (matcher.find()) {
            id = Long.parseLong(matcher.group(1));
        }
        return id;
    }
}
