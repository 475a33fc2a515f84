package org.baomi.vault.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.shared.SecretLevel;
import org.baomi.vault.FileOwner;
import org.baomi.vault.VaultTampered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The vault's audit records (AUD-1): what was done to which file, of which owner and level, in the caller's
 * transaction; tampering (DOC-9) in a transaction of its own, as a security event ({@code vault.file.tampered},
 * outcome FAILED) that survives the caller's rollback. Details never hold content, keys or MACs.
 */
@Component
class VaultAudit {

    static final String OBJECT_TYPE = "vault-file";
    static final String TAMPERED = "vault.file.tampered";
    private static final Logger log = LoggerFactory.getLogger(VaultAudit.class);

    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate independent;
    private final Clock clock;

    VaultAudit(AuditTrail audit, ApplicationEventPublisher events, PlatformTransactionManager transactions,
            Clock clock) {
        this.audit = audit;
        this.events = events;
        this.independent = new TransactionTemplate(transactions);
        this.independent.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    void fileAction(String action, long fileId, FileOwner owner, SecretLevel level, Map<String, ?> extra) {
        audit.record(new AuditEntry(null, action, OBJECT_TYPE, Long.toString(fileId), level, AuditOutcome.ALLOWED,
                null, details(owner, extra)));
    }

    /**
     * Tampering found: recorded at once, independently of the caller's transaction, logged without content, and
     * published as {@link VaultTampered} for the incident module.
     */
    void tampered(long fileId, FileOwner owner, SecretLevel level, String reasonKey, Map<String, ?> extra) {
        log.warn("Vault file {} failed its integrity check: {} {}", fileId, reasonKey, extra);
        AuditEntry entry = new AuditEntry(null, TAMPERED, OBJECT_TYPE, Long.toString(fileId), level,
                AuditOutcome.FAILED, reasonKey, details(owner, extra));
        // The record and the event commit together in a transaction of their own: the reader's transaction is rolled
        // back by the refusal, and an event published there would never reach an after-commit listener.
        independent.executeWithoutResult(tx -> {
            audit.record(entry);
            events.publishEvent(new VaultTampered(fileId, owner, level, reasonKey, clock.instant()));
        });
    }

    void keyAction(String action, String objectId, AuditOutcome outcome, String reasonKey, Map<String, ?> details) {
        AuditEntry entry = new AuditEntry(null, action, "vault-master-key", objectId, null, outcome, reasonKey, details);
        if (outcome == AuditOutcome.ALLOWED) {
            audit.record(entry);
        } else {
            audit.recordIndependently(entry);
        }
    }

    private static Map<String, Object> details(FileOwner owner, Map<String, ?> extra) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (owner != null) {
            details.put("ownerType", owner.type());
            details.put("ownerId", owner.id());
        }
        details.putAll(extra);
        return details;
    }
}
