package org.baomi.vault;

import java.time.Instant;
import java.util.List;

/**
 * The security administrator's key management screen (DOC-9): master key versions with the data keys each wraps,
 * rotation, retirement of a version nothing uses any more. Every method needs {@link VaultPermissions#KEYS_MANAGE}
 * (a refusal is audited {@code access.denied}); the operations audit as {@link VaultKeys} does. After a rotation the
 * scheduled re-wrap job (ShedLock {@code vault.rewrap}) moves every data key to the current version; the overview shows
 * its progress.
 */
public interface VaultKeyAdministration {

    /**
     * One master key version as the screen shows it.
     *
     * @param dataKeys  live (not shredded) data keys wrapped by it
     * @param retirable superseded, past the grace period and wrapping no data key: it may be retired now
     */
    record Version(int version, String algorithm, boolean current, Instant supersededAt, long dataKeys,
            boolean retirable) {
    }

    /**
     * @param pending   data keys not yet re-wrapped to the current version (0: the re-wrap is complete)
     * @param rewrapping a rotation made here awaits the re-wrap job
     */
    record Overview(List<Version> versions, long pending, long total, boolean rewrapping) {

        public Overview {
            versions = List.copyOf(versions);
        }

        /** Percentage of live data keys on the current version (100 when there are none). */
        public int percentDone() {
            return total == 0 ? 100 : (int) ((total - pending) * 100 / total);
        }
    }

    /** Versions, counts and the re-wrap's progress. Counts only: not audited. */
    Overview overview();

    /**
     * Makes a new master key version current ({@code vault.master-key.rotated}) and asks the scheduled re-wrap job to
     * move every data key to it.
     */
    int rotate();

    /**
     * Retires (destroys) a superseded version nothing uses ({@code vault.master-key.retired}).
     *
     * @throws org.baomi.shared.BaomiException CONFLICT (current, too recent, in use: recorded
     *         {@code vault.master-key.retire-refused}), NOT_FOUND
     */
    void retire(int version);
}
