package org.baomi.audit;

import java.time.Instant;

/**
 * Published when a verification finds the audit chain broken (AUD-3), for the incident module to open an incident.
 * The audit and security administrators are also alerted on their home page and by an audit entry
 * {@code audit.chain.broken}.
 *
 * @param detectedAt          when the verification ended
 * @param firstBrokenSequence the lowest broken sequence number
 * @param breakage            the kind of damage found there
 * @param mode                the verification that found it
 */
public record AuditChainBroken(Instant detectedAt, long firstBrokenSequence, ChainBreakage breakage,
        VerificationMode mode) {
}
