package org.baomi.shared.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL that Baomi starts when no {@code spring.datasource.url} is given.
 *
 * @param dataDir        where the cluster lives; survives restarts
 * @param port           TCP port on localhost; 0 picks a free one, a held port falls back to a free one
 * @param durable        fsync, synchronous_commit and full_page_writes on (keep on: nothing acknowledged is lost)
 * @param cleanOnStart   wipe the data directory first (tests only)
 * @param startupTimeout how long to wait for the server, including crash recovery after a kill
 */
@ConfigurationProperties("baomi.embedded-db")
public record EmbeddedDatabaseProperties(Path dataDir, Integer port, Boolean durable, Boolean cleanOnStart,
        Duration startupTimeout) {

    public EmbeddedDatabaseProperties {
        dataDir = dataDir == null ? Path.of("data", "postgres") : dataDir;
        port = port == null ? 0 : port;
        durable = durable == null || durable;
        cleanOnStart = cleanOnStart != null && cleanOnStart;
        startupTimeout = startupTimeout == null ? Duration.ofSeconds(120) : startupTimeout;
    }
}
