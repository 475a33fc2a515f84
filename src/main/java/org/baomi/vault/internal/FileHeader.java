package org.baomi.vault.internal;

import org.baomi.vault.FileOwner;
import org.baomi.vault.LevelMark;
import org.baomi.vault.VaultAlgorithm;

/**
 * The parts of a file's header fixed before its first segment is encrypted; their digest is every segment's
 * associated data, so a segment only opens under the header of the file it was written for (DOC-9).
 */
record FileHeader(long fileId, VaultAlgorithm algorithm, int segmentSize, byte[] noncePrefix) {

    private static final String FORMAT = "baomi-vault-header/v1";

    byte[] digest() {
        return VaultKdf.sm3(new VaultKdf.Fields().add(FORMAT).add(fileId).add(algorithm.name()).add(segmentSize)
                .add(noncePrefix).bytes());
    }

    /** Associated data of the wrapped data key: it unwraps only for this file and algorithm. */
    byte[] keyContext() {
        return new VaultKdf.Fields().add("baomi-vault-key/v1").add(fileId).add(algorithm.name()).bytes();
    }

    /**
     * The level mark's MAC (DOC-9): binds owner, mark, size and segment count to the header under a key derived from
     * the data key, so that changing any of them in the database, or reading under another mark, is detected.
     */
    byte[] markMac(byte[] markKey, FileOwner owner, LevelMark mark, long size, long segments) {
        return VaultKdf.hmac(markKey, new VaultKdf.Fields().add("baomi-vault-mark/v1").add(digest())
                .add(owner.type()).add(owner.id()).add(mark.canonicalBytes()).add(size).add(segments).bytes());
    }
}
