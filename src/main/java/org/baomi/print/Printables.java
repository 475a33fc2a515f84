package org.baomi.print;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/**
 * Printables (issue 5 items 1, 5 and 8): builds the standard forms of the confidentiality office in a language and
 * renders any {@link PrintableDocument} to PDF with the embedded CJK font, the level mark on every page and the
 * footer "page x of y · trace code".
 *
 * <p>The builders only arrange data the caller already holds; {@link #render} writes in memory only (DOC-9). No
 * method checks a permission or audits: the calling module has decided the person may have the content and issues
 * the trace code through {@link TraceCodes#issue}, which is audited.
 */
public interface Printables {

    /** A cover sheet for a classified paper document (涉密文件封面, DOC-1), one A4 page. */
    PrintableDocument coverSheet(CoverSheet sheet, TraceCode traceCode, Locale locale);

    /**
     * Register pages (涉密文件登记簿, DOC-1): A4 landscape, one table of all rows with its header repeated on every
     * page.
     *
     * @param levelMark the highest level mark among the rows, printed on every page (CLS-5)
     */
    PrintableDocument registerPages(List<RegisterRow> rows, String levelMark, TraceCode traceCode, Locale locale);

    /**
     * A destruction certificate (销毁证明, DOC-7) with both people's signature lines; the level mark printed on its
     * pages is the first item's (callers list the highest-level item first).
     */
    PrintableDocument destructionCertificate(DestructionCertificate certificate, TraceCode traceCode, Locale locale);

    /** Renders the document to PDF; the stream is written but not closed. */
    void render(PrintableDocument document, OutputStream out);
}
