package org.baomi.approval.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.baomi.approval.ApprovalDelegations;
import org.baomi.approval.ApprovalPermissions;
import org.baomi.approval.ApprovalTaskAssigned;
import org.baomi.approval.AssignmentReason;
import org.baomi.approval.DelegationSummary;
import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.iam.StaffLookup;
import org.baomi.iam.StaffPrincipal;
import org.baomi.shared.BaomiException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Delegation while on leave (issue 4 item 2): time-boxed, audited, checked at the moment the delegate acts. */
@Service
class DelegationService implements ApprovalDelegations {

    private final JdbcClient jdbc;
    private final Callers callers;
    private final StaffLookup staff;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DelegationService(JdbcClient jdbc, Callers callers, StaffLookup staff, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.callers = callers;
        this.staff = staff;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public long delegate(long delegatorId, String delegateStaffNo, Instant validFrom, Instant validUntil,
            String reason) {
        StaffPrincipal delegator = callers.actingAs(delegatorId, ApprovalPermissions.SCOPE_DECIDE);
        Instant now = clock.instant();
        List<FieldProblem> problems = new ArrayList<>();
        Optional<StaffPrincipal> delegate = staff.activeByStaffNo(delegateStaffNo);
        if (delegate.isEmpty()) {
            problems.add(new FieldProblem("delegateStaffNo", "approval.delegation.error.delegate-unknown"));
        } else if (delegate.get().accountId() == delegatorId) {
            problems.add(new FieldProblem("delegateStaffNo", "approval.delegation.error.self"));
        } else if (delegate.get().isAdministrator() || !delegate.get().hasPermission(ApprovalPermissions.DECIDE)) {
            problems.add(new FieldProblem("delegateStaffNo", "approval.delegation.error.delegate-cannot-decide"));
        }
        Instant from = validFrom == null ? now : validFrom;
        if (validUntil == null) {
            problems.add(new FieldProblem("validUntil", "approval.delegation.error.until-required"));
        } else if (!validUntil.isAfter(from) || !validUntil.isAfter(now)) {
            problems.add(new FieldProblem("validUntil", "approval.delegation.error.until-after-from"));
        } else if (Duration.between(from, validUntil).compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
            problems.add(new FieldProblem("validUntil", "approval.delegation.error.too-long", MAX_DAYS));
        }
        if (from.isBefore(now.minus(Duration.ofDays(1)))) {
            problems.add(new FieldProblem("validFrom", "approval.delegation.error.from-in-past"));
        }
        String cleanReason = reason == null ? "" : reason.strip();
        if (cleanReason.isEmpty()) {
            problems.add(new FieldProblem("reason", "approval.error.reason.required"));
        } else if (cleanReason.length() > 500) {
            problems.add(new FieldProblem("reason", "approval.error.reason.too-long", 500));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        StaffPrincipal to = delegate.get();
        long id = jdbc.sql("""
                INSERT INTO apr_delegation (delegator_id, delegator_name, delegate_id, delegate_no, delegate_name,
                                            valid_from, valid_until, reason, created_at)
                VALUES (:from_id, :from_name, :to_id, :to_no, :to_name, :valid_from, :valid_until, :reason, :now)
                RETURNING id
                """).param("from_id", delegatorId).param("from_name", delegator.fullName())
                .param("to_id", to.accountId()).param("to_no", to.staffNo()).param("to_name", to.fullName())
                .param("valid_from", RequestStore.ts(from)).param("valid_until", RequestStore.ts(validUntil))
                .param("reason", cleanReason).param("now", RequestStore.ts(now)).query(Long.class).single();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("delegatorId", delegatorId);
        details.put("delegateId", to.accountId());
        details.put("validFrom", from.toString());
        details.put("validUntil", validUntil.toString());
        details.put("reason", cleanReason);
        audit.record(AuditEntry.allowed("approval.delegation.created", "approval-delegation", id, details));
        if (!from.isAfter(now)) {
            announceWaiting(delegatorId, to.accountId(), validUntil);
        }
        return id;
    }

    /** Tells the delegate about the requests already waiting for the delegator. */
    private void announceWaiting(long delegatorId, long delegateId, Instant until) {
        jdbc.sql("""
                SELECT r.id, r.kind, r.level FROM apr_request r
                JOIN apr_assignment a ON a.request_id = r.id AND a.step_no = r.current_step
                WHERE r.status = 'PENDING' AND a.person_id = :person AND r.requester_id <> :delegate
                """).param("person", delegatorId).param("delegate", delegateId)
                .query((rs, n) -> new ApprovalTaskAssigned(rs.getLong(1), rs.getString(2),
                        org.baomi.shared.SecretLevel.valueOf(rs.getString(3)), List.of(delegateId),
                        AssignmentReason.DELEGATION, until))
                .list().forEach(events::publishEvent);
    }

    @Override
    @Transactional
    public void revoke(long delegationId, long delegatorId) {
        callers.actingAs(delegatorId, ApprovalPermissions.SCOPE_DECIDE);
        Long owner = jdbc.sql("SELECT delegator_id FROM apr_delegation WHERE id = :id FOR UPDATE")
                .param("id", delegationId).query(Long.class).optional()
                .orElseThrow(() -> BaomiException.notFound("approval.delegation.error.not-found"));
        if (owner != delegatorId) {
            throw BaomiException.notFound("approval.delegation.error.not-found");
        }
        Instant now = clock.instant();
        int changed = jdbc.sql("UPDATE apr_delegation SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .param("now", RequestStore.ts(now)).param("id", delegationId).update();
        if (changed > 0) {
            audit.record(AuditEntry.allowed("approval.delegation.revoked", "approval-delegation", delegationId,
                    Map.of("delegatorId", delegatorId)));
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<DelegationSummary> of(long personId) {
        callers.actingAs(personId, ApprovalPermissions.SCOPE_READ);
        return jdbc.sql("""
                SELECT id, delegator_id, delegator_name, delegate_id, delegate_no, delegate_name, valid_from,
                       valid_until, reason, revoked_at
                FROM apr_delegation WHERE delegator_id = :person OR delegate_id = :person ORDER BY id DESC LIMIT 100
                """).param("person", personId)
                .query((rs, n) -> new DelegationSummary(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8).toInstant(), rs.getString(9), RequestStore.instant(rs, "revoked_at")))
                .list();
    }

    /** The people who have delegated to this person and whose delegation works at this moment. */
    List<Long> activeDelegatorsTo(long delegateId, Instant at) {
        return jdbc.sql("""
                SELECT DISTINCT delegator_id FROM apr_delegation
                WHERE delegate_id = :person AND revoked_at IS NULL AND valid_from <= :at AND valid_until > :at
                """).param("person", delegateId).param("at", RequestStore.ts(at)).query(Long.class).list();
    }

    /** The people to whom this person has delegated, with delegations that work at this moment. */
    List<Long> activeDelegatesOf(long delegatorId, Instant at) {
        return jdbc.sql("""
                SELECT DISTINCT delegate_id FROM apr_delegation
                WHERE delegator_id = :person AND revoked_at IS NULL AND valid_from <= :at AND valid_until > :at
                """).param("person", delegatorId).param("at", RequestStore.ts(at)).query(Long.class).list();
    }
}
