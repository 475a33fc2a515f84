/**
 * Printing and exporting (issue 5 item 5, the PDFs of items 1 and 8): PDF watermarks that name the reader, trace
 * codes that lead a leaked copy back to one person and one moment (DOC-3, DOC-4, AUD-1), and printables (cover
 * sheets, register pages, destruction certificates; DOC-1, DOC-7) rendered with an embedded CJK font. Every page of
 * every PDF made here carries the level mark (CLS-5). No plaintext ever reaches a scratch file (DOC-9): PDFBox works
 * in memory only. Owns the table {@code prt_trace}; any module prints through the API of this package.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit", "iam"})
package org.baomi.print;
