package org.baomi.print.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * A cursor that lays content down A4 pages, top to bottom, opening a new page when the next piece does not fit. Every
 * page gets the level mark at its top (CLS-5); footers are added afterwards, when the number of pages is known.
 */
final class PageLayout implements AutoCloseable {

    static final float MARGIN_X = 48f;
    static final float MARGIN_TOP = 62f;
    static final float MARGIN_BOTTOM = 58f;
    static final float LEVEL_MARK_SIZE = 13f;

    private final PDDocument document;
    private final CjkFont font;
    private final PDRectangle size;
    private final String levelMark;
    private final List<Runnable> pageStartListeners = new ArrayList<>();
    private PDPageContentStream cs;
    private float y;

    PageLayout(PDDocument document, CjkFont font, boolean landscape, String levelMark) {
        this.document = document;
        this.font = font;
        this.size = landscape ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth())
                : PDRectangle.A4;
        this.levelMark = levelMark == null ? "" : font.printable(levelMark);
        newPage();
    }

    CjkFont font() {
        return font;
    }

    PDPageContentStream stream() {
        return cs;
    }

    float left() {
        return MARGIN_X;
    }

    float contentWidth() {
        return size.getWidth() - 2 * MARGIN_X;
    }

    float y() {
        return y;
    }

    void down(float amount) {
        y -= amount;
    }

    /** Room left on this page above the footer. */
    float room() {
        return y - MARGIN_BOTTOM;
    }

    /** Full height available on a fresh page. */
    float pageRoom() {
        return size.getHeight() - MARGIN_TOP - MARGIN_BOTTOM;
    }

    /** Starts a new page when fewer than {@code height} points are left; returns whether it did. */
    boolean ensure(float height) {
        if (room() >= height) {
            return false;
        }
        newPage();
        pageStartListeners.forEach(Runnable::run);
        return true;
    }

    /** Run at each page break until removed (a table repeating its header row). */
    void onPageStart(Runnable listener) {
        pageStartListeners.add(listener);
    }

    void clearPageStartListeners() {
        pageStartListeners.clear();
    }

    void newPage() {
        try {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(size);
            document.addPage(page);
            cs = new PDPageContentStream(document, page);
            y = size.getHeight() - MARGIN_TOP;
            if (!levelMark.isEmpty()) {
                // CLS-5: the mark at the top left of every page, bold red as on paper
                cs.saveGraphicsState();
                cs.setNonStrokingColor(0.8f, 0f, 0f);
                cs.setStrokingColor(0.8f, 0f, 0f);
                cs.setLineWidth(0.4f);
                cs.setRenderingMode(RenderingMode.FILL_STROKE);
                text(levelMark, MARGIN_X, size.getHeight() - 44f, LEVEL_MARK_SIZE);
                cs.restoreGraphicsState();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a page could not be laid out", e);
        }
    }

    /** Draws printable text with its baseline at (x, baseline). */
    void text(String printable, float x, float baseline, float fontSize) throws IOException {
        if (printable.isEmpty()) {
            return;
        }
        cs.beginText();
        cs.setFont(font.font(), fontSize);
        cs.newLineAtOffset(x, baseline);
        cs.showText(printable);
        cs.endText();
    }

    /** Splits printable text into lines no wider than {@code width}, preferring breaks at spaces. */
    List<String> wrap(String printable, float width, float fontSize) {
        List<String> lines = new ArrayList<>();
        if (printable.isEmpty()) {
            lines.add("");
            return lines;
        }
        float max = width / fontSize;
        int start = 0;
        while (start < printable.length()) {
            float w = 0;
            int i = start;
            int lastSpace = -1;
            while (i < printable.length()) {
                int cp = printable.codePointAt(i);
                float cw = font.charWidth(cp);
                if (w + cw > max && i > start) {
                    break;
                }
                if (cp == ' ') {
                    lastSpace = i;
                }
                w += cw;
                i += Character.charCount(cp);
            }
            int end = i;
            if (i < printable.length() && lastSpace > start && isLatin(printable.codePointAt(i))) {
                end = lastSpace + 1;
            }
            lines.add(printable.substring(start, end).stripTrailing());
            start = end;
            while (start < printable.length() && printable.charAt(start) == ' ') {
                start++;
            }
        }
        return lines;
    }

    private static boolean isLatin(int cp) {
        return cp < 0x2E80;
    }

    @Override
    public void close() {
        try {
            cs.close();
        } catch (IOException e) {
            throw new UncheckedIOException("a page could not be laid out", e);
        }
    }
}
