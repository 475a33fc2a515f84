package org.baomi.audit.internal;

import java.time.Clock;
import java.util.Map;

import org.baomi.audit.AuditActor;
import org.baomi.audit.AuditChainBroken;
import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.audit.ChainBreakage;
import org.baomi.audit.VerificationMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Raises a broken chain (AUD-3): an audit entry {@code audit.chain.broken} (outcome FAILED) and the
 * {@link AuditChainBroken} event, committed together so that the event
 * publication registry delivers it to the incident module even after a crash.
 */
@Component
class ChainAlerts {

    static final String ACTION = "audit.chain.broken";
    private static final Logger log = LoggerFactory.getLogger(ChainAlerts.class);

    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ChainAlerts(AuditTrail audit, ApplicationEventPublisher events, PlatformTransactionManager transactions,
            Clock clock) {
        this.audit = audit;
        this.events = events;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    void broken(long seq, ChainBreakage breakage, VerificationMode mode, Map<String, ?> details) {
        log.error("Audit chain broken at sequence {}: {} {}", seq, breakage, details);
        transactions.executeWithoutResult(status -> {
            audit.record(new AuditEntry(AuditActor.system(), ACTION, "audit-chain", Long.toString(seq), null,
                    AuditOutcome.FAILED, breakage.messageKey(), details));
            events.publishEvent(new AuditChainBroken(clock.instant(), seq, breakage, mode));
        });
    }
}
