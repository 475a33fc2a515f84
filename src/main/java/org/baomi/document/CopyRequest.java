package org.baomi.document;

/**
 * A request to copy, excerpt or carry out a document (DOC-3, DOC-4).
 *
 * @param copies      for {@link CopyKind#COPY} and {@link CopyKind#EXCERPT}: how many, 1..20; else ignored
 * @param destination for {@link CopyKind#CARRY_OUT}: where to or to whom, 1..200 characters; else ignored
 * @param reason      why, 1..1000 characters
 */
public record CopyRequest(long documentId, CopyKind kind, Integer copies, String destination, String reason) {
}
