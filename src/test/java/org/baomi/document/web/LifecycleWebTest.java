package org.baomi.document.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.baomi.document.Direction;
import org.baomi.document.DocumentFixture;
import org.baomi.document.DocumentRegister;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The end-of-life panel and the year-end screen through the web stack (DOC-6..8): rendering and clear refusals. */
@BaomiSpringTest
class LifecycleWebTest {

    @Autowired WebApplicationContext context;
    @Autowired TestAccounts accounts;
    @Autowired AccessChangeFeed feed;
    @Autowired DocumentRegister register;
    @Autowired JdbcClient jdbc;

    MockMvc mvc;
    DocumentFixture f;
    TestAccounts.Created custodian;
    long documentId;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        f = new DocumentFixture(accounts, feed, register);
        custodian = f.custodian();
        documentId = f.as(f.registrar(), () -> register.register(f.draft(Direction.RECEIPT,
                "Web lifecycle " + System.nanoTime(), "MGMT-CONTRACT", null, custodian)));
        f.poll();
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

    @Test
    @DisplayName("DOC-7: the custodian's page loads the panel; a request with a blank place is refused with a message, nothing written")
    void panelAndBadRequest() throws Exception {
        String page = body(mvc.perform(as(custodian, get("/documents/" + documentId))).andExpect(status().isOk())
                .andReturn());
        assertThat(page).contains("/documents/" + documentId + "/lifecycle");
        String panel = body(mvc.perform(as(custodian, get("/documents/" + documentId + "/lifecycle")))
                .andExpect(status().isOk()).andReturn());
        assertThat(panel).contains("destruction-form").contains("loss-form");

        MvcResult refused = mvc.perform(as(custodian, post("/documents/" + documentId + "/destructions")
                .param("method", "SHREDDING").param("place", " ").param("reason", "why")))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("problem")).andReturn();
        assertThat(((Notice) refused.getFlashMap().get("problem"))).isNotNull();
        assertThat(jdbc.sql("SELECT count(*) FROM doc_destruction WHERE document_id = :id").param("id", documentId)
                .query(Long.class).single()).isZero();

        // a reader who is neither custodian nor office does not get the panel on the page
        TestAccounts.Created reader = f.reader(SecretLevel.SECRET);
        mvc.perform(as(reader, get("/documents/" + documentId + "/destructions/1/certificate.pdf")))
                .andExpect(status().is4xxClientError());
    }

    @Test
    @DisplayName("DOC-6: the year-end screen shows a year without a campaign and refuses a bad year with a message")
    void yearEndScreen() throws Exception {
        TestAccounts.Created office = f.person(SecretLevel.SECRET, "confidentiality-office");
        String page = body(mvc.perform(as(office, get("/documents/year-end").param("year", "2095")))
                .andExpect(status().isOk()).andReturn());
        assertThat(page).contains("open-campaign");
        mvc.perform(as(office, post("/documents/year-end").param("year", "1900")))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("problem"));
        TestAccounts.Created reader = f.reader(SecretLevel.SECRET);
        mvc.perform(as(reader, get("/documents/year-end"))).andExpect(status().isForbidden());
    }
}
