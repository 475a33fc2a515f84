package org.baomi.print.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Consumer;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.baomi.print.TraceCode;
import org.baomi.print.Watermark;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The print module's services built without Spring, and small PDF helpers for its tests. */
final class PrintFixtures {

    static final ZoneId HOSPITAL_ZONE = ZoneId.of("Asia/Shanghai");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T02:30:00Z"), HOSPITAL_ZONE);
    static final PdfFonts FONTS = new PdfFonts("");
    static final ResourceBundleMessageSource MESSAGES = messages();
    static final PrintableRenderer RENDERER = new PrintableRenderer(FONTS, MESSAGES, CLOCK);
    static final PdfExportService EXPORTS = new PdfExportService(FONTS, RENDERER, CLOCK);
    static final StandardPrintables PRINTABLES = new StandardPrintables(MESSAGES, RENDERER, CLOCK);

    /** 张三 */
    static final String READER = "\u5f20\u4e09";
    /** 机密★10年 */
    static final String LEVEL_MARK = "\u673a\u5bc6\u260510\u5e74";

    private PrintFixtures() {
    }

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasenames("messages/print", "messages/shared");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    static Watermark watermark(TraceCode code) {
        return new Watermark(READER, "H0042", CLOCK.instant(), code, LEVEL_MARK);
    }

    static TraceCode newCode() {
        return TraceCode.random(new java.security.SecureRandom());
    }

    /** A PDF with one page per size, each with a black square near its (unrotated) lower left corner. */
    static byte[] pdf(Consumer<PDDocument> pages) {
        try (PDDocument doc = PdfSupport.newDocument()) {
            pages.accept(doc);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void page(PDDocument doc, PDRectangle size, int rotation) {
        PDPage page = new PDPage(size);
        page.setRotation(rotation);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.setNonStrokingColor(0f, 0f, 0f);
            cs.addRect(100, 100, 60, 60);
            cs.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PDDocument open(byte[] pdf) {
        try {
            return Loader.loadPDF(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(PDDocument doc, int fromPage, int toPage) {
        try {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(fromPage);
            stripper.setEndPage(toPage);
            return stripper.getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(byte[] pdf) {
        try (PDDocument doc = open(pdf)) {
            return text(doc, 1, doc.getNumberOfPages());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
