package org.baomi.monitor.internal.cases;

import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.baomi.monitor.PrivacyCaseWorkflow;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Issue 7 item 4: the grouping rule every ten minutes, on one instance at a time (ShedLock). */
@Component
class CaseGroupingJob {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CaseGroupingJob.class);

    private final PrivacyCaseWorkflow workflow;

    CaseGroupingJob(PrivacyCaseWorkflow workflow) {
        this.workflow = workflow;
    }

    @Scheduled(cron = "${baomi.monitor.cases.grouping-cron:0 */10 * * * *}")
    @SchedulerLock(name = "monitor.case-grouping", lockAtMostFor = "PT9M")
    public void group() {
        List<Long> cases = workflow.group();
        if (!cases.isEmpty()) {
            log.info("Case grouping opened or added to {} cases", cases.size());
        }
    }
}
