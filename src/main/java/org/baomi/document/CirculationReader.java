package org.baomi.document;

import java.time.Instant;

/**
 * A reader of a circulation and how far they are (DOC-5).
 *
 * @param sentAt     when the document reached the reader; null while waiting for their turn
 * @param signedAt   when the reader signed (签阅), or null
 * @param signedName the full name signed
 * @param releasedAt when the reader's reading right ended (returned to the custodian), or null
 */
public record CirculationReader(long readerId, String readerName, int position, Instant sentAt, Instant signedAt,
        String signedName, Instant releasedAt) {
}
