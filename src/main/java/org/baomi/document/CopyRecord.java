package org.baomi.document;

import java.time.Instant;

/**
 * A numbered copy or excerpt (DOC-3): copy {@code number} of the {@code ofTotal} approved together, held by one
 * person.
 *
 * @param status AUTHORISED (approved, not made yet), MADE, RETURNED
 */
public record CopyRecord(long id, long documentId, CopyKind kind, int number, int ofTotal, long holderId,
        String holderName, String status, Instant authorisedAt, Instant madeAt, Instant returnedAt) {
}
