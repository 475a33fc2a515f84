package org.baomi.document;

import java.util.Locale;

/**
 * The document module's paper forms (issue 5 items 1 and 5; DOC-1, DOC-3, CLS-5): each a PDF with the level mark on
 * every page and a trace code issued for it and audited in the same transaction.
 */
public interface DocumentPrints {

    /**
     * A cover sheet (涉密文件封面) for the document. Access policy EXPORT. Audit {@code document.cover-sheet.printed}
     * with the trace code.
     */
    void coverSheet(long documentId, Locale locale, FileSink sink);

    /**
     * Register pages (涉密文件登记簿, A4 landscape) of every match of the filter (at most 10,000 rows), each page with
     * the highest level mark among the rows and the trace code. Permission {@link DocumentPermissions#REGISTER_MANAGE};
     * audit {@code document.register.printed} (filter, rows, trace code).
     */
    void registerPages(DocumentFilter filter, Locale locale, FileSink sink);

    /**
     * A numbered copy (DOC-3): uses up one of the current person's approved copies ({@link DocumentCopies#makeCopy})
     * and prints it — the document's PDF watermarked with "copy n of m", the holder and the trace code, or, for a
     * document without an electronic PDF, a cover sheet carrying the copy's number. Audit {@code document.copy.printed}.
     *
     * @throws org.baomi.shared.BaomiException FORBIDDEN without an approved copy left (audited by the copy service)
     */
    void copyPrint(long documentId, CopyKind kind, Locale locale, FileSink sink);
}
