package org.baomi.approval.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.baomi.approval.ApprovalBox;
import org.baomi.approval.ApprovalDetail;
import org.baomi.approval.ApprovalEvent;
import org.baomi.approval.ApprovalFilter;
import org.baomi.approval.ApprovalPage;
import org.baomi.approval.ApprovalPermissions;
import org.baomi.approval.ApprovalQueries;
import org.baomi.approval.ApprovalStatus;
import org.baomi.approval.ApprovalStepView;
import org.baomi.approval.ApprovalSummary;
import org.baomi.approval.internal.RequestStore.Request;
import org.baomi.approval.internal.RequestStore.Step;
import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.AccessPerson;
import org.baomi.iam.StaffPrincipal;
import org.baomi.shared.BaomiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The inbox, the person's requests, what they decided, and a request's detail (issue 4 item 4). */
@Service
class ApprovalReads implements ApprovalQueries {

    private final JdbcClient jdbc;
    private final RequestStore store;
    private final DelegationService delegations;
    private final Callers callers;
    private final AuditTrail audit;
    private final Clock clock;

    ApprovalReads(JdbcClient jdbc, RequestStore store, DelegationService delegations, Callers callers,
            AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.delegations = delegations;
        this.callers = callers;
        this.audit = audit;
        this.clock = clock;
    }

    /** Who may decide the current step: the assignees and, while their delegation lasts, their delegates. */
    private static final String WAITING_FOR = """
            r.status = 'PENDING' AND r.requester_id <> :person AND EXISTS (
              SELECT 1 FROM apr_assignment a WHERE a.request_id = r.id AND a.step_no = r.current_step
                AND (a.person_id = :person OR a.person_id IN (SELECT d.delegator_id FROM apr_delegation d
                     WHERE d.delegate_id = :person AND d.revoked_at IS NULL AND d.valid_from <= :now
                       AND d.valid_until > :now)))
              AND NOT EXISTS (SELECT 1 FROM apr_step s WHERE s.request_id = r.id AND s.status = 'APPROVED'
                AND (s.decided_by = :person OR s.on_behalf_of = :person))""";

    static String waitingFor() {
        return WAITING_FOR;
    }

    @Override
    @Transactional(readOnly = true)
    public ApprovalPage list(long personId, ApprovalFilter filter) {
        callers.actingAs(personId, ApprovalPermissions.SCOPE_READ);
        String where = switch (filter.box()) {
            case WAITING -> WAITING_FOR;
            case MINE -> "r.requester_id = :person";
            case DECIDED -> "EXISTS (SELECT 1 FROM apr_step s WHERE s.request_id = r.id AND s.decided_by = :person)";
        };
        where += " AND (CAST(:status AS text) IS NULL OR r.status = :status)"
                + " AND (CAST(:kind AS text) IS NULL OR r.kind = :kind)"
                + " AND (CAST(:level AS text) IS NULL OR r.level = :level)";
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("person", personId);
        params.put("now", RequestStore.ts(clock.instant()));
        params.put("status", filter.status() == null ? null : filter.status().name());
        params.put("kind", filter.kind() == null || filter.kind().isBlank() ? null : filter.kind());
        params.put("level", filter.level() == null ? null : filter.level().name());
        long total = jdbc.sql("SELECT count(*) FROM apr_request r WHERE " + where).params(params)
                .query(Long.class).single();
        params.put("limit", filter.size());
        params.put("offset", (long) filter.page() * filter.size());
        String order = filter.box() == ApprovalBox.WAITING ? "deadline NULLS LAST, r.id" : "r.submitted_at DESC, r.id DESC";
        List<ApprovalSummary> items = jdbc.sql("SELECT " + RequestStore.REQUEST_COLUMNS + ", s.deadline FROM apr_request r"
                + " LEFT JOIN apr_step s ON s.request_id = r.id AND s.step_no = r.current_step WHERE " + where
                + " ORDER BY " + order + " LIMIT :limit OFFSET :offset").params(params)
                .query((rs, n) -> summary(RequestStore.request(rs, n), RequestStore.instant(rs, "deadline"))).list();
        return new ApprovalPage(items, filter.page(), filter.size(), total);
    }

    @Override
    @Transactional
    public ApprovalDetail detail(long approvalId, long viewerId) {
        StaffPrincipal viewer = callers.actingAs(viewerId, ApprovalPermissions.SCOPE_READ);
        Request request = store.find(approvalId).orElseThrow(() -> BaomiException.notFound("approval.error.not-found"));
        List<Step> steps = store.steps(approvalId);
        Instant now = clock.instant();
        Set<Long> involved = new HashSet<>();
        involved.add(request.requesterId());
        List<ApprovalStepView> views = new ArrayList<>();
        List<AccessPerson> current = List.of();
        for (Step s : steps) {
            List<AccessPerson> assignees = store.assignees(approvalId, s.number());
            assignees.forEach(p -> involved.add(p.personId()));
            if (s.decidedBy() != null) {
                involved.add(s.decidedBy());
            }
            if (s.number() == request.currentStep()) {
                current = assignees;
            }
            views.add(new ApprovalStepView(s.number(), s.step(), s.status(), s.openedAt(), s.deadline(),
                    s.escalatedAt() != null, assignees, person(s.decidedBy(), s.decidedByName()),
                    person(s.onBehalfOf(), s.onBehalfOfName()), s.decidedAt(), s.comment()));
        }
        List<Long> delegators = delegations.activeDelegatorsTo(viewerId, now);
        boolean delegateOfCurrent = current.stream().anyMatch(p -> delegators.contains(p.personId()));
        if (!involved.contains(viewerId) && !delegateOfCurrent) {
            audit.recordIndependently(new AuditEntry(null, "access.denied", "approval", Long.toString(approvalId),
                    request.level(), AuditOutcome.DENIED, "approval.error.not-involved", Map.of("personId", viewerId)));
            throw BaomiException.forbidden("approval.error.not-involved");
        }
        Set<Long> approvers = store.approvers(approvalId);
        boolean mayDecideStep = request.status() == ApprovalStatus.PENDING && request.requesterId() != viewerId
                && viewer.hasPermission(ApprovalPermissions.DECIDE) && !approvers.contains(viewerId)
                && (current.stream().anyMatch(p -> p.personId() == viewerId) || delegateOfCurrent);
        boolean mayWithdraw = request.status() == ApprovalStatus.PENDING && request.requesterId() == viewerId;
        List<ApprovalEvent> history = jdbc.sql("""
                SELECT occurred_at, type, step_no, actor_name, on_behalf_of, comment FROM apr_history
                WHERE request_id = :id ORDER BY id
                """).param("id", approvalId).query((rs, n) -> new ApprovalEvent(rs.getTimestamp(1).toInstant(),
                        rs.getString(2), (Integer) rs.getObject(3), rs.getString(4), rs.getString(5),
                        rs.getString(6))).list();
        audit.record(new AuditEntry(null, "approval.request.viewed", "approval", Long.toString(approvalId),
                request.level(), AuditOutcome.ALLOWED, null, Map.of("personId", viewerId)));
        Step currentStep = steps.stream().filter(s -> s.number() == request.currentStep()).findFirst().orElse(null);
        return new ApprovalDetail(summary(request, currentStep == null ? null : currentStep.deadline()),
                request.fields(), views, history, mayDecideStep, mayWithdraw);
    }

    @Override
    @Transactional(readOnly = true)
    public long waitingCount(long personId) {
        callers.actingAs(personId, ApprovalPermissions.SCOPE_READ);
        return jdbc.sql("SELECT count(*) FROM apr_request r WHERE " + WAITING_FOR).param("person", personId)
                .param("now", RequestStore.ts(clock.instant())).query(Long.class).single();
    }

    private static AccessPerson person(Long id, String name) {
        return id == null ? null : new AccessPerson(id, "", name == null ? "" : name);
    }

    static ApprovalSummary summary(Request r, Instant deadline) {
        return new ApprovalSummary(r.id(), r.kind(), r.status(), r.requesterId(), r.requesterNo(), r.requesterName(),
                r.subjectType(), r.subjectId(), r.level(), r.action(), r.durationDays(), r.reason(), r.submittedAt(),
                r.decidedAt(), r.currentStep(), r.stepCount(), deadline, r.grantId(), r.version());
    }
}
