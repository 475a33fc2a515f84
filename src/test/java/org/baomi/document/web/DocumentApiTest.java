package org.baomi.document.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.baomi.document.DocumentFiles;
import org.baomi.document.DocumentFixture;
import org.baomi.document.DocumentRegister;
import org.baomi.iam.internal.access.AccessChangeFeed;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.TestAccounts;
import org.baomi.test.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The register's REST API (issue 5 item 4): a token acts for a named staff member and gets what that person gets on
 * the pages (ORG-5: the security administrator issues the scope, but a 三员 account is refused as the person); RFC 9457
 * problems; every call audited as {@code document.api.on-behalf} beside the operation's own record.
 */
@BaomiSpringTest
class DocumentApiTest {

    private static final String API = "/api/v1/documents";

    @Autowired TestAccounts accounts;
    @Autowired AccessChangeFeed feed;
    @Autowired DocumentRegister register;
    @Autowired DocumentFiles files;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    private final JsonMapper json = JsonMapper.builder().build();
    WebSession client;
    DocumentFixture f;
    TestAccounts.Created custodian;
    String title;
    long documentId;
    String read;

    @BeforeEach
    void setUp() {
        client = new WebSession(port);
        f = new DocumentFixture(accounts, feed, register);
        custodian = f.custodian();
        title = "Api minutes " + System.nanoTime();
        documentId = f.minutes(f.registrar(), custodian, title);
        read = accounts.token("document:register:read");
    }

    private long onBehalf(TestAccounts.Created person) {
        return jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = 'document.api.on-behalf' "
                + "AND details::text LIKE :p").param("p", "%" + person.staffNo() + "%")
                .query(Long.class).single();
    }

    @Test
    @DisplayName("Issue 5 item 4 (DOC-2, CLS-4): the register searched for a keeper of the register, with marks in the asked language, paged and audited")
    void searchForAKeeperOfTheRegister() {
        WebSession.Page page = client.apiGet(API + "?staffNo=" + custodian.staffNo() + "&q="
                + WebSession.encode(title) + "&level=HIGHLY_SECRET&size=5", read, "Accept-Language", "en");
        assertThat(page.status()).isEqualTo(200);
        JsonNode body = json.readTree(page.body());
        assertThat(body.get("total").asLong()).isEqualTo(1);
        assertThat(body.get("size").asInt()).isEqualTo(5);
        JsonNode row = body.get("items").get(0);
        assertThat(row.get("id").asLong()).isEqualTo(documentId);
        assertThat(row.get("level").asString()).isEqualTo("HIGHLY_SECRET");
        assertThat(row.get("mark").asString()).contains("\u2605").endsWith("10 years");
        assertThat(jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = 'document.register.searched' "
                + "AND details::text LIKE :q").param("q", "%" + title + "%").query(Long.class).single()).isEqualTo(1);
        assertThat(onBehalf(custodian)).isEqualTo(1);
    }

    @Test
    @DisplayName("ORG-5, ACC-1: nobody without the scope, no 三员 as the person, no person without the register's permission; bad parameters listed field by field")
    void refusals() {
        TestAccounts.Created doctor = f.reader(SecretLevel.SECRET);
        WebSession.Page noPermission = client.apiGet(API + "?staffNo=" + doctor.staffNo(), read);
        assertThat(noPermission.status()).isEqualTo(403);
        assertThat(noPermission.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");

        TestAccounts.Created securityAdmin = accounts.securityAdmin();
        long deniedBefore = accounts.auditEntries("access.denied", "DENIED", null, securityAdmin.id());
        WebSession.Page admin = client.apiGet(API + "/" + documentId + "?staffNo=" + securityAdmin.staffNo(), read);
        assertThat(admin.status()).isEqualTo(403);
        assertThat(json.readTree(admin.body()).get("messageKey").asString())
                .isEqualTo("document.api.error.administrator");
        assertThat(accounts.auditEntries("access.denied", "DENIED", null, securityAdmin.id()))
                .isEqualTo(deniedBefore + 1);

        assertThat(client.apiGet(API + "?staffNo=" + custodian.staffNo(), accounts.token("iam:staff:read")).status())
                .isEqualTo(403);
        assertThat(client.apiGet(API + "?staffNo=" + custodian.staffNo(), null).status()).isEqualTo(401);
        assertThat(client.apiGet(API + "?staffNo=NOBODY-" + documentId, read).status()).isEqualTo(400);
        // reading the register does not export files
        assertThat(client.apiGet(API + "/" + documentId + "/file?staffNo=" + custodian.staffNo(), read).status())
                .isEqualTo(403);

        WebSession.Page bad = client.apiGet(API + "?staffNo=" + custodian.staffNo()
                + "&level=VERY&status=GONE&size=500&page=x&dueWithinDays=-1", read, "Accept-Language", "en");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).get("errors").toString()).contains("level").contains("status")
                .contains("size").contains("page").contains("dueWithinDays")
                .contains("The page size must be between 1 and 100.");
        assertThat(client.apiGet(API + "/abc?staffNo=" + custodian.staffNo(), read).status()).isEqualTo(404);
        assertThat(onBehalf(custodian)).isZero();
    }

    @Test
    @DisplayName("Issue 5 item 4 (CLS-1, DOC-5): a document's entry for its custodian; a reader without need-to-know is refused as on the page")
    void oneDocument() {
        WebSession.Page page = client.apiGet(API + "/" + documentId + "?staffNo=" + custodian.staffNo(), read);
        assertThat(page.status()).isEqualTo(200);
        JsonNode body = json.readTree(page.body());
        assertThat(body.get("document").get("title").asString()).isEqualTo(title);
        assertThat(body.get("history").get(0).get("action").asString()).isEqualTo("registered");
        assertThat(accounts.auditEntries("document.viewed", "ALLOWED", null, documentId)).isEqualTo(1);

        TestAccounts.Created stranger = f.reader(SecretLevel.HIGHLY_SECRET);
        assertThat(client.apiGet(API + "/" + documentId + "?staffNo=" + stranger.staffNo(), read).status())
                .isEqualTo(403);
        assertThat(onBehalf(stranger)).isZero();
    }

    @Test
    @DisplayName("DOC-9, issue 5 item 5: the file exported for the custodian, with a trace code issued to them and audited")
    void fileForTheCustodian() {
        byte[] content = "api file content".getBytes(StandardCharsets.UTF_8);
        f.as(custodian, () -> files.upload(documentId, "api.txt", content.length, new ByteArrayInputStream(content)));
        String export = accounts.token("document:file:export");
        WebSession.Page file = client.apiGet(API + "/" + documentId + "/file?staffNo=" + custodian.staffNo(), export);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.bytes()).isEqualTo(content);
        String code = file.headers().firstValue("X-Trace-Code").orElseThrow();
        String details = accounts.latestAuditDetails("document.file.downloaded", documentId);
        assertThat(details.contains(code) || details.contains(code.replace("-", ""))).as(details).isTrue();
        assertThat(onBehalf(custodian)).isEqualTo(1);
    }
}
