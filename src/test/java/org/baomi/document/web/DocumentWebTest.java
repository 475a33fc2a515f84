package org.baomi.document.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.baomi.document.DocumentFixture;
import org.baomi.document.DocumentRegister;
import org.baomi.iam.internal.access.AccessChangeFeed;
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

/** The register's screens through the web stack (DOC-2, DOC-5, CLS-1): forms, refusals, marks, htmx defaults. */
@BaomiSpringTest
class DocumentWebTest {

    @Autowired WebApplicationContext context;
    @Autowired TestAccounts accounts;
    @Autowired AccessChangeFeed feed;
    @Autowired DocumentRegister register;
    @Autowired MessageSource messages;
    @Autowired JdbcClient jdbc;

    MockMvc mvc;
    DocumentFixture f;
    TestAccounts.Created registrar;
    TestAccounts.Created custodian;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        f = new DocumentFixture(accounts, feed, register);
        registrar = f.registrar();
        custodian = f.custodian();
    }

    @AfterEach
    void tearDown() {
        SignedIn.out();
    }

    private MockHttpServletRequestBuilder as(TestAccounts.Created person, MockHttpServletRequestBuilder request) {
        return request.with(authentication(accounts.authenticationOf(person))).with(csrf())
                .locale(Locale.SIMPLIFIED_CHINESE);
    }

    private String zh(String key, Object... args) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE));
    }

    private static String body(MvcResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("DOC-2: bad input on the registration form gives translated field errors and writes nothing, never a 500")
    void badInputShowsFieldErrors() throws Exception {
        String title = "Web bad " + System.nanoTime();
        String page = body(mvc.perform(as(registrar, post("/documents").param("direction", "RECEIPT")
                .param("title", title).param("originatingUnit", "").param("categoryCode", "MGMT-MINUTES")
                .param("level", "NOT-A-LEVEL").param("copies", "many").param("custodianStaffNo", custodian.staffNo())))
                .andExpect(status().isOk()).andReturn());
        assertThat(page).contains("id=\"form-errors\"").contains("id=\"level-error\"").contains("id=\"copies-error\"")
                .contains(zh("document.error.choice")).contains(zh("document.error.number"))
                .doesNotContain("Exception");
        page = body(mvc.perform(as(registrar, post("/documents").param("direction", "RECEIPT").param("title", title)
                .param("originatingUnit", "").param("categoryCode", "MGMT-MINUTES").param("copies", "1")
                .param("custodianStaffNo", custodian.staffNo()))).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("id=\"originatingUnit-error\"").contains(zh("document.error.required"));
        assertThat(jdbc.sql("SELECT count(*) FROM doc_document WHERE title = :t").param("t", title)
                .query(Long.class).single()).isZero();
    }

    @Test
    @DisplayName("DOC-2, CLS-4: a registration redirects to the document's page, which shows the mark and the history")
    void registrationShowsMarkAndHistory() throws Exception {
        String title = "Web minutes " + System.nanoTime();
        MvcResult done = mvc.perform(as(registrar, post("/documents").param("direction", "RECEIPT").param("title", title)
                .param("originatingUnit", "Health commission").param("categoryCode", "MGMT-MINUTES").param("copies", "3")
                .param("custodianStaffNo", custodian.staffNo()).param("storagePlace", "Cabinet 7")))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = done.getResponse().getRedirectedUrl();
        assertThat(location).matches("/documents/\\d+");
        feed.poll();
        String page = body(mvc.perform(as(custodian, get(location))).andExpect(status().isOk()).andReturn());
        assertThat(page).contains(title).contains("\u673a\u5bc6\u260510\u5e74").contains("id=\"history\"")
                .contains(zh("document.event.registered")).contains("id=\"send-form\"");
    }

    @Test
    @DisplayName("CLS-1: the page of a 机密 document answers 403 with an explanation to a reader cleared for 秘密")
    void pageRefusedAboveClearance() throws Exception {
        long id = f.minutes(registrar, custodian, "Web refused " + System.nanoTime());
        TestAccounts.Created reader = f.reader(SecretLevel.SECRET);
        String page = body(mvc.perform(as(reader, get("/documents/" + id))).andExpect(status().isForbidden())
                .andReturn());
        assertThat(page).doesNotContain("Web refused").doesNotContain("Exception");
        mvc.perform(as(reader, get("/documents/not-a-number"))).andExpect(status().isNotFound());
    }

    @Test
    @DisplayName("CLS-2: choosing a category fills in its default level and period through htmx; the list and CSV carry marks")
    void defaultsListAndExport() throws Exception {
        String part = body(mvc.perform(as(registrar, get("/documents/new/defaults").param("categoryCode", "MGMT-MINUTES")
                .header("HX-Request", "true"))).andExpect(status().isOk()).andReturn());
        assertThat(part).doesNotContain("<html").contains("id=\"classification\"")
                .containsPattern("value=\"HIGHLY_SECRET\"\\s+selected")
                .containsPattern("value=\"10\"");
        String title = "Web listed " + System.nanoTime();
        f.minutes(registrar, custodian, title);
        String list = body(mvc.perform(as(registrar, get("/documents").param("q", title))).andExpect(status().isOk())
                .andReturn());
        assertThat(list).contains(title).contains("\u673a\u5bc6\u260510\u5e74");
        MvcResult csv = mvc.perform(as(registrar, get("/documents/export").param("q", title)))
                .andExpect(status().isOk()).andReturn();
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        assertThat(new String(csv.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8)).contains(title)
                .contains("\u673a\u5bc6\u260510\u5e74");
        mvc.perform(as(f.reader(SecretLevel.SECRET), get("/documents"))).andExpect(status().isForbidden());
    }
}
