package org.baomi.approval.internal;

import java.time.Clock;
import java.time.Instant;

import org.baomi.approval.ApprovalOutcome;
import org.baomi.approval.ApprovalStatus;
import org.baomi.approval.internal.RequestStore.Request;
import org.baomi.approval.internal.RequestStore.Step;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deadlines of chain steps (issue 4 item 2), against the injected clock: a quarter of the step's time before its
 * deadline the approvers are reminded once; when the deadline passes the step goes to the escalation role's
 * holders as well, with a fresh deadline; when that passes too, the request expires. One request per
 * transaction, locked, so that two instances or a decision in between never act twice.
 */
@Component
class DeadlineJob {

    private final RequestStore store;
    private final StepRouter router;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DeadlineJob(RequestStore store, StepRouter router, PlatformTransactionManager transactions, Clock clock) {
        this.store = store;
        this.router = router;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${baomi.approval.deadline-check:PT1M}", initialDelayString = "PT1M")
    void scheduled() {
        runOnce();
    }

    /** @return how many steps were reminded, escalated or expired */
    int runOnce() {
        int acted = 0;
        for (long[] due : store.dueSteps(clock.instant())) {
            Boolean done = transactions.execute(status -> handle(due[0], (int) due[1]));
            acted += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return acted;
    }

    private boolean handle(long requestId, int number) {
        Request request = store.lock(requestId).orElse(null);
        if (request == null || request.status() != ApprovalStatus.PENDING || request.currentStep() != number) {
            return false;
        }
        Step step = store.step(requestId, number);
        Instant now = clock.instant();
        if (!"WAITING".equals(step.status())) {
            return false;
        }
        if (!now.isBefore(step.deadline())) {
            if (step.escalatedAt() == null) {
                router.escalate(request, step);
            } else {
                store.history(requestId, now, "DEADLINE_PASSED", number, null, null, null, null);
                router.end(request, ApprovalOutcome.EXPIRED, null, null);
            }
            return true;
        }
        if (step.remindedAt() == null) {
            router.remind(request, step);
            return true;
        }
        return false;
    }
}
