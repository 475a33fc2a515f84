package org.baomi.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of one verification of the audit chain (AUD-3).
 *
 * @param intact               no problem found
 * @param mode                 full or incremental
 * @param entriesChecked       chain entries whose hashes were recomputed
 * @param firstBrokenSequence  the lowest sequence number with a problem, or null when intact
 * @param breakage             the kind of that problem, or null
 * @param anchorId             the anchor the run started from (incremental) or the newest anchor checked; null
 *                             when there was none
 * @param verifiedToSequence   the chain head the run reached
 * @param duration             how long it took
 * @param finishedAt           when it ended
 * @param problems             the first problems found, lowest sequence number first (at most 50)
 */
public record VerificationResult(boolean intact, VerificationMode mode, long entriesChecked, Long firstBrokenSequence,
        ChainBreakage breakage, Long anchorId, long verifiedToSequence, Duration duration, Instant finishedAt,
        List<ChainProblem> problems) {

    public VerificationResult {
        problems = List.copyOf(problems);
    }
}
