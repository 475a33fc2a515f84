package org.baomi.print.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baomi.print.internal.PrintFixtures.EXPORTS;
import static org.baomi.print.internal.PrintFixtures.LEVEL_MARK;
import static org.baomi.print.internal.PrintFixtures.PRINTABLES;
import static org.baomi.print.internal.PrintFixtures.READER;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.baomi.print.CoverSheet;
import org.baomi.print.DestructionCertificate;
import org.baomi.print.PrintableDocument;
import org.baomi.print.RegisterRow;
import org.baomi.print.TraceCode;
import org.baomi.shared.BaomiException;
import org.junit.jupiter.api.Test;

/**
 * Printables (issue 5 items 1, 5, 8): Chinese survives a round trip through the embedded font; tables run across pages
 * with their header repeated and no row lost or doubled; every page has the level mark, "page x of y" and the trace
 * code; the standard forms carry their data in both languages; text and images become watermarked PDFs.
 */
class PrintablesTest {

    /** 心内科 (cardiology), 关于加强病历管理的通知 (notice on medical records), 一号保密柜 (cabinet 1) */
    static final String DEPARTMENT = "\u5fc3\u5185\u79d1";
    static final String TITLE = "\u5173\u4e8e\u52a0\u5f3a\u75c5\u5386\u7ba1\u7406\u7684\u901a\u77e5";
    static final String CABINET = "\u4e00\u53f7\u4fdd\u5bc6\u67dc";

    private static byte[] render(PrintableDocument doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PRINTABLES.render(doc, out);
        return out.toByteArray();
    }

    static List<RegisterRow> rows(int n) {
        List<RegisterRow> rows = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            // every 7th title is long enough to wrap over several lines
            String title = TITLE + (i % 7 == 0 ? " " + TITLE.repeat(4) : "") + " #" + i;
            rows.add(new RegisterRow(String.format("R-2026-%04d", i), LocalDate.of(2026, 1, 1).plusDays(i % 300),
                    DEPARTMENT, title, LEVEL_MARK, 1 + i % 3, READER, CABINET, "OK"));
        }
        return rows;
    }

    @Test
    void chineseSurvivesTheRoundTripThroughTheEmbeddedFont() throws IOException {
        TraceCode code = PrintFixtures.newCode();
        byte[] pdf = render(PRINTABLES.coverSheet(new CoverSheet("2026-JM-0007", TITLE, LEVEL_MARK, DEPARTMENT, 5, 2,
                READER, CABINET, LocalDate.of(2026, 11, 20)), code, Locale.SIMPLIFIED_CHINESE));
        String text = PrintFixtures.text(pdf);
        // 涉密文件封面, 第 2 份 / 共 5 份, 第 1 页 / 共 1 页, 追踪码
        assertThat(text).contains("\u6d89\u5bc6\u6587\u4ef6\u5c01\u9762").contains(TITLE).contains(DEPARTMENT)
                .contains(CABINET).contains(READER).contains(LEVEL_MARK).contains("2026-JM-0007")
                .contains("\u7b2c 2 \u4efd / \u5171 5 \u4efd").contains("\u7b2c 1 \u9875 / \u5171 1 \u9875")
                .contains("\u8ffd\u8e2a\u7801\uff1a" + code.display());
        try (PDDocument doc = PrintFixtures.open(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            var font = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames()
                    .iterator().next());
            assertThat(font.isEmbedded()).as("the CJK font travels with the PDF").isTrue();
            assertThat(font.getName()).as("embedded as a subset (tag prefix)").matches("[A-Z]{6}\\+.*");
        }
        assertThat(pdf.length).as("a subset, not the 5 MB font").isLessThan(200_000);
    }

    @Test
    void registerPagesRunAcrossPagesWithTheHeaderRepeatedAndNoRowLostOrDoubled() throws IOException {
        TraceCode code = PrintFixtures.newCode();
        byte[] pdf = render(PRINTABLES.registerPages(rows(400), LEVEL_MARK, code, Locale.ENGLISH));
        try (PDDocument doc = PrintFixtures.open(pdf)) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThan(5);
            StringBuilder all = new StringBuilder();
            for (int p = 1; p <= pages; p++) {
                PDRectangle box = doc.getPage(p - 1).getMediaBox();
                assertThat(box.getWidth()).as("landscape").isGreaterThan(box.getHeight());
                String text = PrintFixtures.text(doc, p, p);
                assertThat(text).as("page " + p + " repeats the header row").contains("Serial number")
                        .contains("Registered on").contains("Storage place");
                assertThat(text).as("page " + p + " footer").contains("Page " + p + " of " + pages)
                        .contains("Trace code: " + code.display()).contains(LEVEL_MARK);
                all.append(text);
            }
            Matcher serials = Pattern.compile("R-2026-(\\d{4})").matcher(all);
            List<Integer> seen = new ArrayList<>();
            while (serials.find()) {
                seen.add(Integer.parseInt(serials.group(1)));
            }
            List<Integer> expected = new ArrayList<>();
            for (int i = 1; i <= 400; i++) {
                expected.add(i);
            }
            assertThat(seen).as("every row once, in order").isEqualTo(expected);
            assertThat(PrintFixtures.text(doc, pages, pages)).contains("R-2026-0400");
        }
    }

    @Test
    void registerPagesInChineseRepeatTheChineseHeader() throws IOException {
        byte[] pdf = render(PRINTABLES.registerPages(rows(120), LEVEL_MARK, null, Locale.SIMPLIFIED_CHINESE));
        try (PDDocument doc = PrintFixtures.open(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                // 登记日期, 存放位置
                assertThat(PrintFixtures.text(doc, p, p)).contains("\u767b\u8bb0\u65e5\u671f")
                        .contains("\u5b58\u653e\u4f4d\u7f6e").doesNotContain("\u8ffd\u8e2a\u7801");
            }
        }
    }

    @Test
    void aDestructionCertificateNamesBothPeopleWithTheirSignatureLines() {
        TraceCode code = PrintFixtures.newCode();
        DestructionCertificate certificate = new DestructionCertificate("XH-2026-031", List.of(
                new DestructionCertificate.Item("2026-JM-0007", TITLE, LEVEL_MARK, 2),
                new DestructionCertificate.Item("2026-MM-0100", "Quarterly report", null, 1)),
                "Shredding", CABINET, Instant.parse("2026-11-21T06:00:00Z"), "SP-2026-0815", "Zhao Liu", "Qian Qi");
        String en = PrintFixtures.text(render(PRINTABLES.destructionCertificate(certificate, code, Locale.ENGLISH)));
        assertThat(en).contains("Certificate of destruction").contains("XH-2026-031").contains("SP-2026-0815")
                .contains("Shredding").contains(CABINET).contains("2026-11-21 14:00").contains(TITLE)
                .contains("Quarterly report").contains("Performed by").contains("Zhao Liu")
                .contains("Confirmed by (witness)").contains("Qian Qi").contains("Name and signature").contains(LEVEL_MARK)
                .contains(code.display());
        String zh = PrintFixtures.text(render(PRINTABLES.destructionCertificate(certificate, code,
                Locale.SIMPLIFIED_CHINESE)));
        // 销毁证明, 监销人, 销毁执行人
        assertThat(zh).contains("\u9500\u6bc1\u8bc1\u660e").contains("\u76d1\u9500\u4eba")
                .contains("\u9500\u6bc1\u6267\u884c\u4eba").contains("Zhao Liu").contains("Qian Qi");
    }

    @Test
    void aPrintableWithAWatermarkCarriesItOnEveryPage() throws IOException {
        TraceCode code = PrintFixtures.newCode();
        PrintableDocument register = PRINTABLES.registerPages(rows(150), LEVEL_MARK, code, Locale.ENGLISH)
                .withWatermark(PrintFixtures.watermark(code));
        try (PDDocument doc = PrintFixtures.open(render(register))) {
            for (int p = 0; p < doc.getNumberOfPages(); p++) {
                assertThat(PdfWatermarksTest.bandShare(PdfWatermarksTest.render(doc, p), 2, 16)).isGreaterThan(0.9);
                assertThat(PrintFixtures.text(doc, p + 1, p + 1)).contains(READER).contains("H0042");
            }
        }
    }

    @Test
    void plainTextBecomesWatermarkedPagesWithEveryLineKept() throws IOException {
        TraceCode code = PrintFixtures.newCode();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            lines.add("Line " + i + " " + TITLE);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EXPORTS.renderText("Register page", lines, PrintFixtures.watermark(code), out);
        try (PDDocument doc = PrintFixtures.open(out.toByteArray())) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(2);
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                assertThat(PrintFixtures.text(doc, p, p)).contains(code.display()).contains(READER);
            }
            String all = PrintFixtures.text(doc, 1, doc.getNumberOfPages());
            assertThat(all).contains("Line 0 ").contains("Line 149 ");
        }
    }

    @Test
    void anImageBecomesAWatermarkedPageTurnedToFit() throws IOException {
        BufferedImage picture = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 200);
        g.setColor(Color.BLUE);
        g.fillRect(150, 50, 100, 100);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(picture, "png", png);
        TraceCode code = PrintFixtures.newCode();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EXPORTS.renderImage(new ByteArrayInputStream(png.toByteArray()), PrintFixtures.watermark(code), out);
        try (PDDocument doc = PrintFixtures.open(out.toByteArray())) {
            BufferedImage page = PdfWatermarksTest.render(doc, 0);
            assertThat(page.getWidth()).as("a wide image on a landscape page").isGreaterThan(page.getHeight());
            int centre = page.getRGB(page.getWidth() / 2, page.getHeight() / 2);
            assertThat(centre & 0xff).as("the image is drawn (blue centre)").isGreaterThan(150);
            assertThat((centre >> 16) & 0xff).isLessThan(120);
            assertThat(PdfWatermarksTest.bandShare(page, 2, 16)).isGreaterThan(0.9);
            assertThat(PrintFixtures.text(doc, 1, 1)).contains(code.display());
        }
    }

    @Test
    void somethingThatIsNoImageIsRefusedWithATranslatedMessage() {
        for (byte[] input : List.of(new byte[0], "not an image".getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            String key = input.length == 0 ? "print.error.image.empty" : "print.error.image.unreadable";
            assertThatThrownBy(() -> EXPORTS.renderImage(new ByteArrayInputStream(input),
                    PrintFixtures.watermark(PrintFixtures.newCode()), new ByteArrayOutputStream()))
                    .isInstanceOfSatisfying(BaomiException.class, e -> {
                        assertThat(e.kind()).isEqualTo(BaomiException.Kind.INVALID);
                        assertThat(e.messageKey()).isEqualTo(key);
                    });
            PdfWatermarksTest.assertTranslated(key);
        }
    }
}
