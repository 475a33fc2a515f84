package org.baomi.iam.internal.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessDecision;
import org.baomi.iam.AccessPermissions;
import org.baomi.iam.AccessRequest;
import org.baomi.iam.BreakGlassOpened;
import org.baomi.iam.BreakGlassSession;
import org.baomi.iam.BreakGlassVerdict;
import org.baomi.iam.BreakTheGlass;
import org.baomi.iam.CurrentUser;
import org.baomi.iam.PermissionGuard;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.StaffPrincipal;
import org.baomi.shared.BaomiException;
import org.baomi.shared.SecretLevel;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Break-the-glass sessions in {@code iam_break_glass}; see {@link BreakTheGlass}. Opening is the immediate alert:
 * the audit entry {@code access.break-glass.opened}, the home-page duty of the reviewers ({@link BreakGlassDuties}) and
 * {@link BreakGlassOpened}, published in the same transaction, on which the notification centre alerts the office.
 */
@Service
class BreakTheGlassService implements BreakTheGlass {

    private static final String COLUMNS = """
            SELECT id, person_id, object_type, object_id, reason, opened_at, expires_at, verdict, reviewer_id,
                   reviewed_at, review_comment
            FROM iam_break_glass
            """;

    private final JdbcClient jdbc;
    private final AccessChangeFeed feed;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final PermissionGuard guard;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    BreakTheGlassService(JdbcClient jdbc, AccessChangeFeed feed, AuditTrail audit, CurrentUser currentUser,
            PermissionGuard guard, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.feed = feed;
        this.audit = audit;
        this.currentUser = currentUser;
        this.guard = guard;
        this.clock = clock;
        this.events = events;
    }

    @Override
    @Transactional
    public BreakGlassSession open(long personId, ResourceRef resource, String reason) {
        String stated = reason == null ? "" : reason.strip();
        if (stated.length() < MIN_REASON_LENGTH || stated.length() > 1000) {
            throw BaomiException.invalid("access.break-glass.reason-required", MIN_REASON_LENGTH);
        }
        // ACC-3: a signed-in person breaks the glass for themselves only (other systems may name the person)
        Optional<StaffPrincipal> signedIn = currentUser.principal();
        if (signedIn.isPresent() && signedIn.get().accountId() != personId) {
            throw refused(personId, resource, "access.break-glass.not-yourself");
        }
        AccessModel model = feed.model();
        CompiledRule rule = model.policy().rule(resource.type(), AccessAction.READ);
        if (rule == null || !rule.breakGlass || rule.breakGlassMillis <= 0) {
            throw refused(personId, resource, "access.break-glass.not-allowed");
        }
        AccessDecision without = DecisionEngine.decide(model, new AccessRequest(personId, AccessAction.READ, resource),
                clock.millis());
        // never lifts the 三员 rule, a missing permission, clearance, obligations or the medical-post rule
        if (!without.allowed() && !"access.denied.need-to-know".equals(without.reasonKey())) {
            throw refused(personId, resource, without.reasonKey());
        }
        Instant now = clock.instant();
        Instant expires = now.plusMillis(rule.breakGlassMillis);
        long id = jdbc.sql("""
                INSERT INTO iam_break_glass (person_id, object_type, object_id, reason, opened_at, expires_at)
                VALUES (:person, :type, :id, :reason, :now, :expires) RETURNING id
                """).param("person", personId).param("type", resource.type()).param("id", resource.id())
                .param("reason", stated).param("now", Timestamp.from(now)).param("expires", Timestamp.from(expires))
                .query(Long.class).single();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("session", id);
        details.put("person", personId);
        details.put("reason", stated);
        details.put("expiresAt", expires.toString());
        SecretLevel level = model.object(resource).level();
        audit.record(new AuditEntry(null, "access.break-glass.opened", resource.type(), resource.id(),
                level, AuditOutcome.ALLOWED, "access.break-glass.opened", details, patientOf(resource)));
        // ACC-4: the immediate alert to the confidentiality office, committed with the session or not at all
        events.publishEvent(new BreakGlassOpened(id, personId, resource.type(), level, now, expires));
        feed.pollAfterCommit();
        return new BreakGlassSession(id, personId, resource, stated, now, expires, null, null, null, null);
    }

    @Override
    @Transactional
    public BreakGlassSession review(long sessionId, BreakGlassVerdict verdict, String comment) {
        StaffPrincipal reviewer = guard.require(AccessPermissions.BREAK_GLASS_REVIEW);
        BreakGlassSession session = find(sessionId)
                .orElseThrow(() -> BaomiException.notFound("access.break-glass.not-found"));
        if (session.personId() == reviewer.accountId()) {
            audit.recordIndependently(new AuditEntry(null, "access.break-glass.review-refused", session.resource().type(),
                    session.resource().id(), null, AuditOutcome.DENIED, "access.break-glass.own-session",
                    Map.of("session", sessionId)));
            throw BaomiException.forbidden("access.break-glass.own-session");
        }
        if (verdict == null || comment == null || comment.isBlank() || comment.length() > 1000) {
            throw BaomiException.invalid("access.break-glass.comment-required");
        }
        if (!session.awaitingReview()) {
            throw BaomiException.conflict("access.break-glass.already-reviewed");
        }
        Instant now = clock.instant();
        int updated = jdbc.sql("""
                UPDATE iam_break_glass SET verdict = :verdict, reviewer_id = :reviewer, reviewed_at = :now,
                       review_comment = :comment
                WHERE id = :id AND verdict IS NULL
                """).param("verdict", verdict.name()).param("reviewer", reviewer.accountId())
                .param("now", Timestamp.from(now)).param("comment", comment.strip()).param("id", sessionId).update();
        if (updated == 0) {
            throw BaomiException.conflict("access.break-glass.already-reviewed");
        }
        audit.record(new AuditEntry(null, "access.break-glass.reviewed", session.resource().type(), session.resource().id(),
                null, AuditOutcome.ALLOWED, verdict.messageKey(),
                Map.of("session", sessionId, "person", session.personId(), "verdict", verdict.name()),
                patientOf(session.resource())));
        return find(sessionId).orElseThrow();
    }

    @Override
    public List<BreakGlassSession> awaitingReview() {
        guard.require(AccessPermissions.BREAK_GLASS_REVIEW);
        List<BreakGlassSession> sessions = jdbc.sql(COLUMNS + " WHERE verdict IS NULL ORDER BY opened_at, id")
                .query(BreakTheGlassService::session).list();
        // AUD-1: the worklist shows patient ids and stated reasons; who looked is recorded
        audit.recordIndependently(new AuditEntry(null, "access.break-glass.worklist-viewed", "break-glass", null, null,
                AuditOutcome.ALLOWED, null, Map.of("count", sessions.size())));
        return sessions;
    }

    @Override
    public int countAwaitingReview() {
        return jdbc.sql("SELECT COUNT(*) FROM iam_break_glass WHERE verdict IS NULL").query(Integer.class).single();
    }

    @Override
    public List<BreakGlassSession> openOf(long personId) {
        java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
        return jdbc.sql(COLUMNS + " WHERE person_id = :p AND opened_at <= :now AND expires_at > :now"
                + " ORDER BY opened_at DESC, id DESC").param("p", personId).param("now", now)
                .query(BreakTheGlassService::session).list();
    }

        Optional<BreakGlassSession> find(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = :id").param("id", id).query(BreakTheGlassService::session).optional();
    }

    private BaomiException refused(long personId, ResourceRef resource, String reasonKey) {
        audit.recordIndependently(new AuditEntry(null, "access.break-glass.refused", resource.type(), resource.id(), null,
                AuditOutcome.DENIED, reasonKey, Map.of("person", personId), patientOf(resource)));
        return BaomiException.forbidden(reasonKey);
    }

    private static String patientOf(ResourceRef resource) {
        return ResourceRef.PATIENT.equals(resource.type()) ? resource.id() : null;
    }

    private static BreakGlassSession session(ResultSet rs, int n) throws SQLException {
        String verdict = rs.getString("verdict");
        Timestamp reviewed = rs.getTimestamp("reviewed_at");
        return new BreakGlassSession(rs.getLong("id"), rs.getLong("person_id"),
                new ResourceRef(rs.getString("object_type"), rs.getString("object_id")), rs.getString("reason"),
                rs.getTimestamp("opened_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                verdict == null ? null : BreakGlassVerdict.valueOf(verdict), (Long) rs.getObject("reviewer_id"),
                reviewed == null ? null : reviewed.toInstant(), rs.getString("review_comment"));
    }
}
