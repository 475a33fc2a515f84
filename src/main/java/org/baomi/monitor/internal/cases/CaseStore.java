package org.baomi.monitor.internal.cases;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.baomi.monitor.PrivacyCaseOutcome;
import org.baomi.monitor.PrivacyCaseStep;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** The case tables ({@code mon_case}, {@code mon_case_step}) and the case columns of {@code mon_alert}. */
@Component
class CaseStore {

    private static final String OPEN_STEPS = "('TRIAGE', 'EXPLANATION', 'INTERVIEW')";

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    CaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A case row as stored. */
    record CaseRow(long id, String userRef, Long personId, Long departmentId, PrivacyCaseStep step, Instant dueAt,
            String openedBecause, BigDecimal scoreAtOpening, Long assigneeId, LocalDate interviewedOn,
            PrivacyCaseOutcome outcome, String sanctionKey, String sanctionText, Instant openedAt, Instant closedAt,
            int version) {
    }

    /** A step of the record as stored (details as JSON text). */
    record StepRow(long id, String action, PrivacyCaseStep step, Long actorId, Instant at, String note,
            String details, Instant dueAt) {
    }

    /** A person with OPEN alerts, as the grouping rule weighs them (counts and sums over the window only). */
    record Candidate(String userRef, Long personId, long recentCount, BigDecimal recentScore, BigDecimal maxScore,
            Long openCaseId) {
    }

    Optional<CaseRow> find(long id) {
        return jdbc.sql("SELECT * FROM mon_case WHERE id = :id").param("id", id).query(CaseStore::caseRow).optional();
    }

    /** Locks the case row for the change that follows (one change of a case at a time). */
    Optional<CaseRow> lock(long id) {
        return jdbc.sql("SELECT * FROM mon_case WHERE id = :id FOR UPDATE").param("id", id)
                .query(CaseStore::caseRow).optional();
    }

    Optional<CaseRow> openCaseOf(String userRef) {
        return jdbc.sql("SELECT * FROM mon_case WHERE user_ref = :u AND step IN " + OPEN_STEPS + " FOR UPDATE")
                .param("u", userRef).query(CaseStore::caseRow).optional();
    }

    long insert(String userRef, Long personId, Long departmentId, String because, BigDecimal score, Instant now,
            Instant dueAt, Long openedBy) {
        return jdbc.sql("""
                INSERT INTO mon_case (user_ref, person_id, department_id, step, step_due_at, opened_because,
                                      score_at_opening, opened_at, opened_by, updated_at, updated_by)
                VALUES (:u, :p, :d, 'TRIAGE', :due, :because, :score, :now, :by, :now, :by) RETURNING id
                """).param("u", userRef).param("p", personId).param("d", departmentId).param("due", ts(dueAt))
                .param("because", because).param("score", score.setScale(2, RoundingMode.HALF_UP))
                .param("now", ts(now)).param("by", openedBy).query(Long.class).single();
    }

    void step(long caseId, String action, PrivacyCaseStep step, Long actorId, Instant at, String note,
            Map<String, ?> details, Instant dueAt) {
        jdbc.sql("""
                INSERT INTO mon_case_step (case_id, action, step, actor_id, at, note, details, due_at)
                VALUES (:c, :a, :s, :actor, :at, :note, CAST(:details AS jsonb), :due)
                """).param("c", caseId).param("a", action).param("s", step.name()).param("actor", actorId)
                .param("at", ts(at)).param("note", note).param("details", json.writeValueAsString(details))
                .param("due", ts(dueAt)).update();
    }

    /**
     * Moves the case to the step with its new deadline, if its version is still the given one.
     *
     * @return whether the row was updated (false: stale version)
     */
    boolean moveTo(long caseId, int version, PrivacyCaseStep step, Instant dueAt, Long actor, Instant now) {
        return jdbc.sql("""
                UPDATE mon_case SET step = :s, step_due_at = :due, updated_at = :now, updated_by = :by,
                    closed_at = CASE WHEN :s IN ('CONCLUDED', 'DISMISSED') THEN CAST(:now AS timestamptz) END,
                    version = version + 1
                WHERE id = :id AND version = :v
                """).param("s", step.name()).param("due", ts(dueAt)).param("now", ts(now)).param("by", actor)
                .param("id", caseId).param("v", version).update() == 1;
    }

    boolean assign(long caseId, int version, long assignee, Long actor, Instant now) {
        return jdbc.sql("""
                UPDATE mon_case SET assignee_id = :a, updated_at = :now, updated_by = :by, version = version + 1
                WHERE id = :id AND version = :v
                """).param("a", assignee).param("now", ts(now)).param("by", actor).param("id", caseId)
                .param("v", version).update() == 1;
    }

    boolean interviewed(long caseId, int version, LocalDate on, Long actor, Instant now) {
        return jdbc.sql("""
                UPDATE mon_case SET interviewed_on = :on, updated_at = :now, updated_by = :by, version = version + 1
                WHERE id = :id AND version = :v
                """).param("on", on).param("now", ts(now)).param("by", actor).param("id", caseId).param("v", version)
                .update() == 1;
    }

    boolean conclude(long caseId, int version, PrivacyCaseOutcome outcome, String sanctionKey, String text,
            Long actor, Instant now) {
        return jdbc.sql("""
                UPDATE mon_case SET step = 'CONCLUDED', step_due_at = NULL, outcome = :o, sanction_key = :k,
                    sanction_text = :t, closed_at = :now, updated_at = :now, updated_by = :by, version = version + 1
                WHERE id = :id AND version = :v AND step = 'INTERVIEW'
                """).param("o", outcome.name()).param("k", sanctionKey).param("t", text).param("now", ts(now))
                .param("by", actor).param("id", caseId).param("v", version).update() == 1;
    }

    /** Locks the alerts (in id order, so that two changes never deadlock) for the change that follows. */
    void lockAlerts(List<Long> ids) {
        jdbc.sql("SELECT id FROM mon_alert WHERE id = ANY(:ids) ORDER BY id FOR UPDATE")
                .param("ids", ids.toArray(Long[]::new)).query(Long.class).list();
    }

    /** Puts the OPEN alerts among the ids into the case; returns the ids moved. */
    List<Long> attachAlerts(long caseId, List<Long> alertIds, Instant now) {
        return jdbc.sql("""
                UPDATE mon_alert SET status = 'IN_CASE', case_id = :c, updated_at = :now
                WHERE id = ANY(:ids) AND status = 'OPEN' RETURNING id
                """).param("c", caseId).param("ids", alertIds.toArray(Long[]::new)).param("now", ts(now))
                .query(Long.class).list();
    }

    /** Dismisses the alerts among the ids that are in one of the statuses; returns the ids dismissed. */
    List<Long> dismissAlerts(List<Long> alertIds, String fromStatus, Long actor, String reason, Instant now) {
        return jdbc.sql("""
                UPDATE mon_alert SET status = 'DISMISSED', dismissed_by = :by, dismissed_at = :now,
                    dismissed_reason = :reason, updated_at = :now
                WHERE id = ANY(:ids) AND status = :from RETURNING id
                """).param("by", actor).param("now", ts(now)).param("reason", reason)
                .param("ids", alertIds.toArray(Long[]::new)).param("from", fromStatus).query(Long.class).list();
    }

    List<Long> alertIdsOfCase(long caseId) {
        return jdbc.sql("SELECT id FROM mon_alert WHERE case_id = :c ORDER BY id").param("c", caseId)
                .query(Long.class).list();
    }

    /** The OPEN alerts of the person within the window (the ones a new or open case takes). */
    List<Long> openAlertsOf(String userRef, Instant since) {
        return jdbc.sql("""
                SELECT id FROM mon_alert WHERE user_ref = :u AND status = 'OPEN' AND last_at >= :since ORDER BY id
                """).param("u", userRef).param("since", ts(since)).query(Long.class).list();
    }

    List<Candidate> candidates(Instant since) {
        return jdbc.sql("""
                SELECT a.user_ref, max(a.person_id) AS person_id,
                       count(*) FILTER (WHERE a.last_at >= :since) AS recent_count,
                       coalesce(sum(a.score) FILTER (WHERE a.last_at >= :since), 0) AS recent_score,
                       max(a.score) FILTER (WHERE a.last_at >= :since) AS max_score,
                       (SELECT c.id FROM mon_case c WHERE c.user_ref = a.user_ref AND c.step IN
                           ('TRIAGE', 'EXPLANATION', 'INTERVIEW')) AS open_case
                FROM mon_alert a WHERE a.status = 'OPEN'
                GROUP BY a.user_ref ORDER BY a.user_ref
                """).param("since", ts(since)).query((rs, n) -> new Candidate(rs.getString("user_ref"),
                        rs.getObject("person_id", Long.class), rs.getLong("recent_count"),
                        rs.getBigDecimal("recent_score"), rs.getBigDecimal("max_score"),
                        rs.getObject("open_case", Long.class))).list();
    }

    /** Open cases, most overdue first, and the latest closed ones. */
    List<CaseRow> boardRows(int closedShown) {
        return jdbc.sql("""
                (SELECT * FROM mon_case WHERE step IN ('TRIAGE', 'EXPLANATION', 'INTERVIEW'))
                UNION ALL
                (SELECT * FROM mon_case WHERE step = 'CONCLUDED' ORDER BY closed_at DESC LIMIT :n)
                UNION ALL
                (SELECT * FROM mon_case WHERE step = 'DISMISSED' ORDER BY closed_at DESC LIMIT :n)
                ORDER BY step_due_at NULLS LAST, id
                """).param("n", closedShown).query(CaseStore::caseRow).list();
    }

    Map<Long, Integer> alertCounts(List<Long> caseIds) {
        Map<Long, Integer> counts = new HashMap<>();
        if (caseIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("SELECT case_id, count(*) AS n FROM mon_alert WHERE case_id = ANY(:ids) GROUP BY case_id")
                .param("ids", caseIds.toArray(Long[]::new))
                .query(rs -> {
                    counts.put(rs.getLong("case_id"), rs.getInt("n"));
                });
        return counts;
    }

    /**
     * Risk scores of the people (see {@code PrivacyCases.riskOf}): score x 0.5^(age days / half-life) summed over
     * their alerts that are OPEN or IN_CASE of a case still open, last accessed within the window.
     */
    Map<String, BigDecimal> risk(List<String> userRefs, Instant now, Instant since, double halfLifeDays) {
        Map<String, BigDecimal> risks = new HashMap<>();
        if (userRefs.isEmpty()) {
            return risks;
        }
        jdbc.sql("""
                SELECT a.user_ref, sum(a.score::float8 * power(0.5::float8,
                    greatest(0, extract(epoch FROM (CAST(:now AS timestamptz) - a.last_at)))::float8 / 86400.0
                    / CAST(:half AS float8)))::numeric AS risk
                FROM mon_alert a LEFT JOIN mon_case c ON c.id = a.case_id
                WHERE a.user_ref = ANY(:refs) AND a.last_at >= :since
                  AND (a.status = 'OPEN' OR (a.status = 'IN_CASE' AND c.step IN ('TRIAGE', 'EXPLANATION', 'INTERVIEW')))
                GROUP BY a.user_ref
                """).param("refs", userRefs.toArray(String[]::new)).param("now", ts(now)).param("since", ts(since))
                .param("half", halfLifeDays)
                .query(rs -> {
                    risks.put(rs.getString("user_ref"), rs.getBigDecimal("risk").setScale(1, RoundingMode.HALF_UP));
                });
        return risks;
    }

    List<StepRow> record(long caseId) {
        return jdbc.sql("SELECT *, details::text AS details_text FROM mon_case_step WHERE case_id = :c ORDER BY id")
                .param("c", caseId).query((rs, n) -> new StepRow(rs.getLong("id"), rs.getString("action"),
                        PrivacyCaseStep.valueOf(rs.getString("step")), rs.getObject("actor_id", Long.class),
                        rs.getTimestamp("at").toInstant(), rs.getString("note"), rs.getString("details_text"),
                        instant(rs.getTimestamp("due_at")))).list();
    }

    long overdue(Instant now) {
        return jdbc.sql("SELECT count(*) FROM mon_case WHERE step IN " + OPEN_STEPS + " AND step_due_at < :now")
                .param("now", ts(now)).query(Long.class).single();
    }

    long openAlerts() {
        return jdbc.sql("SELECT count(*) FROM mon_alert WHERE status = 'OPEN'").query(Long.class).single();
    }

    List<Long> awaitingExplanation(long departmentId) {
        return jdbc.sql("SELECT id FROM mon_case WHERE step = 'EXPLANATION' AND department_id = :d ORDER BY id")
                .param("d", departmentId).query(Long.class).list();
    }

    private static CaseRow caseRow(ResultSet rs, int n) throws SQLException {
        String outcome = rs.getString("outcome");
        java.sql.Date interviewed = rs.getDate("interviewed_on");
        return new CaseRow(rs.getLong("id"), rs.getString("user_ref"), rs.getObject("person_id", Long.class),
                rs.getObject("department_id", Long.class), PrivacyCaseStep.valueOf(rs.getString("step")),
                instant(rs.getTimestamp("step_due_at")), rs.getString("opened_because"),
                rs.getBigDecimal("score_at_opening"), rs.getObject("assignee_id", Long.class),
                interviewed == null ? null : interviewed.toLocalDate(),
                outcome == null ? null : PrivacyCaseOutcome.valueOf(outcome), rs.getString("sanction_key"),
                rs.getString("sanction_text"), rs.getTimestamp("opened_at").toInstant(),
                instant(rs.getTimestamp("closed_at")), rs.getInt("version"));
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
