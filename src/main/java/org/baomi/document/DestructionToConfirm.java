package org.baomi.document;

/**
 * A destruction on the supervisor's worklist (DOC-7, 两人监销): the destruction and the register entry of its document
 * (serial, title, mark; never the content).
 */
public record DestructionToConfirm(DestructionRecord destruction, DocumentSummary document) {
}
