package org.baomi.vault;

import java.util.List;

/**
 * Master-key rotation of the vault (DOC-9): a new master key version, then a job that re-wraps every data key with
 * it, without re-encrypting any content; an old version can be retired (destroyed) only when no data key uses it
 * and a grace period ({@code baomi.vault.retire-grace}, default one hour) has passed since it was superseded, so
 * that uploads still in flight on other instances when it was superseded are not lost.
 *
 * <p>No permission checks here: the screen or job that calls these decides (the security administrator's key
 * management). Each operation writes its audit record: {@code vault.master-key.rotated},
 * {@code vault.data-keys.rewrapped} (one per batch, with the count), {@code vault.master-key.retired}; a refused
 * retirement is recorded independently as {@code vault.master-key.retire-refused}.
 */
public interface VaultKeys {

    /** Key versions with the number of live (not shredded) data keys each wraps: the progress of a re-wrap. */
    record KeyStatus(List<MasterKeyProvider.KeyVersion> versions, java.util.Map<Integer, Long> dataKeysByVersion) {
    }

    /** Outcome of a re-wrap run. */
    record RewrapResult(int toVersion, long rewrapped, int batches) {
    }

    /**
     * A secret derived from the current master key for another module's keyed digests (see
     * {@link MasterKeyProvider#derive}): it stays outside the database and its backups, with the master key file.
     * Changes when the master key is rotated. Not audited (no content is read); no permission (internal callers).
     *
     * @param purpose a fixed label naming the use, e.g. {@code privacy/self-service/id-number}
     * @return 32 bytes
     */
    byte[] derivedSecret(String purpose);

    /** Versions and how many data keys each wraps now. Not audited: counts only. */
    KeyStatus status();

    /** Makes a new master key version current. Records {@code vault.master-key.rotated}; returns the version. */
    int rotate();

    /**
     * Re-wraps every live data key not wrapped by the current version, in batches of their own transactions (several
     * instances may run it at once: rows are locked and skipped). Progress is visible through {@link #status()}.
     */
    RewrapResult rewrapAll();

    /**
     * Destroys a superseded master key version.
     *
     * @throws org.baomi.shared.BaomiException CONFLICT ({@code vault.master-key.in-use}) while a data key uses it;
     *         CONFLICT ({@code vault.master-key.current}) for the current version; CONFLICT
     *         ({@code vault.master-key.too-recent}) within the grace period; NOT_FOUND for an unknown version
     */
    void retire(int version);
}
