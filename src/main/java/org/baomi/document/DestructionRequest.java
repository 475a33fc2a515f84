package org.baomi.document;

/**
 * A request to destroy a document and its copies (DOC-7), as typed on the document's page.
 *
 * @param method how (required)
 * @param place  where, 1..200 characters
 * @param reason why, 1..1000 characters
 */
public record DestructionRequest(long documentId, DestructionMethod method, String place, String reason) {
}
