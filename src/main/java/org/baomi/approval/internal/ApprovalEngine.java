package org.baomi.approval.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.baomi.approval.ApprovalChains;
import org.baomi.approval.ApprovalKind;
import org.baomi.approval.ApprovalOutcome;
import org.baomi.approval.ApprovalPermissions;
import org.baomi.approval.ApprovalStatus;
import org.baomi.approval.Approvals;
import org.baomi.approval.ChainConfiguration;
import org.baomi.approval.ChainStep;
import org.baomi.approval.FormField;
import org.baomi.approval.SubmitApproval;
import org.baomi.approval.internal.RequestStore.Request;
import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.AccessAction;
import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.iam.ProtectedObject;
import org.baomi.iam.ProtectedObjects;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.StaffPrincipal;
import org.baomi.shared.BaomiException;
import org.baomi.shared.SecretLevel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The engine's commands (issue 4 item 2): submit, decide, bulk approve, withdraw. */
@Service
class ApprovalEngine implements Approvals {

    static final int MAX_REASON = 1000;
    static final int MAX_BULK = 50;

    private final KindRegistry kinds;
    private final ApprovalChains chains;
    private final RequestStore store;
    private final StepRouter router;
    private final DelegationService delegations;
    private final ProtectedObjects objects;
    private final Callers callers;
    private final AuditTrail audit;
    private final Clock clock;

    ApprovalEngine(KindRegistry kinds, ApprovalChains chains, RequestStore store, StepRouter router,
            DelegationService delegations, ProtectedObjects objects, Callers callers, AuditTrail audit, Clock clock) {
        this.kinds = kinds;
        this.chains = chains;
        this.store = store;
        this.router = router;
        this.delegations = delegations;
        this.objects = objects;
        this.callers = callers;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public long submit(SubmitApproval request) {
        if (request == null) {
            throw new InvalidInputException(List.of(new FieldProblem("kind", "approval.error.kind-unknown")));
        }
        StaffPrincipal requester = callers.actingAs(request.requesterId(), ApprovalPermissions.SCOPE_SUBMIT);
        return submitAs(requester, request, callers.callingSystem());
    }

    /** Submits for the person without asking who calls: for the demo data, made by Baomi itself. */
    long submitAs(StaffPrincipal requester, SubmitApproval request, String callingSystem) {
        List<FieldProblem> problems = new ArrayList<>();
        ApprovalKind kind = kinds.find(request.kind()).orElse(null);
        if (kind == null) {
            throw new InvalidInputException(List.of(new FieldProblem("kind", "approval.error.kind-unknown")));
        }
        ProtectedObject subject = subject(kind, request, problems);
        String action = action(kind, request.action(), problems);
        String reason = text(request.reason(), MAX_REASON, "reason", problems);
        int days = duration(kind, request.durationDays(), problems);
        Map<String, String> fields = fields(kind, request.fields(), problems);
        if (subject != null && kind.grant() != null && !requester.clearance().atLeast(subject.level())) {
            // A grant satisfies need-to-know only; it never lifts a clearance (CLS-1), so asking would be in vain.
            problems.add(new FieldProblem("subjectId", "approval.error.above-clearance"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (store.hasPending(requester.accountId(), kind.code(), subject.ref().type(), subject.ref().id(), action)) {
            throw BaomiException.conflict("approval.error.duplicate");
        }
        ChainConfiguration chain = chains.current(kind.code());
        List<ChainStep> steps = ChainService.applied(chain.steps(), subject.level());
        Instant now = clock.instant();
        long id = store.insert(new RequestStore.NewRequest(kind.code(), requester.accountId(), requester.staffNo(),
                requester.fullName(), requester.departmentId(), subject.ref().type(), subject.ref().id(),
                subject.level(), action, reason, fields, days, chain.version(), chain.escalationRole(), callingSystem),
                steps, now);
        store.history(id, now, "SUBMITTED", null, requester.accountId(), requester.fullName(), null, reason);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", kind.code());
        details.put("requesterId", requester.accountId());
        details.put("subject", subject.ref().toString());
        details.put("action", action == null ? "" : action);
        details.put("durationDays", days);
        details.put("chainVersion", chain.version());
        details.put("steps", steps.stream().map(ChainService::describe).toList().toString());
        if (callingSystem != null) {
            details.put("callingSystem", callingSystem);
        }
        audit.record(new AuditEntry(null, "approval.request.submitted", "approval", Long.toString(id),
                subject.level(), AuditOutcome.ALLOWED, null, details));
        router.open(store.find(id).orElseThrow(), 1);
        return id;
    }

    @Override
    @Transactional
    public void decide(long approvalId, long deciderId, boolean approve, String comment, int expectedVersion) {
        StaffPrincipal decider = callers.actingAs(deciderId, ApprovalPermissions.SCOPE_DECIDE);
        Request request = store.lock(approvalId)
                .orElseThrow(() -> BaomiException.notFound("approval.error.not-found"));
        if (expectedVersion >= 0 && expectedVersion != request.version()) {
            throw BaomiException.conflict("approval.error.stale");
        }
        decideLocked(request, decider, approve, comment);
    }

    /** Decides for the person without asking who calls: for the demo data, made by Baomi itself. */
    void decideAs(StaffPrincipal decider, long approvalId, boolean approve, String comment) {
        decideLocked(store.lock(approvalId).orElseThrow(), decider, approve, comment);
    }

    private void decideLocked(Request request, StaffPrincipal decider, boolean approve, String comment) {
        String cleanComment = comment == null ? "" : comment.strip();
        if (!approve && cleanComment.isEmpty()) {
            throw new InvalidInputException(List.of(new FieldProblem("comment", "approval.error.comment.required")));
        }
        if (cleanComment.length() > MAX_REASON) {
            throw new InvalidInputException(List.of(new FieldProblem("comment", "approval.error.reason.too-long",
                    MAX_REASON)));
        }
        if (request.status() != ApprovalStatus.PENDING) {
            throw refused(request, decider, BaomiException.Kind.CONFLICT, "approval.error.not-pending");
        }
        if (request.requesterId() == decider.accountId()) {
            throw refused(request, decider, BaomiException.Kind.FORBIDDEN, "approval.error.own-request");
        }
        if (!decider.hasPermission(ApprovalPermissions.DECIDE)) {
            throw refused(request, decider, BaomiException.Kind.FORBIDDEN, "approval.error.not-approver");
        }
        Instant now = clock.instant();
        int number = request.currentStep();
        List<Long> assignees = store.assignees(request.id(), number).stream().map(p -> p.personId()).toList();
        Long onBehalfOf = null;
        if (!assignees.contains(decider.accountId())) {
            // Delegation while on leave: counts only while it lasts (checked now, not when the step opened).
            onBehalfOf = delegations.activeDelegatorsTo(decider.accountId(), now).stream()
                    .filter(assignees::contains).findFirst().orElse(null);
            if (onBehalfOf == null) {
                throw refused(request, decider, BaomiException.Kind.FORBIDDEN, "approval.error.not-approver");
            }
        }
        var approvers = store.approvers(request.id());
        if (approvers.contains(decider.accountId()) || (onBehalfOf != null && approvers.contains(onBehalfOf))) {
            throw refused(request, decider, BaomiException.Kind.FORBIDDEN, "approval.error.approved-twice");
        }
        String behalfName = null;
        if (onBehalfOf != null) {
            long behalfId = onBehalfOf;
            behalfName = store.assignees(request.id(), number).stream().filter(p -> p.personId() == behalfId)
                    .map(p -> p.fullName()).findFirst().orElse(null);
        }
        store.decideStep(request.id(), number, approve, decider.accountId(), decider.fullName(), onBehalfOf,
                behalfName, cleanComment.isEmpty() ? null : cleanComment, now);
        store.history(request.id(), now, approve ? "STEP_APPROVED" : "STEP_REFUSED", number, decider.accountId(),
                decider.fullName(), behalfName, cleanComment.isEmpty() ? null : cleanComment);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("step", number);
        details.put("kind", request.kind());
        details.put("requesterId", request.requesterId());
        if (onBehalfOf != null) {
            details.put("onBehalfOf", onBehalfOf);
        }
        if (!cleanComment.isEmpty()) {
            details.put("comment", cleanComment);
        }
        audit.record(new AuditEntry(null, approve ? "approval.step.approved" : "approval.request.refused", "approval",
                Long.toString(request.id()), request.level(), AuditOutcome.ALLOWED, null, details));
        if (!approve) {
            router.end(request, ApprovalOutcome.REFUSED, decider.accountId(), decider.fullName());
        } else if (number < request.stepCount()) {
            router.open(store.find(request.id()).orElseThrow(), number + 1);
        } else {
            router.end(request, ApprovalOutcome.APPROVED, decider.accountId(), decider.fullName());
        }
    }

    @Override
    @Transactional
    public int approveAll(List<Long> approvalIds, long deciderId, String comment) {
        StaffPrincipal decider = callers.actingAs(deciderId, ApprovalPermissions.SCOPE_DECIDE);
        if (approvalIds == null || approvalIds.isEmpty()) {
            throw new InvalidInputException(List.of(new FieldProblem("ids", "approval.error.bulk.empty")));
        }
        if (approvalIds.size() > MAX_BULK) {
            throw new InvalidInputException(List.of(new FieldProblem("ids", "approval.error.bulk.too-many", MAX_BULK)));
        }
        List<Request> requests = new ArrayList<>();
        for (Long id : approvalIds.stream().distinct().sorted().toList()) {
            Request request = store.lock(id).orElseThrow(() -> BaomiException.notFound("approval.error.not-found"));
            Optional<ApprovalKind> kind = kinds.find(request.kind());
            // Issue 4 item 4: bulk only where the kind allows it, never for 机密/绝密 subjects.
            if (kind.isEmpty() || !kind.get().bulkAllowed() || request.level().atLeast(SecretLevel.HIGHLY_SECRET)) {
                throw new InvalidInputException(List.of(new FieldProblem("ids", "approval.error.bulk.not-allowed",
                        id)));
            }
            requests.add(request);
        }
        for (Request request : requests) {
            decideLocked(request, decider, true, comment);
        }
        return requests.size();
    }

    @Override
    @Transactional
    public void withdraw(long approvalId, long requesterId, String reason) {
        StaffPrincipal requester = callers.actingAs(requesterId, ApprovalPermissions.SCOPE_SUBMIT);
        Request request = store.lock(approvalId)
                .orElseThrow(() -> BaomiException.notFound("approval.error.not-found"));
        if (request.requesterId() != requesterId) {
            throw refused(request, requester, BaomiException.Kind.FORBIDDEN, "approval.error.not-requester");
        }
        String cleanReason = reason == null ? "" : reason.strip();
        if (cleanReason.isEmpty()) {
            throw new InvalidInputException(List.of(new FieldProblem("reason", "approval.error.reason.required")));
        }
        if (cleanReason.length() > MAX_REASON) {
            throw new InvalidInputException(List.of(new FieldProblem("reason", "approval.error.reason.too-long",
                    MAX_REASON)));
        }
        if (request.status() != ApprovalStatus.PENDING) {
            throw refused(request, requester, BaomiException.Kind.CONFLICT, "approval.error.not-pending");
        }
        audit.record(new AuditEntry(null, "approval.request.withdrawn", "approval", Long.toString(approvalId),
                request.level(), AuditOutcome.ALLOWED, null, Map.of("reason", cleanReason)));
        store.history(approvalId, clock.instant(), "WITHDRAWN_REASON", null, requesterId, requester.fullName(), null,
                cleanReason);
        router.end(request, ApprovalOutcome.WITHDRAWN, requesterId, requester.fullName());
    }

    /** A rule the engine enforces was broken: recorded in its own transaction, then thrown. */
    private BaomiException refused(Request request, StaffPrincipal person, BaomiException.Kind kind, String key) {
        Map<String, Object> details = new HashMap<>();
        details.put("personId", person.accountId());
        details.put("status", request.status().name());
        details.put("step", request.currentStep());
        audit.recordIndependently(new AuditEntry(null, "approval.request.refused-action", "approval",
                Long.toString(request.id()), request.level(), AuditOutcome.DENIED, key, details));
        return new BaomiException(kind, key);
    }

    private ProtectedObject subject(ApprovalKind kind, SubmitApproval request, List<FieldProblem> problems) {
        ResourceRef ref;
        try {
            ref = new ResourceRef(request.subjectType() == null ? null : request.subjectType().strip(),
                    request.subjectId() == null ? null : request.subjectId().strip());
        } catch (BaomiException e) {
            problems.add(new FieldProblem("subjectId", "approval.error.subject-invalid"));
            return null;
        }
        if (kind.subjectType() != null && !kind.subjectType().equals(ref.type())) {
            problems.add(new FieldProblem("subjectType", "approval.error.subject-type"));
            return null;
        }
        Optional<ProtectedObject> object = objects.find(ref);
        if (object.isEmpty()) {
            problems.add(new FieldProblem("subjectId", "approval.error.subject-unknown"));
            return null;
        }
        return object.get();
    }

    private static String action(ApprovalKind kind, String action, List<FieldProblem> problems) {
        if (kind.grant() == null) {
            return null;
        }
        AccessAction parsed = null;
        try {
            parsed = action == null ? null : AccessAction.valueOf(action.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            parsed = null;
        }
        if (parsed == null || !kind.grant().actions().contains(parsed)) {
            problems.add(new FieldProblem("action", "approval.error.action"));
            return null;
        }
        return parsed.name();
    }

    private static int duration(ApprovalKind kind, Integer days, List<FieldProblem> problems) {
        if (kind.grant() == null) {
            return 1;
        }
        if (days == null) {
            return kind.grant().defaultDays();
        }
        if (days < 1 || days > kind.grant().maxDays()) {
            problems.add(new FieldProblem("durationDays", "approval.error.duration", kind.grant().maxDays()));
        }
        return days;
    }

    private static Map<String, String> fields(ApprovalKind kind, Map<String, String> values,
            List<FieldProblem> problems) {
        Map<String, String> clean = new LinkedHashMap<>();
        for (String name : values.keySet()) {
            if (kind.fields().stream().noneMatch(f -> f.name().equals(name))) {
                problems.add(new FieldProblem("fields", "approval.error.field-unknown"));
            }
        }
        for (FormField field : kind.fields()) {
            String value = values.get(field.name()) == null ? "" : values.get(field.name()).strip();
            if (value.isEmpty() && field.required()) {
                problems.add(new FieldProblem(field.name(), "approval.error.field-required"));
            } else if (value.length() > field.maxLength()) {
                problems.add(new FieldProblem(field.name(), "approval.error.reason.too-long", field.maxLength()));
            } else if (!value.isEmpty()) {
                clean.put(field.name(), value);
            }
        }
        return clean;
    }

    private static String text(String value, int max, String field, List<FieldProblem> problems) {
        String clean = value == null ? "" : value.strip();
        if (clean.isEmpty()) {
            problems.add(new FieldProblem(field, "approval.error.reason.required"));
        } else if (clean.length() > max) {
            problems.add(new FieldProblem(field, "approval.error.reason.too-long", max));
        } else if (clean.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r')) {
            problems.add(new FieldProblem(field, "approval.error.control-characters"));
        }
        return clean;
    }
}
