package org.baomi.iam.internal.access;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.AccessDecision;
import org.baomi.iam.AccessDeniedException;
import org.baomi.iam.AccessPolicy;
import org.baomi.iam.AccessRequest;
import org.baomi.iam.ResourceRef;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The decision point as the rest of Baomi calls it: {@link DecisionEngine} over this instance's model, plus the audit
 * record of every checked decision (non-negotiable 1: allowed in the caller's transaction when there is one, denied
 * always in its own).
 */
@Service
class DefaultAccessPolicy implements AccessPolicy {

    static final String ACTION_DECISION = "access.decision";
    static final String ACTION_BATCH = "access.decisions";

    private final AccessChangeFeed feed;
    private final AuditTrail audit;
    private final Clock clock;

    DefaultAccessPolicy(AccessChangeFeed feed, AuditTrail audit, Clock clock) {
        this.feed = feed;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public AccessDecision decide(AccessRequest request) {
        return DecisionEngine.decide(feed.model(), request, clock.millis());
    }

    @Override
    public List<AccessDecision> decideAll(List<AccessRequest> requests) {
        AccessModel model = feed.model();
        long now = clock.millis();
        List<AccessDecision> decisions = new ArrayList<>(requests.size());
        for (AccessRequest request : requests) {
            decisions.add(DecisionEngine.decide(model, request, now));
        }
        return decisions;
    }

    @Override
    public AccessDecision check(AccessRequest request) {
        AccessDecision decision = decide(request);
        ResourceRef resource = request.resource();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("person", request.personId());
        details.put("action", request.action().name());
        details.put("trail", decision.trailText());
        details.put("policyVersion", feed.model().policy().version().version());
        putIfPresent(details, "grant", decision.grantId());
        putIfPresent(details, "breakGlass", decision.breakGlassId());
        putIfPresent(details, "purpose", clip(request.context().purpose()));
        putIfPresent(details, "callingSystem", clip(request.context().callingSystem()));
        putIfPresent(details, "writtenLevel", request.context().writtenLevel());
        AuditEntry entry = new AuditEntry(null, ACTION_DECISION, resource.type(), resource.id(), decision.objectLevel(),
                decision.allowed() ? AuditOutcome.ALLOWED : AuditOutcome.DENIED, decision.reasonKey(), details,
                ResourceRef.PATIENT.equals(resource.type()) ? resource.id() : null);
        write(entry, decision.allowed());
        return decision;
    }

    /**
     * One {@code access.decisions} record for the whole batch (AUD-1: every decision audited, at the cost of one
     * record, not one per decision): {@code count}, {@code allowed}, {@code policyVersion} and {@code decisions}, one
     * compact line per decision in the order asked, {@code person ACTION type:id ALLOW|DENY reasonKey [grant:id]
     * [glass:id]}. The record names a patient (patient-centred search finds it) when the batch concerns exactly one;
     * a batch about several patients is found by its action and its lines only. The decisions are returned only
     * after the record is written: if the audit write fails, the batch fails.
     */
    @Override
    public List<AccessDecision> checkAll(List<AccessRequest> requests) {
        List<AccessDecision> decisions = decideAll(requests);
        List<String> lines = new ArrayList<>(decisions.size());
        boolean allAllowed = true;
        int allowed = 0;
        String patient = null;
        boolean onePatient = true;
        StringBuilder line = new StringBuilder(96);
        for (int i = 0; i < decisions.size(); i++) {
            AccessRequest request = requests.get(i);
            AccessDecision decision = decisions.get(i);
            allAllowed &= decision.allowed();
            allowed += decision.allowed() ? 1 : 0;
            ResourceRef resource = request.resource();
            if (ResourceRef.PATIENT.equals(resource.type())) {
                onePatient &= patient == null || patient.equals(resource.id());
                patient = resource.id();
            }
            line.setLength(0);
            line.append(request.personId()).append(' ').append(request.action().name()).append(' ')
                    .append(resource.type()).append(':').append(resource.id())
                    .append(decision.allowed() ? " ALLOW " : " DENY ").append(decision.reasonKey());
            if (decision.grantId() != null) {
                line.append(" grant:").append(decision.grantId());
            }
            if (decision.breakGlassId() != null) {
                line.append(" glass:").append(decision.breakGlassId());
            }
            lines.add(line.toString());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("count", decisions.size());
        details.put("allowed", allowed);
        details.put("policyVersion", feed.model().policy().version().version());
        details.put("decisions", lines);
        write(new AuditEntry(null, ACTION_BATCH, "batch", null, null, allAllowed ? AuditOutcome.ALLOWED : AuditOutcome.DENIED,
                allAllowed ? "access.batch.allowed" : "access.batch.some-denied", details,
                onePatient ? patient : null), allAllowed);
        return decisions;
    }

    @Override
    public AccessDecision require(AccessRequest request) {
        AccessDecision decision = check(request);
        if (!decision.allowed()) {
            throw new AccessDeniedException(request, decision);
        }
        return decision;
    }

    private void write(AuditEntry entry, boolean allowed) {
        if (allowed && TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            audit.record(entry);
        } else {
            audit.recordIndependently(entry);
        }
    }

    private static void putIfPresent(Map<String, Object> details, String key, Object value) {
        if (value != null) {
            details.put(key, value instanceof Enum<?> e ? e.name() : value);
        }
    }

    private static String clip(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 200);
    }
}
