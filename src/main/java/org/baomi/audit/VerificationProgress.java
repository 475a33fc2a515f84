package org.baomi.audit;

import java.time.Instant;

/**
 * A verification running in the background, or the last one this instance ran.
 *
 * @param running   still going
 * @param mode      full or incremental
 * @param checked   entries checked so far
 * @param total     entries to check (known once the run has read the head)
 * @param startedAt when it began
 * @param result    the result once finished, else null
 */
public record VerificationProgress(boolean running, VerificationMode mode, long checked, long total,
        Instant startedAt, VerificationResult result) {

    /** Whole per cent done, 0..100. */
    public int percent() {
        if (!running) {
            return 100;
        }
        return total <= 0 ? 0 : (int) Math.min(99, checked * 100 / total);
    }
}
