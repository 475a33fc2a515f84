package org.baomi.vault.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.baomi.vault.VaultAlgorithm;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the encrypted file store (DOC-9), under {@code baomi.vault}.
 *
 * @param algorithm     content encryption of new files and of new master key versions (default SM4_GCM)
 * @param masterKeyFile the versioned master key file, outside the database (production: a mounted secret, mode 600);
 *                      unset with the embedded database: {@code vault-master.keys} beside its data directory, created
 *                      on first start; unset with an external database: start-up fails
 * @param segmentSize   plaintext bytes per encrypted segment, 16 KiB to 4 MiB (default 256 KiB)
 * @param retireGrace   how long a superseded master key version must stay before it may be retired (default 1 h)
 * @param rewrapBatch   data keys re-wrapped per transaction (default 500)
 */
@ConfigurationProperties("baomi.vault")
public record VaultProperties(VaultAlgorithm algorithm, Path masterKeyFile, Integer segmentSize,
        Duration retireGrace, Integer rewrapBatch) {

    public static final int DEFAULT_SEGMENT_SIZE = 256 * 1024;

    public VaultProperties {
        algorithm = algorithm == null ? VaultAlgorithm.SM4_GCM : algorithm;
        segmentSize = segmentSize == null ? DEFAULT_SEGMENT_SIZE : segmentSize;
        retireGrace = retireGrace == null ? Duration.ofHours(1) : retireGrace;
        rewrapBatch = rewrapBatch == null ? 500 : rewrapBatch;
        if (segmentSize < 16 * 1024 || segmentSize > 4 * 1024 * 1024) {
            throw new IllegalArgumentException("baomi.vault.segment-size must be between 16384 and 4194304 bytes");
        }
        if (retireGrace.isNegative()) {
            throw new IllegalArgumentException("baomi.vault.retire-grace must not be negative");
        }
        if (rewrapBatch < 1) {
            throw new IllegalArgumentException("baomi.vault.rewrap-batch must be positive");
        }
    }
}
