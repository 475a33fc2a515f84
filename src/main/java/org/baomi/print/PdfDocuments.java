package org.baomi.print;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Turns content that is not a PDF yet into watermarked PDF pages (issue 5 item 5), so that every download is a
 * watermarked PDF: plain text (a register page shown on screen, a note) and images (a scanned page). The pages carry
 * the same watermark and bands as {@link PdfWatermarks#stamp}. Memory only, no audit, no permission: as
 * {@link PdfWatermarks}.
 */
public interface PdfDocuments {

    /**
     * Renders lines of text on A4 pages (wrapped, as many pages as needed) under a title, with the watermark.
     *
     * @param title a heading on the first page; may be empty
     * @param lines the text, one paragraph per element; control characters are dropped and characters the font
     *              lacks are printed as "?"
     */
    void renderText(String title, List<String> lines, Watermark mark, OutputStream out);

    /**
     * Renders one image (PNG, JPEG, GIF, BMP) on a page of its own, scaled to fit A4 (landscape when it is wider
     * than tall), with the watermark.
     *
     * @throws org.baomi.shared.BaomiException INVALID ({@code print.error.image.empty},
     *                                         {@code print.error.image.unreadable}) when it is not an image
     */
    void renderImage(InputStream image, Watermark mark, OutputStream out);
}
