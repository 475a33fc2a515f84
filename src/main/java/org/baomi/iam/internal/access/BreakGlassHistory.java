package org.baomi.iam.internal.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.AccessPermissions;
import org.baomi.iam.BreakGlassHistoryFilter;
import org.baomi.iam.BreakGlassReviews;
import org.baomi.iam.BreakGlassSession;
import org.baomi.iam.BreakGlassVerdict;
import org.baomi.iam.PermissionGuard;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.ResultPage;
import org.baomi.shared.BaomiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviewed sessions of {@code iam_break_glass}; see {@link BreakGlassReviews}. Kept apart from
 * {@link BreakTheGlassService} (opening and reviewing). The filter is fixed SQL with parameters that may be null.
 */
@Service
class BreakGlassHistory implements BreakGlassReviews {

    private static final String WHERE = """
            FROM iam_break_glass
            WHERE verdict IS NOT NULL
              AND (CAST(:from AS timestamptz) IS NULL OR reviewed_at >= :from)
              AND (CAST(:to AS timestamptz) IS NULL OR reviewed_at < :to)
              AND (CAST(:person AS bigint) IS NULL OR person_id = :person OR reviewer_id = :person)
              AND (CAST(:verdict AS text) IS NULL OR verdict = :verdict)
            """;
    private static final String COLUMNS = """
            SELECT id, person_id, object_type, object_id, reason, opened_at, expires_at, verdict, reviewer_id,
                   reviewed_at, review_comment
            """;

    private final JdbcClient jdbc;
    private final PermissionGuard guard;
    private final AuditTrail audit;

    BreakGlassHistory(JdbcClient jdbc, PermissionGuard guard, AuditTrail audit) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.audit = audit;
    }

    @Override
    public ResultPage<BreakGlassSession> reviewed(BreakGlassHistoryFilter filter, int page, int size) {
        guard.require(AccessPermissions.BREAK_GLASS_REVIEW);
        BreakGlassHistoryFilter f = checked(filter);
        if (page < 0 || page > 100_000 || size < 1 || size > 200) {
            throw BaomiException.invalid("access.break-glass.history.paging", 200);
        }
        long total = params(jdbc.sql("SELECT count(*) " + WHERE), f).query(Long.class).single();
        List<BreakGlassSession> rows = params(jdbc.sql(COLUMNS + WHERE
                + " ORDER BY reviewed_at DESC, id DESC LIMIT :limit OFFSET :offset"), f)
                .param("limit", size).param("offset", (long) page * size).query(BreakGlassHistory::session).list();
        // AUD-1: the history shows patient ids and stated reasons; who looked, at what, is recorded
        audit.recordIndependently(new AuditEntry(null, "access.break-glass.history-viewed", "break-glass", null, null,
                AuditOutcome.ALLOWED, null, details(f, total)));
        return new ResultPage<>(rows, total, page, size);
    }

    @Override
    @Transactional
    public List<BreakGlassSession> export(BreakGlassHistoryFilter filter) {
        guard.require(AccessPermissions.BREAK_GLASS_REVIEW);
        BreakGlassHistoryFilter f = checked(filter);
        List<BreakGlassSession> rows = params(jdbc.sql(COLUMNS + WHERE
                + " ORDER BY reviewed_at DESC, id DESC LIMIT :limit"), f)
                .param("limit", EXPORT_MAX + 1).query(BreakGlassHistory::session).list();
        if (rows.size() > EXPORT_MAX) {
            throw BaomiException.invalid("access.break-glass.history.too-many", EXPORT_MAX);
        }
        audit.record(new AuditEntry(null, "access.break-glass.history-exported", "break-glass", null, null,
                AuditOutcome.ALLOWED, null, details(f, rows.size())));
        return rows;
    }

    private static BreakGlassHistoryFilter checked(BreakGlassHistoryFilter filter) {
        BreakGlassHistoryFilter f = filter == null ? BreakGlassHistoryFilter.all() : filter;
        if (f.reviewedFrom() != null && f.reviewedTo() != null && !f.reviewedFrom().isBefore(f.reviewedTo())) {
            throw BaomiException.invalid("access.break-glass.history.period");
        }
        return f;
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec sql, BreakGlassHistoryFilter f) {
        return sql.param("from", f.reviewedFrom() == null ? null : Timestamp.from(f.reviewedFrom()))
                .param("to", f.reviewedTo() == null ? null : Timestamp.from(f.reviewedTo()))
                .param("person", f.personId())
                .param("verdict", f.verdict() == null ? null : f.verdict().name());
    }

    private static Map<String, Object> details(BreakGlassHistoryFilter f, long count) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (f.reviewedFrom() != null) {
            details.put("from", f.reviewedFrom().toString());
        }
        if (f.reviewedTo() != null) {
            details.put("to", f.reviewedTo().toString());
        }
        if (f.personId() != null) {
            details.put("person", f.personId());
        }
        if (f.verdict() != null) {
            details.put("verdict", f.verdict().name());
        }
        details.put("count", count);
        return details;
    }

    private static BreakGlassSession session(ResultSet rs, int n) throws SQLException {
        Timestamp reviewed = rs.getTimestamp("reviewed_at");
        return new BreakGlassSession(rs.getLong("id"), rs.getLong("person_id"),
                new ResourceRef(rs.getString("object_type"), rs.getString("object_id")), rs.getString("reason"),
                rs.getTimestamp("opened_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                BreakGlassVerdict.valueOf(rs.getString("verdict")), (Long) rs.getObject("reviewer_id"),
                reviewed == null ? null : reviewed.toInstant(), rs.getString("review_comment"));
    }
}
