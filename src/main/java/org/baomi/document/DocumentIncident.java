package org.baomi.document;

import java.time.Instant;

/**
 * The minimal incident record of DOC-8 ({@code doc_incident}): who reported what, when, and whether the office has
 * closed it. The incident issue extends it.
 *
 * @param copyId the copy concerned, or null
 * @param status OPEN or CLOSED
 */
public record DocumentIncident(long id, long documentId, Long copyId, LossKind kind, String circumstances,
        String reportedByName, Instant reportedAt, String status, Instant closedAt) {
}
