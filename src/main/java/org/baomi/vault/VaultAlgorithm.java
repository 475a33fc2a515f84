package org.baomi.vault;

/**
 * Content encryption of stored files (DOC-9): SM4-GCM (GB/T 32907, the default for 商用密码 compliance) or
 * AES-256-GCM. Chosen by {@code baomi.vault.algorithm} for new files; every file keeps the algorithm it was stored
 * with.
 */
public enum VaultAlgorithm {
    SM4_GCM(16),
    AES_256_GCM(32);

    private final int keyBytes;

    VaultAlgorithm(int keyBytes) {
        this.keyBytes = keyBytes;
    }

    /** Length of the content key in bytes. */
    public int keyBytes() {
        return keyBytes;
    }
}
