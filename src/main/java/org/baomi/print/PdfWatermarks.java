package org.baomi.print;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * Stamps a visible watermark on every page of an existing PDF (issue 5 item 5, DOC-3): a diagonal, semi-transparent
 * tiled text naming the reader, staff number, time and trace code, and a header and footer band with the level mark
 * and the trace code. Pages of any size and rotation are stamped the right way up as the reader sees them.
 *
 * <p>Works in memory only: nothing of the content reaches a temporary file, a log or an exception message (DOC-9).
 * Neither checks a permission nor audits: the caller has decided that the person may export the content and has
 * issued the trace code through {@link TraceCodes#issue}, which is audited, in its transaction.
 */
public interface PdfWatermarks {

    /**
     * Reads the whole PDF, stamps each page and writes the result. The input stream is read to its end but not
     * closed; the output stream is written but not closed.
     *
     * @throws org.baomi.shared.BaomiException INVALID ({@code print.error.pdf.empty}, {@code print.error.pdf.not-pdf},
     *                                         {@code print.error.pdf.encrypted}, {@code print.error.pdf.no-pages})
     *                                         when the input is not a usable PDF; nothing is written then
     */
    void stamp(InputStream pdf, Watermark mark, OutputStream out);
}
