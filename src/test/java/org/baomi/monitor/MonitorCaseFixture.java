package org.baomi.monitor;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Access events and alerts written straight into the contract tables ({@code mon_access_event}, {@code mon_alert}),
 * as ingest and the detectors would (they arrive at merge time). Every key is unique within the test run, so that
 * tests never meet each other's rows. Evidence uses the key {@code monitor.detector.<DETECTOR>} with no arguments,
 * which both languages have, so that rendered text can be asserted.
 */
public final class MonitorCaseFixture {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final JdbcClient jdbc;
    private final Clock clock;

    public MonitorCaseFixture(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A fresh reference for a person or patient no other test uses. */
    public static String ref(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() % 1000 + "-" + SEQUENCE.incrementAndGet();
    }

    /** An access event {@code ago} before now; returns its id. */
    public long event(String userRef, Long personId, String patientRef, Long patientId, Duration ago) {
        Instant at = clock.instant().minus(ago);
        return jdbc.sql("""
                INSERT INTO mon_access_event (source_system, event_key, occurred_at, user_ref, person_id, patient_ref,
                                              patient_id, action, workstation, received_at)
                VALUES ('T-EMR', :key, :at, :u, :p, :pr, :pid, 'READ', 'WS-1', :at) RETURNING id
                """).param("key", ref("E")).param("at", Timestamp.from(at)).param("u", userRef).param("p", personId)
                .param("pr", patientRef).param("pid", patientId).query(Long.class).single();
    }

    /** An OPEN alert whose last access was {@code ago} before now, on the given events; returns its id. */
    public long alert(Detector detector, String userRef, Long personId, String patientRef, Long patientId,
            double score, Duration ago, List<Long> eventIds) {
        return alert(detector, userRef, personId, patientRef, patientId, score, ago, eventIds, "OPEN");
    }

    public long alert(Detector detector, String userRef, Long personId, String patientRef, Long patientId,
            double score, Duration ago, List<Long> eventIds, String status) {
        Instant last = clock.instant().minus(ago);
        return jdbc.sql("""
                INSERT INTO mon_alert (alert_key, detector, user_ref, person_id, patient_ref, patient_id, score,
                                       evidence, event_ids, first_at, last_at, status, created_at, updated_at)
                VALUES (:key, :d, :u, :p, :pr, :pid, :score, CAST(:evidence AS jsonb), :events, :first, :last,
                        :status, :now, :now) RETURNING id
                """).param("key", ref("A")).param("d", detector.name()).param("u", userRef).param("p", personId)
                .param("pr", patientRef).param("pid", patientId).param("score", BigDecimal.valueOf(score))
                .param("evidence", "[{\"key\": \"" + detector.messageKey() + "\", \"args\": []}]")
                .param("events", eventIds.toArray(Long[]::new)).param("first", Timestamp.from(last.minusSeconds(60)))
                .param("last", Timestamp.from(last)).param("status", status)
                .param("now", Timestamp.from(clock.instant())).query(Long.class).single();
    }

    /** An alert with one fresh event behind it. */
    public long alertWithEvent(Detector detector, String userRef, Long personId, long patientId, double score) {
        String patientRef = "MRN-" + patientId;
        long event = event(userRef, personId, patientRef, patientId, Duration.ofHours(1));
        return alert(detector, userRef, personId, patientRef, patientId, score, Duration.ofHours(1), List.of(event));
    }

    public String status(long alertId) {
        return jdbc.sql("SELECT status FROM mon_alert WHERE id = :id").param("id", alertId).query(String.class)
                .single();
    }

    public Long caseOf(long alertId) {
        return jdbc.sql("SELECT case_id FROM mon_alert WHERE id = :id").param("id", alertId).query(Long.class)
                .optional().orElse(null);
    }

    public List<String> record(long caseId) {
        return jdbc.sql("SELECT action FROM mon_case_step WHERE case_id = :c ORDER BY id").param("c", caseId)
                .query(String.class).list();
    }

    public long audited(String action, long objectId) {
        return jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = :a AND object_id = :o")
                .param("a", action).param("o", Long.toString(objectId)).query(Long.class).single();
    }

    public long notifications(long recipient, String key) {
        return jdbc.sql("SELECT count(*) FROM ntf_notification WHERE recipient_id = :r AND message_key = :k")
                .param("r", recipient).param("k", key).query(Long.class).single();
    }
}
