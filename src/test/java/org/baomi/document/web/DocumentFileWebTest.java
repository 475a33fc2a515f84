package org.baomi.document.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.baomi.document.DocumentFiles;
import org.baomi.document.DocumentFixture;
import org.baomi.document.DocumentRegister;
import org.baomi.iam.internal.access.AccessChangeFeed;
import org.baomi.shared.BaomiException;
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

/**
 * A document's electronic file through the web stack (issue 5 items 2 and 5; DOC-9, DOC-3, CLS-1): upload as a raw
 * body, watermarked and traced downloads, refusals, tampering, prints.
 */
@BaomiSpringTest
class DocumentFileWebTest {

    @Autowired WebApplicationContext context;
    @Autowired TestAccounts accounts;
    @Autowired AccessChangeFeed feed;
    @Autowired DocumentRegister register;
    @Autowired DocumentFiles files;
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

    private MvcResult upload(TestAccounts.Created person, long document, String name, byte[] content) throws Exception {
        MockHttpServletRequestBuilder request = put("/documents/{id}/file", document)
                .contentType("application/octet-stream").content(content);
        if (name != null) {
            request.header("X-File-Name", URLEncoder.encode(name, StandardCharsets.UTF_8));
        }
        return mvc.perform(as(person, request)).andReturn();
    }

    private MvcResult download(TestAccounts.Created person, long document) throws Exception {
        return mvc.perform(as(person, get("/documents/{id}/file", document))).andReturn();
    }

    private String zh(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    private static String body(MvcResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    static byte[] pdf(String text) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 700);
                cs.showText(text);
                cs.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long document(String title) {
        return f.minutes(registrar, custodian, title + " " + System.nanoTime());
    }

    /** The details of the document's audit records with this action, joined, or null when there is none. */
    private String auditDetails(String action, long document) {
        java.util.List<String> details = jdbc.sql("SELECT details::text FROM aud_entry WHERE action = :action "
                + "AND object_type = 'document' AND object_id = :id")
                .param("action", action).param("id", Long.toString(document)).query(String.class).list();
        return details.isEmpty() ? null : String.join(" ", details);
    }

    /** The translated message's fixed text around its placeholders (an id argument is formatted by the locale). */
    private void assertTranslated(String body, String key) {
        for (String part : messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE).split("\\{\\d\\}")) {
            assertThat(body).contains(HtmlUtils.htmlEscape(part.strip()));
        }
    }

    @Test
    @DisplayName("DOC-9, DOC-3: a PDF uploaded by the custodian comes back watermarked with the reader's name and a trace code that the audit trail holds")
    void pdfRoundTripIsWatermarkedAndTraced() throws Exception {
        long document = document("Pdf");
        byte[] original = pdf("Minutes of the board PDF-CONTENT-1");

        MvcResult stored = upload(custodian, document, "minutes.pdf", original);
        assertThat(stored.getResponse().getStatus()).as(body(stored)).isEqualTo(200);
        assertThat(body(stored)).contains("fileId");

        MvcResult got = download(custodian, document);
        assertThat(got.getResponse().getStatus()).isEqualTo(200);
        assertThat(got.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(got.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(got.getResponse().getHeader("Content-Disposition")).contains("attachment")
                .contains("minutes.pdf");
        String trace = got.getResponse().getHeader("X-Trace-Code");
        assertThat(trace).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");

        String text = text(got.getResponse().getContentAsByteArray());
        assertThat(text).contains("PDF-CONTENT-1").contains(custodian.fullName()).contains(trace)
                .contains(custodian.staffNo());
        assertThat(auditDetails("document.file.downloaded", document)).contains(trace.replace("-", ""));
        assertThat(auditDetails("print.trace.issued", document)).isNotNull();
    }

    @Test
    @DisplayName("DOC-9: a non-PDF file comes back byte for byte, with a trace code in a header recorded in the audit trail, and a Chinese file name in RFC 5987 form")
    void otherFilesRoundTripWithTraceCode() throws Exception {
        long document = document("Bin");
        byte[] original = new byte[700_000];
        new java.util.Random(7).nextBytes(original);
        String name = "\u4f1a\u8bae\u7eaa\u8981.bin";

        assertThat(upload(custodian, document, name, original).getResponse().getStatus()).isEqualTo(200);
        MvcResult got = download(custodian, document);

        assertThat(got.getResponse().getStatus()).isEqualTo(200);
        assertThat(got.getResponse().getContentAsByteArray()).isEqualTo(original);
        assertThat(got.getResponse().getHeader("Content-Disposition")).contains("filename*=UTF-8''");
        String trace = got.getResponse().getHeader("X-Trace-Code");
        assertThat(auditDetails("document.file.downloaded", document)).contains(trace.replace("-", ""));
        assertThat(jdbc.sql("SELECT file_name FROM doc_document WHERE id = :id").param("id", document)
                .query(String.class).single()).isEqualTo(name);
    }

    @Test
    @DisplayName("ACC-5, CLS-1: a reader without the custodianship or a grant is refused the download (403, audited)")
    void downloadWithoutGrantIsRefused() throws Exception {
        long document = document("Refused");
        upload(custodian, document, "a.txt", "secret text".getBytes(StandardCharsets.UTF_8));
        TestAccounts.Created reader = f.reader(SecretLevel.HIGHLY_SECRET);

        MvcResult got = download(reader, document);

        assertThat(got.getResponse().getStatus()).isEqualTo(403);
        assertThat(body(got)).doesNotContain("secret text");
        assertThat(jdbc.sql("SELECT count(*) FROM aud_entry WHERE actor_id = :p AND object_id = :id "
                + "AND outcome = 'DENIED'").param("p", reader.id()).param("id", Long.toString(document))
                .query(Long.class).single()).isPositive();
        assertThat(auditDetails("document.file.downloaded", document)).isNull();
        assertThat(upload(reader, document, "b.txt", new byte[] {1}).getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    @DisplayName("DOC-9: tampered ciphertext is refused with the translated message, never a 500 or a file")
    void tamperedCiphertextIsRefused() throws Exception {
        long text = document("TamperText");
        long pdf = document("TamperPdf");
        upload(custodian, text, "a.txt", "the content".getBytes(StandardCharsets.UTF_8));
        upload(custodian, pdf, "a.pdf", pdf("PDF TAMPER"));
        for (long document : new long[] {text, pdf}) {
            jdbc.sql("UPDATE vlt_segment SET data = set_byte(data, 9, get_byte(data, 9) # 1) WHERE idx = 0 AND "
                    + "file_id = (SELECT file_id FROM doc_document WHERE id = :id)").param("id", document).update();

            MvcResult got = download(custodian, document);

            assertThat(got.getResponse().getStatus()).isEqualTo(403);
            assertThat(got.getResponse().getHeader("Content-Disposition")).isNull();
            assertTranslated(body(got), "vault.file.tampered");
            assertThat(body(got)).doesNotContain("the content").doesNotContain("Exception");
        }
    }

    @Test
    @DisplayName("DOC-9, CLS-4: a level lowered in the register's row by SQL makes the file's read fail as tampered")
    void tamperedLevelMarkIsRefused() throws Exception {
        long document = document("TamperLevel");
        upload(custodian, document, "a.txt", "the content".getBytes(StandardCharsets.UTF_8));
        jdbc.sql("UPDATE doc_document SET level = 'SECRET' WHERE id = :id").param("id", document).update();

        MvcResult got = download(custodian, document);

        assertThat(got.getResponse().getStatus()).isEqualTo(403);
        assertTranslated(body(got), "vault.file.tampered");
        assertThat(body(got)).doesNotContain("the content");
    }

    @Test
    @DisplayName("DOC-9: bad uploads get translated errors and store nothing (empty, no name, wrong state, too big)")
    void badUploadsAreRefusedWithTranslatedErrors() throws Exception {
        long document = document("Bad");

        MvcResult empty = upload(custodian, document, "a.txt", new byte[0]);
        assertThat(empty.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(empty)).contains(zh("document.file.error.empty"));

        MvcResult noName = upload(custodian, document, null, new byte[] {1, 2});
        assertThat(noName.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(noName)).contains(zh("document.file.error.name"));

        assertThatThrownBy(() -> f.as(custodian, () -> files.upload(document, "big.bin", 3L << 30,
                new ByteArrayInputStream(new byte[] {1}))))
                .isInstanceOfSatisfying(BaomiException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("document.file.error.too-big"));

        jdbc.sql("UPDATE doc_document SET status = 'CARRIED_OUT' WHERE id = :id").param("id", document).update();
        MvcResult state = upload(custodian, document, "a.txt", new byte[] {1, 2});
        assertThat(state.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(state)).contains(zh("document.file.error.state"));

        assertThat(jdbc.sql("SELECT file_id FROM doc_document WHERE id = :id").param("id", document)
                .query(Long.class).optional()).isEmpty();
        MvcResult none = download(custodian, document);
        assertThat(none.getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    @DisplayName("DOC-7: replacing the file crypto-shreds the old one and records the replacement in the history")
    void replacingShredsTheOldFile() throws Exception {
        long document = document("Replace");
        upload(custodian, document, "v1.txt", "version one".getBytes(StandardCharsets.UTF_8));
        long first = jdbc.sql("SELECT file_id FROM doc_document WHERE id = :id").param("id", document)
                .query(Long.class).single();
        upload(custodian, document, "v2.txt", "version two".getBytes(StandardCharsets.UTF_8));

        assertThat(jdbc.sql("SELECT shredded_at IS NOT NULL FROM vlt_file WHERE id = :id").param("id", first)
                .query(Boolean.class).single()).isTrue();
        assertThat(body(download(custodian, document))).isEqualTo("version two");
        assertThat(jdbc.sql("SELECT count(*) FROM doc_event WHERE document_id = :id AND action = 'file-replaced'")
                .param("id", document).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @DisplayName("DOC-1, CLS-5: the cover sheet and the register pages are PDFs with the serial number, mark and trace code, audited")
    void coverSheetAndRegisterPages() throws Exception {
        long document = document("Cover");
        String serial = jdbc.sql("SELECT serial_no FROM doc_document WHERE id = :id").param("id", document)
                .query(String.class).single();

        MvcResult cover = mvc.perform(as(custodian, get("/documents/{id}/cover-sheet", document))).andReturn();
        assertThat(cover.getResponse().getStatus()).isEqualTo(200);
        String coverText = text(cover.getResponse().getContentAsByteArray());
        assertThat(coverText).contains(serial).contains(cover.getResponse().getHeader("X-Trace-Code"));
        assertThat(auditDetails("document.cover-sheet.printed", document)).isNotNull();

        MvcResult pages = mvc.perform(as(registrar, get("/documents/register.pdf").param("query", serial)))
                .andReturn();
        assertThat(pages.getResponse().getStatus()).isEqualTo(200);
        assertThat(text(pages.getResponse().getContentAsByteArray())).contains(serial)
                .contains(pages.getResponse().getHeader("X-Trace-Code"));
    }

    @Test
    @DisplayName("DOC-3: a numbered copy print uses up an approved copy and carries copy n of m and the holder; without one it is refused")
    void copyPrintUsesUpAnApprovedCopy() throws Exception {
        long document = document("Copy");
        upload(custodian, document, "minutes.pdf", pdf("COPY CONTENT"));
        long request = jdbc.sql("INSERT INTO doc_copy_request (document_id, kind, approval_id, requester_id, "
                + "requester_name, copies, status, requested_at) VALUES (:d, 'COPY', -:d, :p, 'Holder', 2, "
                + "'APPROVED', now()) RETURNING id").param("d", document).param("p", custodian.id())
                .query(Long.class).single();
        jdbc.sql("INSERT INTO doc_copy (document_id, request_id, kind, copy_no, of_total, holder_id, holder_name, "
                + "status, authorised_at) VALUES (:d, :r, 'COPY', 1, 1, :p, 'Holder', 'AUTHORISED', now())")
                .param("d", document).param("r", request).param("p", custodian.id()).update();

        MvcResult printed = mvc.perform(as(custodian, post("/documents/{id}/copies/print", document)
                .param("kind", "COPY"))).andReturn();

        assertThat(printed.getResponse().getStatus()).isEqualTo(200);
        String text = text(printed.getResponse().getContentAsByteArray());
        assertThat(text).contains("COPY CONTENT").contains(zh("document.file.copy-watermark", custodian.fullName(), 1, 1))
                .contains(printed.getResponse().getHeader("X-Trace-Code"));
        assertThat(jdbc.sql("SELECT status FROM doc_copy WHERE document_id = :d").param("d", document)
                .query(String.class).single()).isEqualTo("MADE");

        MvcResult again = mvc.perform(as(custodian, post("/documents/{id}/copies/print", document)
                .param("kind", "COPY"))).andReturn();
        assertThat(again.getResponse().getStatus()).isEqualTo(403);
    }
}
