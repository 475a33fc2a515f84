package org.baomi.document;

/**
 * A report that a document, or one numbered copy of it, is lost or leaked (DOC-8).
 *
 * @param copyId        the copy concerned, or null for the document itself
 * @param circumstances what happened, where and when, 1..2000 characters
 */
public record LossReport(long documentId, Long copyId, LossKind kind, String circumstances) {
}
