package org.baomi.iam.internal.login;

import java.time.Clock;
import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drops operational login-attempt rows after 30 days; they only feed throttling. The permanent record of
 * every attempt is the audit trail. Runs on one instance at a time (ShedLock lease).
 */
@Component
class LoginAttemptRetentionJob {

    static final Duration RETENTION = Duration.ofDays(30);
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LoginAttemptRetentionJob.class);

    private final LoginAttempts attempts;
    private final Clock clock;

    LoginAttemptRetentionJob(LoginAttempts attempts, Clock clock) {
        this.attempts = attempts;
        this.clock = clock;
    }

    @Scheduled(cron = "0 17 3 * * *")
    @SchedulerLock(name = "iam.login-attempt-retention", lockAtMostFor = "PT30M")
    @Transactional
    public void purge() {
        int purged = attempts.purgeBefore(clock.instant().minus(RETENTION));
        log.info("Purged {} login attempts older than {}", purged, RETENTION);
    }
}
