package org.baomi.document;

import java.time.Instant;

/** A document carried out with approval (DOC-4), until the custodian records it back. */
public record CarryOutRecord(long id, long documentId, long holderId, String holderName, String destination,
        Instant authorisedAt, Instant returnedAt) {
}
