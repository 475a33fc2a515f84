package org.baomi.vault.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.baomi.vault.MasterKeyProvider.KeyVersion;
import org.baomi.vault.VaultKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * DOC-9: after a rotation made on the key screen, moves every live data key to the current master key version, a batch
 * per transaction. One instance at a time runs it (ShedLock {@code vault.rewrap}); the batches lock their rows and
 * skip locked ones, so a manual {@code VaultKeys.rewrapAll()} on another instance does no harm. It acts only on an open
 * request ({@code vlt_rewrap_request}), so a rotation made elsewhere (an operator's, a test's) is left to whoever made
 * it; a request for a version that is no longer current is closed unworked (the later rotation has its own).
 */
@Component
class RewrapJob {

    private static final Logger log = LoggerFactory.getLogger(RewrapJob.class);

    private final VaultKeys keys;
    private final JdbcClient jdbc;
    private final Clock clock;

    RewrapJob(VaultKeys keys, JdbcClient jdbc, Clock clock) {
        this.keys = keys;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    static long openRequests(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM vlt_rewrap_request WHERE completed_at IS NULL").query(Long.class)
                .single();
    }

    @Scheduled(fixedDelayString = "${baomi.vault.rewrap-interval:PT1M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "vault.rewrap", lockAtMostFor = "PT30M")
    public void rewrapAfterRotation() {
        List<Integer> requested = jdbc.sql("SELECT to_version FROM vlt_rewrap_request WHERE completed_at IS NULL")
                .query(Integer.class).list();
        if (requested.isEmpty()) {
            return;
        }
        int current = keys.status().versions().stream().filter(KeyVersion::current).mapToInt(KeyVersion::version)
                .findFirst().orElseThrow();
        if (requested.contains(current) && pending() > 0) {
            VaultKeys.RewrapResult result = keys.rewrapAll();
            log.info("Vault re-wrap job: {} data keys moved to master key version {} in {} batches",
                    result.rewrapped(), result.toVersion(), result.batches());
        }
        // closed after one full run: a data key that does not unwrap stays where it is (the next read reports it as
        // tampered), and retrying it every minute would only repeat the warning
        jdbc.sql("UPDATE vlt_rewrap_request SET completed_at = :at WHERE completed_at IS NULL")
                .param("at", Timestamp.from(clock.instant())).update();
    }

    /** Live data keys not on the current version. */
    long pending() {
        VaultKeys.KeyStatus status = keys.status();
        long pending = 0;
        for (KeyVersion v : status.versions()) {
            if (!v.current()) {
                pending += status.dataKeysByVersion().getOrDefault(v.version(), 0L);
            }
        }
        return pending;
    }
}
