package org.baomi.document.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.baomi.document.DocumentCirculation;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** DOC-5: every quarter of an hour, circulations past their two days are flagged and chased. One instance at a time. */
@Component
class CirculationJob {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CirculationJob.class);

    private final DocumentCirculation circulation;

    CirculationJob(DocumentCirculation circulation) {
        this.circulation = circulation;
    }

    @Scheduled(cron = "0 */15 * * * *")
    @SchedulerLock(name = "document.circulation-overdue", lockAtMostFor = "PT10M")
    public void flagOverdue() {
        int flagged = circulation.flagOverdue();
        if (flagged > 0) {
            log.info("Flagged {} overdue circulations", flagged);
        }
    }
}
