package org.baomi.iam.internal.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drops change-log rows a day old: they only tell running instances what to reload, and every instance has long
 * applied them (an instance that starts loads everything). The permanent record of each change is the audit trail
 * and the rows themselves (grants, versions, sessions are never deleted). One instance at a time (ShedLock).
 */
@Component
class AccessChangeRetentionJob {

    static final Duration RETENTION = Duration.ofDays(1);
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AccessChangeRetentionJob.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    AccessChangeRetentionJob(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(cron = "0 37 * * * *")
    @SchedulerLock(name = "iam.access-change-retention", lockAtMostFor = "PT30M")
    @Transactional
    public void purge() {
        int purged = jdbc.sql("DELETE FROM iam_access_change WHERE changed_at < :before")
                .param("before", Timestamp.from(clock.instant().minus(RETENTION))).update();
        log.info("Purged {} access change-log rows older than {}", purged, RETENTION);
    }
}
