package org.baomi.audit.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Archive settings (issue 8 item 6), under {@code baomi.audit.archive}.
 *
 * @param dir        where archive files are written (default {@code ./data/archive}); meant for write-once or
 *                   separately owned storage, like the anchor directory
 * @param maxEntries the most entries one archive file holds (whole batches; default 100,000)
 * @param cron       when the archive job runs (default 03:00 on the 1st of each month)
 */
@ConfigurationProperties("baomi.audit.archive")
public record AuditArchiveProperties(Path dir, Integer maxEntries, String cron) {

    public AuditArchiveProperties {
        dir = dir == null ? Path.of("data", "archive") : dir;
        maxEntries = maxEntries == null ? 100_000 : maxEntries;
        cron = cron == null ? "0 0 3 1 * *" : cron;
        if (maxEntries < 1) {
            throw new IllegalArgumentException("baomi.audit.archive.max-entries must be positive");
        }
    }
}
