package org.baomi.print;

import java.time.Instant;

import org.baomi.shared.SecretLevel;

/**
 * Who got the copy with a trace code, and when (AUD-1, DOC-3): the answer to the confidentiality office's question.
 * Name and staff number are as they were when the copy was made.
 *
 * @param issuedById the account that made the copy (usually the reader; null when a module made it unattended)
 */
public record TraceRecord(TraceCode code, long personId, String staffNo, String personName, String objectType,
        String objectId, SecretLevel level, TracePurpose purpose, Instant issuedAt, Long issuedById) {
}
