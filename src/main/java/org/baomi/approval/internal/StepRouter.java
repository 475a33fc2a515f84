package org.baomi.approval.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.baomi.approval.ApprovalDecided;
import org.baomi.approval.ApprovalKind;
import org.baomi.approval.ApprovalOutcome;
import org.baomi.approval.ApprovalStatus;
import org.baomi.approval.ApprovalTaskAssigned;
import org.baomi.approval.AssignmentReason;
import org.baomi.approval.ChainStep;
import org.baomi.approval.internal.RequestStore.Request;
import org.baomi.approval.internal.RequestStore.Step;
import org.baomi.audit.AuditActor;
import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessGrants;
import org.baomi.iam.AccessPerson;
import org.baomi.iam.IssueGrant;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.RoleHolders;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Moves a request along its chain (issue 4 items 2 and 3): opens steps with the people their rule selects (never
 * the requester, never someone who already approved), escalates when a deadline passes, and ends the request —
 * issuing the grant on approval. Runs inside the caller's transaction; every move is written to the history, the
 * audit trail and, where people must act or learn the outcome, as an event.
 */
@Component
class StepRouter {

    private final RequestStore store;
    private final RoleHolders roles;
    private final DelegationService delegations;
    private final AccessGrants grants;
    private final KindRegistry kinds;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;

    StepRouter(RequestStore store, RoleHolders roles, DelegationService delegations, AccessGrants grants,
            KindRegistry kinds, AuditTrail audit, ApplicationEventPublisher events, MessageSource messages,
            Clock clock) {
        this.store = store;
        this.roles = roles;
        this.delegations = delegations;
        this.grants = grants;
        this.kinds = kinds;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.messages = messages;
    }

    /**
     * Opens the step: its rule's holders are asked; when nobody is left to ask, the escalation role's holders;
     * when still nobody, the request expires (nobody could ever decide it).
     */
    void open(Request request, int number) {
        Instant now = clock.instant();
        Step step = store.step(request.id(), number);
        Set<Long> excluded = excluded(request);
        List<AccessPerson> people = eligible(holders(step.step(), request), excluded);
        boolean escalated = false;
        if (people.isEmpty()) {
            people = eligible(roles.activeHolders(request.escalationRole(), null), excluded);
            escalated = true;
        }
        if (people.isEmpty()) {
            store.history(request.id(), now, "NO_APPROVER", number, null, null, null, null);
            end(request, ApprovalOutcome.EXPIRED, null, null);
            return;
        }
        Instant deadline = now.plus(Duration.ofHours(step.step().deadlineHours()));
        store.openStep(request.id(), number, now, deadline, escalated);
        store.assign(request.id(), number, people, escalated ? "ESCALATION" : "NEW_STEP", now);
        store.history(request.id(), now, escalated ? "ESCALATED" : "STEP_OPENED", number, null, null, null, null);
        announce(request, people, escalated ? AssignmentReason.ESCALATION : AssignmentReason.NEW_STEP, deadline);
    }

    /** The deadline passed once: the escalation role's holders are asked too, with a fresh deadline. */
    void escalate(Request request, Step step) {
        Instant now = clock.instant();
        List<AccessPerson> already = store.assignees(request.id(), step.number());
        Set<Long> excluded = excluded(request);
        already.forEach(p -> excluded.add(p.personId()));
        List<AccessPerson> added = eligible(roles.activeHolders(request.escalationRole(), null), excluded);
        Instant deadline = now.plus(Duration.ofHours(step.step().deadlineHours()));
        store.assign(request.id(), step.number(), added, "ESCALATION", now);
        store.markEscalated(request.id(), step.number(), now, deadline);
        store.touch(request.id(), now);
        store.history(request.id(), now, "ESCALATED", step.number(), null, null, null, null);
        audit.record(new AuditEntry(AuditActor.system(), "approval.step.escalated", "approval",
                Long.toString(request.id()), request.level(), AuditOutcome.ALLOWED, null,
                Map.of("step", step.number(), "escalationRole", request.escalationRole(), "added", added.size())));
        List<AccessPerson> everyone = new ArrayList<>(already);
        everyone.addAll(added);
        announce(request, everyone, AssignmentReason.ESCALATION, deadline);
    }

    /** The deadline is near and nobody has decided: the same people are reminded once. */
    void remind(Request request, Step step) {
        Instant now = clock.instant();
        store.markReminded(request.id(), step.number(), now);
        store.history(request.id(), now, "REMINDED", step.number(), null, null, null, null);
        audit.record(new AuditEntry(AuditActor.system(), "approval.step.reminded", "approval",
                Long.toString(request.id()), request.level(), AuditOutcome.ALLOWED, null,
                Map.of("step", step.number())));
        announce(request, store.assignees(request.id(), step.number()), AssignmentReason.REMINDER, step.deadline());
    }

    /**
     * Ends the request. On approval of a kind that yields a grant, the grant is issued to the requester for the
     * wished duration (sourceApprovalId = the request id).
     *
     * @return the grant id, or null
     */
    Long end(Request request, ApprovalOutcome outcome, Long actorId, String actorName) {
        Instant now = clock.instant();
        Long grantId = null;
        ApprovalKind kind = kinds.find(request.kind()).orElse(null);
        if (outcome == ApprovalOutcome.APPROVED && kind != null && kind.grant() != null && request.action() != null) {
            String conditions = kind.grant().conditionsKey() == null ? null
                    : messages.getMessage(kind.grant().conditionsKey(), new Object[] {request.id()},
                            Locale.SIMPLIFIED_CHINESE);
            grantId = grants.issue(new IssueGrant(request.requesterId(), AccessAction.valueOf(request.action()),
                    new ResourceRef(request.subjectType(), request.subjectId()),
                    now.plus(Duration.ofDays(request.durationDays())), conditions, Long.toString(request.id())));
            store.history(request.id(), now, "GRANT_ISSUED", null, null, null, null, "#" + grantId);
        }
        store.cancelWaitingSteps(request.id());
        ApprovalStatus status = ApprovalStatus.valueOf(outcome.name());
        store.end(request.id(), status, grantId, now);
        store.history(request.id(), now, outcome.name(), null, actorId, actorName, null, null);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", request.kind());
        details.put("requesterId", request.requesterId());
        details.put("subject", request.subjectType() + ":" + request.subjectId());
        if (grantId != null) {
            details.put("grantId", grantId);
        }
        if (outcome == ApprovalOutcome.APPROVED || outcome == ApprovalOutcome.EXPIRED) {
            audit.record(new AuditEntry(actorId == null ? AuditActor.system() : null,
                    "approval.request." + outcome.name().toLowerCase(Locale.ROOT), "approval",
                    Long.toString(request.id()), request.level(), AuditOutcome.ALLOWED, null, details));
        }
        events.publishEvent(new ApprovalDecided(request.id(), request.kind(), request.requesterId(), outcome,
                request.subjectType(), request.subjectId(), request.level(), now, grantId));
        return grantId;
    }

    private void announce(Request request, List<AccessPerson> people, AssignmentReason reason, Instant deadline) {
        Set<Long> ids = new LinkedHashSet<>();
        Instant now = clock.instant();
        for (AccessPerson p : people) {
            ids.add(p.personId());
            // Those standing in for an approver on leave may decide now, so they are told too.
            ids.addAll(delegations.activeDelegatesOf(p.personId(), now));
        }
        ids.remove(request.requesterId());
        if (!ids.isEmpty()) {
            events.publishEvent(new ApprovalTaskAssigned(request.id(), request.kind(), request.level(),
                    List.copyOf(ids), reason, deadline));
        }
    }

    /** Who is never asked: the requester, and anyone who already approved a step of it (directly or by delegate). */
    private Set<Long> excluded(Request request) {
        Set<Long> excluded = new java.util.HashSet<>(store.approvers(request.id()));
        excluded.add(request.requesterId());
        return excluded;
    }

    private List<AccessPerson> holders(ChainStep step, Request request) {
        return switch (step.rule()) {
            case DEPARTMENT_HEAD -> request.requesterDepartmentId() == null ? List.of()
                    : roles.activeHolders(ChainStep.DEPARTMENT_HEAD_ROLE, request.requesterDepartmentId());
            case ROLE, PRESIDENT -> roles.activeHolders(step.effectiveRole(), null);
        };
    }

    private static List<AccessPerson> eligible(List<AccessPerson> people, Set<Long> excluded) {
        return people.stream().filter(p -> !excluded.contains(p.personId())).toList();
    }
}
