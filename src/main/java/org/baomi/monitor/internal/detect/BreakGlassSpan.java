package org.baomi.monitor.internal.detect;

import java.time.Instant;

import org.baomi.iam.BreakGlassVerdict;

/**
 * A break-the-glass session of a person on a patient's record; only a review with verdict JUSTIFIED explains the
 * accesses in its time box (issue 7 item 2, ACC-4); verdict null while awaiting review.
 */
public record BreakGlassSpan(long personId, long patientId, Instant openedAt, Instant expiresAt,
        BreakGlassVerdict verdict) {
}
