package org.baomi.audit.internal.chain;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the tamper-evident chain (AUD-3), under {@code baomi.audit}.
 *
 * @param hashAlgorithm      SM3 (default) or SHA-256; a change starts a new segment at the next sealing
 * @param signatureAlgorithm SM2 (default) or ED25519 for anchors; a change creates a new anchor key at start-up
 * @param sealInterval       how often committed entries are sealed into the chain (default 250 ms)
 * @param sealBatchSize      at most this many entries per sealing transaction
 * @param anchorInterval     how often the head is anchored when it moved (default 1 minute); also on shutdown
 * @param anchorDir          where anchor files and public keys are written (default {@code ./data/anchors}); meant
 *                           for write-once or separately owned storage
 * @param retentionDays      days the trail stays online; at least {@value #MINIMUM_RETENTION_DAYS}
 * @param verificationCron   when the scheduled full verification runs (default 02:30 every day)
 */
@ConfigurationProperties("baomi.audit")
public record AuditChainProperties(HashAlgorithm hashAlgorithm, SignatureAlgorithm signatureAlgorithm,
        Duration sealInterval, Integer sealBatchSize, Duration anchorInterval, Path anchorDir, Integer retentionDays,
        String verificationCron) {

    /** 网络安全法 Art. 21 and AUD-3: network logs are kept at least six months. */
    public static final int MINIMUM_RETENTION_DAYS = 180;

    public AuditChainProperties {
        hashAlgorithm = hashAlgorithm == null ? HashAlgorithm.SM3 : hashAlgorithm;
        signatureAlgorithm = signatureAlgorithm == null ? SignatureAlgorithm.SM2 : signatureAlgorithm;
        sealInterval = sealInterval == null ? Duration.ofMillis(250) : sealInterval;
        sealBatchSize = sealBatchSize == null ? 10_000 : sealBatchSize;
        anchorInterval = anchorInterval == null ? Duration.ofMinutes(1) : anchorInterval;
        anchorDir = anchorDir == null ? Path.of("data", "anchors") : anchorDir;
        retentionDays = retentionDays == null ? MINIMUM_RETENTION_DAYS : retentionDays;
        verificationCron = verificationCron == null ? "0 30 2 * * *" : verificationCron;
        if (retentionDays < MINIMUM_RETENTION_DAYS) {
            throw new IllegalArgumentException("baomi.audit.retention-days is " + retentionDays
                    + ", but audit records must stay online at least " + MINIMUM_RETENTION_DAYS
                    + " days (AUD-3; Cybersecurity Law of the PRC, Art. 21). Set it to " + MINIMUM_RETENTION_DAYS
                    + " or more.");
        }
        if (sealInterval.isNegative() || sealInterval.isZero() || sealInterval.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("baomi.audit.seal-interval must be between 1 ms and 10 s");
        }
        if (anchorInterval.isNegative() || anchorInterval.isZero()) {
            throw new IllegalArgumentException("baomi.audit.anchor-interval must be positive");
        }
        if (sealBatchSize < 1) {
            throw new IllegalArgumentException("baomi.audit.seal-batch-size must be positive");
        }
    }
}
