package org.baomi.vault.internal;

import java.time.Instant;

import org.baomi.shared.SecretLevel;
import org.baomi.vault.FileOwner;
import org.baomi.vault.LevelMark;
import org.baomi.vault.StoredFileInfo;
import org.baomi.vault.VaultAlgorithm;

/** One row of {@code vlt_file}. */
record FileRow(long id, String ownerType, String ownerId, SecretLevel level, String marking, String mediaType,
        VaultAlgorithm algorithm, int segmentSize, int segmentCount, long plaintextSize, byte[] noncePrefix,
        byte[] wrappedKey, int masterKeyVersion, byte[] markMac, Instant storedAt, Instant shreddedAt,
        Long shreddedBy, String shredReason) {

    FileHeader header() {
        return new FileHeader(id, algorithm, segmentSize, noncePrefix);
    }

    boolean shredded() {
        return wrappedKey == null;
    }

    /** The stored owner, or null when the row no longer holds a valid one (tampered). */
    FileOwner ownerOrNull() {
        try {
            return new FileOwner(ownerType, ownerId);
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    LevelMark markOrNull() {
        try {
            return new LevelMark(level, marking);
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    StoredFileInfo info() {
        return new StoredFileInfo(id, ownerOrNull(), markOrNull(), plaintextSize, segmentCount, algorithm,
                masterKeyVersion, storedAt, shredded(), shreddedAt, shreddedBy, shredReason);
    }
}
