package org.baomi.print.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baomi.print.internal.PrintFixtures.EXPORTS;
import static org.baomi.print.internal.PrintFixtures.LEVEL_MARK;
import static org.baomi.print.internal.PrintFixtures.MESSAGES;
import static org.baomi.print.internal.PrintFixtures.READER;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.baomi.print.TraceCode;
import org.baomi.print.Watermark;
import org.baomi.shared.BaomiException;
import org.junit.jupiter.api.Test;

/**
 * Issue 5 item 5: the watermark is really drawn (rendered pixels) and really readable (extracted text), on pages of
 * any size and rotation, translucent over the content; bad input is refused with a translated message.
 */
class PdfWatermarksTest {

    private static byte[] stamp(byte[] pdf, Watermark mark) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EXPORTS.stamp(new ByteArrayInputStream(pdf), mark, out);
        return out.toByteArray();
    }

    static BufferedImage render(PDDocument doc, int page) {
        try {
            return new PDFRenderer(doc).renderImage(page, 1f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Share of pixels in the rows [from, to) that are tinted red like the band (red clearly above green). */
    static double bandShare(BufferedImage image, int fromRow, int toRow) {
        long tinted = 0;
        long all = 0;
        for (int y = fromRow; y < toRow; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                all++;
                if (r - g >= 8 || r < 200) {
                    tinted++;
                }
            }
        }
        return (double) tinted / all;
    }

    /** Non-white pixels of the region, and the darkest luminance among them. */
    static int[] ink(BufferedImage image, int x0, int y0, int x1, int y1) {
        int count = 0;
        int darkest = 255;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int rgb = image.getRGB(x, y);
                int lum = (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3;
                if (lum < 250) {
                    count++;
                    darkest = Math.min(darkest, lum);
                }
            }
        }
        return new int[] {count, darkest};
    }

    @Test
    void everyPageCarriesATranslucentDiagonalWatermarkAndBandsThatRenderAndExtract() throws IOException {
        TraceCode code = PrintFixtures.newCode();
        byte[] original = PrintFixtures.pdf(doc -> {
            PrintFixtures.page(doc, PDRectangle.A4, 0);
            PrintFixtures.page(doc, PDRectangle.A4, 0);
        });
        byte[] stamped = stamp(original, PrintFixtures.watermark(code));

        try (PDDocument before = PrintFixtures.open(original); PDDocument after = PrintFixtures.open(stamped)) {
            assertThat(after.getNumberOfPages()).isEqualTo(2);
            for (int p = 0; p < 2; p++) {
                BufferedImage plain = render(before, p);
                BufferedImage marked = render(after, p);
                // the blank middle of the page (clear of the black square and the bands)
                int[] blankBefore = ink(plain, 200, 100, 580, 600);
                int[] blankAfter = ink(marked, 200, 100, 580, 600);
                assertThat(blankBefore[0]).as("the original page is blank there").isZero();
                assertThat(blankAfter[0]).as("watermark ink over the blank area, page " + (p + 1))
                        .isGreaterThan(380 * 500 / 50);
                assertThat(blankAfter[1]).as("translucent: the watermark stays light").isGreaterThan(150);
                // the content under the watermark is still there and dark (square at 100..160 from bottom left)
                int squareY = marked.getHeight() - 130;
                assertThat(ink(marked, 120, squareY - 10, 140, squareY + 10)[1]).as("content readable").isLessThan(80);
                // header and footer bands across the whole width
                assertThat(bandShare(plain, 2, 16)).isLessThan(0.01);
                assertThat(bandShare(marked, 2, 16)).as("header band").isGreaterThan(0.9);
                assertThat(bandShare(marked, marked.getHeight() - 16, marked.getHeight() - 2)).as("footer band")
                        .isGreaterThan(0.9);
                String text = PrintFixtures.text(after, p + 1, p + 1);
                assertThat(text).contains(READER).contains("H0042").contains(code.display()).contains(LEVEL_MARK)
                        .contains("2026-11-22 10:30 +08:00");
            }
        }
    }

    @Test
    void rotatedAndOddSizedPagesAreStampedAsTheReaderSeesThem() throws IOException {
        TraceCode code = PrintFixtures.newCode();
        byte[] original = PrintFixtures.pdf(doc -> {
            PrintFixtures.page(doc, PDRectangle.LETTER, 90);
            PrintFixtures.page(doc, new PDRectangle(PDRectangle.A3.getHeight(), PDRectangle.A3.getWidth()), 0);
            PrintFixtures.page(doc, PDRectangle.A5, 270);
            PrintFixtures.page(doc, PDRectangle.A4, 180);
        });
        byte[] stamped = stamp(original, PrintFixtures.watermark(code));
        try (PDDocument after = PrintFixtures.open(stamped)) {
            for (int p = 0; p < after.getNumberOfPages(); p++) {
                BufferedImage marked = render(after, p);
                if (p == 0) {
                    assertThat(marked.getWidth()).as("a rotated letter page is shown landscape")
                            .isGreaterThan(marked.getHeight());
                }
                assertThat(bandShare(marked, 2, 16)).as("header band at the visual top of page " + (p + 1))
                        .isGreaterThan(0.9);
                assertThat(bandShare(marked, marked.getHeight() - 16, marked.getHeight() - 2))
                        .as("footer band at the visual bottom of page " + (p + 1)).isGreaterThan(0.9);
                assertThat(bandShare(marked, 0, marked.getHeight())).as("the bands are bands, not the whole page")
                        .isLessThan(0.5);
                assertThat(PrintFixtures.text(after, p + 1, p + 1)).contains(code.display()).contains(READER);
            }
        }
    }

    @Test
    void aPdfWithoutLevelMarkStillNamesTheReaderAndCode() {
        TraceCode code = PrintFixtures.newCode();
        Watermark mark = new Watermark("Li Si", "H0043", PrintFixtures.CLOCK.instant(), code, null);
        String text = PrintFixtures.text(stamp(PrintFixtures.pdf(doc -> PrintFixtures.page(doc, PDRectangle.A4, 0)),
                mark));
        assertThat(text).contains("Li Si").contains(code.display()).doesNotContain(LEVEL_MARK);
    }

    @Test
    void charactersTheFontLacksAndControlCharactersDoNotBreakTheWatermark() {
        TraceCode code = PrintFixtures.newCode();
        // an emoji (outside the font) and a line break in a name
        Watermark mark = new Watermark("Wang\nWu \ud83d\ude00", "H0044", PrintFixtures.CLOCK.instant(), code, LEVEL_MARK);
        String text = PrintFixtures.text(stamp(PrintFixtures.pdf(doc -> PrintFixtures.page(doc, PDRectangle.A4, 0)),
                mark));
        assertThat(text).contains("Wang Wu ?").contains(code.display());
    }

    @Test
    void anEmptyFileIsRefusedWithATranslatedMessage() {
        assertRefused(new byte[0], "print.error.pdf.empty");
    }

    @Test
    void aFileThatIsNoPdfIsRefusedWithATranslatedMessage() {
        assertRefused("GIF89a not a pdf at all".getBytes(StandardCharsets.US_ASCII), "print.error.pdf.not-pdf");
        assertRefused("%PDF-1.7\n garbage without objects %%EOF".getBytes(StandardCharsets.US_ASCII),
                "print.error.pdf.not-pdf");
    }

    @Test
    void encryptedPdfsAreRefusedWhetherOrNotTheyOpenWithoutAPassword() throws IOException {
        assertRefused(encrypted("owner-only", ""), "print.error.pdf.encrypted");
        assertRefused(encrypted("owner", "user-secret"), "print.error.pdf.encrypted");
    }

    @Test
    void aPdfWithoutPagesIsRefused() {
        assertRefused(PrintFixtures.pdf(doc -> { }), "print.error.pdf.no-pages");
    }

    private static byte[] encrypted(String owner, String user) throws IOException {
        try (PDDocument doc = PdfSupport.newDocument()) {
            PrintFixtures.page(doc, PDRectangle.A4, 0);
            StandardProtectionPolicy policy = new StandardProtectionPolicy(owner, user, new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    static void assertRefused(byte[] input, String key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> EXPORTS.stamp(new ByteArrayInputStream(input),
                PrintFixtures.watermark(PrintFixtures.newCode()), out))
                .isInstanceOfSatisfying(BaomiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BaomiException.Kind.INVALID);
                    assertThat(e.messageKey()).isEqualTo(key);
                    assertThat(e.getMessage()).isEqualTo(key);
                });
        assertThat(out.size()).as("nothing written").isZero();
        assertTranslated(key);
    }

    static void assertTranslated(String key) {
        String zh = MESSAGES.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
        String en = MESSAGES.getMessage(key, null, Locale.ENGLISH);
        assertThat(zh).isNotEqualTo(key).isNotEqualTo(en);
        assertThat(en).isNotEqualTo(key);
    }
}
