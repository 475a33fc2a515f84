package org.baomi.audit;

import java.time.Duration;
import java.time.Instant;

/**
 * The chain as it stands (AUD-3).
 *
 * @param headSequence        the last sealed sequence number (0: nothing sealed yet)
 * @param segment             the current segment (0: none yet)
 * @param hashAlgorithm       the current segment's hash algorithm, or the configured one before the first seal
 * @param unsealedEntries     committed or in-flight entries not yet in the chain that this instance can see
 * @param oldestUnsealedAge   how long the oldest of them has waited (zero when none)
 * @param sealingDelayBound   the current bound on the sealing delay: the seal interval plus the age of the oldest
 *                            running database transaction that holds a transaction id
 * @param latestAnchorId      the newest anchor, or null
 * @param latestAnchorSequence the sequence number it signs, or null
 * @param latestAnchorAt      when it was made, or null
 * @param anchorKeyId         the key that signs new anchors
 */
public record ChainStatus(long headSequence, int segment, String hashAlgorithm, long unsealedEntries,
        Duration oldestUnsealedAge, Duration sealingDelayBound, Long latestAnchorId, Long latestAnchorSequence,
        Instant latestAnchorAt, String anchorKeyId) {
}
