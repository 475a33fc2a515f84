package org.baomi.approval.internal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.baomi.approval.ApprovalStatus;
import org.baomi.approval.ApproverRule;
import org.baomi.approval.ChainStep;
import org.baomi.iam.AccessPerson;
import org.baomi.shared.SecretLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The approval tables, written and read by the engine (apr_request, apr_step, apr_assignment, apr_history). */
@Repository
class RequestStore {

    /** A request row. */
    record Request(long id, String kind, ApprovalStatus status, long requesterId, String requesterNo,
            String requesterName, Long requesterDepartmentId, String subjectType, String subjectId, SecretLevel level,
            String action, String reason, Map<String, String> fields, int durationDays, int currentStep,
            int stepCount, String escalationRole, Instant submittedAt, Instant decidedAt, Long grantId, int version) {
    }

    /** A step row. */
    record Step(long requestId, int number, ChainStep step, String status, Instant openedAt, Instant deadline,
            Instant remindedAt, Instant escalatedAt, Long decidedBy, String decidedByName, Long onBehalfOf,
            String onBehalfOfName, Instant decidedAt, String comment) {
    }

    /** A new request. */
    record NewRequest(String kind, long requesterId, String requesterNo, String requesterName, Long departmentId,
            String subjectType, String subjectId, SecretLevel level, String action, String reason,
            Map<String, String> fields, int durationDays, int chainVersion, String escalationRole,
            String callingSystem) {
    }

    static final String REQUEST_COLUMNS = """
            r.id, r.kind, r.status, r.requester_id, r.requester_no, r.requester_name, r.requester_department_id,
            r.subject_type, r.subject_id, r.level, r.action, r.reason, r.fields, r.duration_days, r.current_step,
            r.step_count, r.escalation_role, r.submitted_at, r.decided_at, r.grant_id, r.version""";

    private final JdbcClient jdbc;

    RequestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewRequest r, List<ChainStep> steps, Instant now) {
        long id = jdbc.sql("""
                INSERT INTO apr_request (kind, requester_id, requester_no, requester_name, requester_department_id,
                    subject_type, subject_id, level, action, reason, fields, duration_days, status, current_step,
                    step_count, chain_version, escalation_role, submitted_at, calling_system, updated_at)
                VALUES (:kind, :requester, :no, :name, :department, :type, :subject, :level, :action, :reason, :fields,
                    :days, 'PENDING', 0, :steps, :chain, :escalation, :now, :system, :now)
                RETURNING id
                """).param("kind", r.kind()).param("requester", r.requesterId()).param("no", r.requesterNo())
                .param("name", r.requesterName()).param("department", r.departmentId())
                .param("type", r.subjectType()).param("subject", r.subjectId()).param("level", r.level().name())
                .param("action", r.action()).param("reason", r.reason()).param("fields", encode(r.fields()))
                .param("days", r.durationDays()).param("steps", steps.size()).param("chain", r.chainVersion())
                .param("escalation", r.escalationRole()).param("now", ts(now)).param("system", r.callingSystem())
                .query(Long.class).single();
        for (int i = 0; i < steps.size(); i++) {
            ChainStep s = steps.get(i);
            jdbc.sql("""
                    INSERT INTO apr_step (request_id, step_no, rule, role_code, min_level, deadline_hours, status)
                    VALUES (:id, :no, :rule, :role, :level, :hours, 'NOT_REACHED')
                    """).param("id", id).param("no", i + 1).param("rule", s.rule().name()).param("role", s.roleCode())
                    .param("level", s.minLevel() == null ? null : s.minLevel().name())
                    .param("hours", s.deadlineHours()).update();
        }
        return id;
    }

    Optional<Request> find(long id) {
        return jdbc.sql("SELECT " + REQUEST_COLUMNS + " FROM apr_request r WHERE r.id = :id").param("id", id)
                .query(RequestStore::request).optional();
    }

    /** The request, locked until the end of the transaction (one decision at a time). */
    Optional<Request> lock(long id) {
        return jdbc.sql("SELECT " + REQUEST_COLUMNS + " FROM apr_request r WHERE r.id = :id FOR UPDATE")
                .param("id", id).query(RequestStore::request).optional();
    }

    List<Step> steps(long requestId) {
        return jdbc.sql("""
                SELECT request_id, step_no, rule, role_code, min_level, deadline_hours, status, opened_at, deadline,
                       reminded_at, escalated_at, decided_by, decided_by_name, on_behalf_of, on_behalf_of_name,
                       decided_at, comment
                FROM apr_step WHERE request_id = :id ORDER BY step_no
                """).param("id", requestId).query(RequestStore::step).list();
    }

    Step step(long requestId, int number) {
        return steps(requestId).stream().filter(s -> s.number() == number).findFirst().orElseThrow();
    }

    List<AccessPerson> assignees(long requestId, int step) {
        return jdbc.sql("""
                SELECT person_id, staff_no, full_name FROM apr_assignment WHERE request_id = :id AND step_no = :step
                ORDER BY staff_no
                """).param("id", requestId).param("step", step)
                .query((rs, n) -> new AccessPerson(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    void assign(long requestId, int step, List<AccessPerson> people, String reason, Instant now) {
        for (AccessPerson p : people) {
            jdbc.sql("""
                    INSERT INTO apr_assignment (request_id, step_no, person_id, staff_no, full_name, reason, assigned_at)
                    VALUES (:id, :step, :person, :no, :name, :reason, :now) ON CONFLICT DO NOTHING
                    """).param("id", requestId).param("step", step).param("person", p.personId())
                    .param("no", p.staffNo()).param("name", p.fullName()).param("reason", reason)
                    .param("now", ts(now)).update();
        }
    }

    /** Everyone who approved a step of the request, directly or through a delegate (one person approves once). */
    Set<Long> approvers(long requestId) {
        Set<Long> ids = new HashSet<>();
        for (Step s : steps(requestId)) {
            if ("APPROVED".equals(s.status())) {
                ids.add(s.decidedBy());
                if (s.onBehalfOf() != null) {
                    ids.add(s.onBehalfOf());
                }
            }
        }
        return ids;
    }

    void openStep(long requestId, int step, Instant now, Instant deadline, boolean escalated) {
        jdbc.sql("""
                UPDATE apr_step SET status = 'WAITING', opened_at = :now, deadline = :deadline,
                       escalated_at = CASE WHEN :escalated THEN CAST(:now AS timestamptz) END
                WHERE request_id = :id AND step_no = :step
                """).param("now", ts(now)).param("deadline", ts(deadline)).param("escalated", escalated)
                .param("id", requestId).param("step", step).update();
        jdbc.sql("UPDATE apr_request SET current_step = :step, updated_at = :now, version = version + 1 WHERE id = :id")
                .param("step", step).param("now", ts(now)).param("id", requestId).update();
    }

    void decideStep(long requestId, int step, boolean approved, long by, String byName, Long onBehalfOf,
            String onBehalfOfName, String comment, Instant now) {
        jdbc.sql("""
                UPDATE apr_step SET status = :status, decided_by = :by, decided_by_name = :byName,
                       on_behalf_of = :behalf, on_behalf_of_name = :behalfName, decided_at = :now, comment = :comment
                WHERE request_id = :id AND step_no = :step
                """).param("status", approved ? "APPROVED" : "REFUSED").param("by", by).param("byName", byName)
                .param("behalf", onBehalfOf).param("behalfName", onBehalfOfName).param("now", ts(now))
                .param("comment", comment).param("id", requestId).param("step", step).update();
    }

    void cancelWaitingSteps(long requestId) {
        jdbc.sql("UPDATE apr_step SET status = 'CANCELLED' WHERE request_id = :id AND status = 'WAITING'")
                .param("id", requestId).update();
    }

    void markReminded(long requestId, int step, Instant now) {
        jdbc.sql("UPDATE apr_step SET reminded_at = :now WHERE request_id = :id AND step_no = :step")
                .param("now", ts(now)).param("id", requestId).param("step", step).update();
    }

    void markEscalated(long requestId, int step, Instant now, Instant deadline) {
        jdbc.sql("""
                UPDATE apr_step SET escalated_at = :now, deadline = :deadline, reminded_at = NULL
                WHERE request_id = :id AND step_no = :step
                """).param("now", ts(now)).param("deadline", ts(deadline)).param("id", requestId)
                .param("step", step).update();
    }

    void end(long requestId, ApprovalStatus status, Long grantId, Instant now) {
        jdbc.sql("""
                UPDATE apr_request SET status = :status, decided_at = :now, grant_id = :grant, current_step = 0,
                       updated_at = :now, version = version + 1
                WHERE id = :id
                """).param("status", status.name()).param("now", ts(now)).param("grant", grantId)
                .param("id", requestId).update();
    }

    void touch(long requestId, Instant now) {
        jdbc.sql("UPDATE apr_request SET updated_at = :now, version = version + 1 WHERE id = :id")
                .param("now", ts(now)).param("id", requestId).update();
    }

    void history(long requestId, Instant at, String type, Integer step, Long actorId, String actorName,
            String onBehalfOf, String comment) {
        jdbc.sql("""
                INSERT INTO apr_history (request_id, occurred_at, type, step_no, actor_id, actor_name, on_behalf_of, comment)
                VALUES (:id, :at, :type, :step, :actor, :name, :behalf, :comment)
                """).param("id", requestId).param("at", ts(at)).param("type", type).param("step", step)
                .param("actor", actorId).param("name", actorName).param("behalf", onBehalfOf)
                .param("comment", comment).update();
    }

    /** Whether the person has a pending request of this kind on this subject and action already. */
    boolean hasPending(long requesterId, String kind, String type, String id, String action) {
        return jdbc.sql("""
                SELECT count(*) FROM apr_request WHERE requester_id = :requester AND kind = :kind
                  AND subject_type = :type AND subject_id = :subject AND status = 'PENDING'
                  AND action IS NOT DISTINCT FROM :action
                """).param("requester", requesterId).param("kind", kind).param("type", type).param("subject", id)
                .param("action", action).query(Long.class).single() > 0;
    }

    /** Waiting steps whose deadline or reminder time has come: (request id, step number). */
    List<long[]> dueSteps(Instant now) {
        return jdbc.sql("""
                SELECT s.request_id, s.step_no FROM apr_step s JOIN apr_request r ON r.id = s.request_id
                WHERE r.status = 'PENDING' AND s.status = 'WAITING' AND s.step_no = r.current_step
                  AND (s.deadline <= :now OR (s.reminded_at IS NULL
                       AND s.deadline - (s.deadline_hours * interval '15 minutes') <= :now))
                ORDER BY s.deadline LIMIT 500
                """).param("now", ts(now)).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
    }

    static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Request request(ResultSet rs, int n) throws SQLException {
        long grant = rs.getLong("grant_id");
        Long grantId = rs.wasNull() ? null : grant;
        long dept = rs.getLong("requester_department_id");
        Long departmentId = rs.wasNull() ? null : dept;
        return new Request(rs.getLong("id"), rs.getString("kind"), ApprovalStatus.valueOf(rs.getString("status")),
                rs.getLong("requester_id"), rs.getString("requester_no"), rs.getString("requester_name"),
                departmentId, rs.getString("subject_type"), rs.getString("subject_id"),
                SecretLevel.valueOf(rs.getString("level")), rs.getString("action"), rs.getString("reason"),
                decode(rs.getString("fields")), rs.getInt("duration_days"), rs.getInt("current_step"),
                rs.getInt("step_count"), rs.getString("escalation_role"), instant(rs, "submitted_at"),
                instant(rs, "decided_at"), grantId, rs.getInt("version"));
    }

    private static Step step(ResultSet rs, int n) throws SQLException {
        String level = rs.getString("min_level");
        long by = rs.getLong("decided_by");
        Long decidedBy = rs.wasNull() ? null : by;
        long behalf = rs.getLong("on_behalf_of");
        Long onBehalfOf = rs.wasNull() ? null : behalf;
        return new Step(rs.getLong("request_id"), rs.getInt("step_no"),
                new ChainStep(ApproverRule.valueOf(rs.getString("rule")), rs.getString("role_code"),
                        level == null ? null : SecretLevel.valueOf(level), rs.getInt("deadline_hours")),
                rs.getString("status"), instant(rs, "opened_at"), instant(rs, "deadline"),
                instant(rs, "reminded_at"), instant(rs, "escalated_at"), decidedBy, rs.getString("decided_by_name"),
                onBehalfOf, rs.getString("on_behalf_of_name"), instant(rs, "decided_at"), rs.getString("comment"));
    }

    /** The kind's extra fields as one text column: name=value pairs, URL-encoded, joined by '&amp;'. */
    static String encode(Map<String, String> fields) {
        return fields.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static Map<String, String> decode(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return fields;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }
}
