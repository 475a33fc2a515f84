package org.baomi.vault;

import java.time.Instant;

/**
 * What the vault knows about a stored file, without its content.
 *
 * @param id               the file's id, to keep in the owner's record
 * @param owner            the business object it belongs to
 * @param levelMark        the mark currently bound to it
 * @param size             plaintext size in bytes
 * @param segments         number of encrypted segments
 * @param algorithm        content encryption
 * @param masterKeyVersion version of the master key that wraps its data key now
 * @param storedAt         when it was stored
 * @param shredded         whether its data key was destroyed (DOC-7); its content can then never be read again
 * @param shreddedAt       when, or null
 * @param shreddedBy       account id of who shredded it, or null (not shredded, or done by the system)
 * @param shredReason      why, or null
 */
public record StoredFileInfo(long id, FileOwner owner, LevelMark levelMark, long size, int segments,
        VaultAlgorithm algorithm, int masterKeyVersion, Instant storedAt, boolean shredded, Instant shreddedAt,
        Long shreddedBy, String shredReason) {
}
