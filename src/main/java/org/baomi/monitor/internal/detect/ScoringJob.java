package org.baomi.monitor.internal.detect;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.baomi.monitor.DetectionRunSummary;
import org.baomi.monitor.DetectionRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Issue 7 item 3: scores newly ingested access events every few minutes (default five), one instance at a time
 * (ShedLock). Off with {@code baomi.monitor.scoring-job=false} (the shared test context: tests run scoring
 * themselves, so that a job firing mid-test never changes alerts under another test).
 */
@Component
@ConditionalOnProperty(name = "baomi.monitor.scoring-job", havingValue = "true", matchIfMissing = true)
class ScoringJob {

    private static final Logger log = LoggerFactory.getLogger(ScoringJob.class);

    private final DetectionRuns runs;

    ScoringJob(DetectionRuns runs) {
        this.runs = runs;
    }

    @Scheduled(fixedDelayString = "${baomi.monitor.scoring-delay:PT5M}",
            initialDelayString = "${baomi.monitor.scoring-initial-delay:PT1M}")
    @SchedulerLock(name = "monitor.scoring", lockAtMostFor = "PT30M")
    public void scoreNew() {
        DetectionRunSummary summary = runs.scoreNew();
        if (summary.runId() != 0) {
            log.info("Scored {} access events: {} alerts, {} withdrawn", summary.events(), summary.alertCount(),
                    summary.withdrawn());
        }
    }
}
