package org.baomi.monitor.internal.detect;

import java.sql.Array;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code mon_alert} as the scoring writes it (issue 7 item 3): upserts by alert key — a re-scored alert gets its new
 * score, evidence and events and keeps its status (IN_CASE and DISMISSED are the case workflow's), a WITHDRAWN one
 * found again opens again — and withdraws the OPEN alerts of the scored days that the run no longer produced.
 */
@Repository
class AlertStore {

    private final JdbcTemplate jdbc;
    private final JdbcClient client;

    AlertStore(JdbcTemplate jdbc, JdbcClient client) {
        this.jdbc = jdbc;
        this.client = client;
    }

    /** Upserts the alerts; staff numbers and MRNs by id fill user_ref and patient_ref. */
    void upsert(List<DetectionAlert> alerts, Map<Long, String> staffNos, Map<Long, String> mrns, Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.batchUpdate("INSERT INTO mon_alert (alert_key, detector, user_ref, person_id, patient_ref, patient_id, "
                + "score, evidence, event_ids, first_at, last_at, status, created_at, updated_at, alert_day) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, 'OPEN', ?, ?, ?) "
                + "ON CONFLICT (alert_key) DO UPDATE SET score = EXCLUDED.score, evidence = EXCLUDED.evidence, "
                + "event_ids = EXCLUDED.event_ids, first_at = EXCLUDED.first_at, last_at = EXCLUDED.last_at, "
                + "updated_at = EXCLUDED.updated_at, alert_day = EXCLUDED.alert_day, "
                + "status = CASE WHEN mon_alert.status = 'WITHDRAWN' THEN 'OPEN' ELSE mon_alert.status END",
                alerts, 1000, (ps, a) -> {
                    ps.setString(1, a.alertKey());
                    ps.setString(2, a.detector().name());
                    ps.setString(3, staffNos.getOrDefault(a.personId(), Long.toString(a.personId())));
                    ps.setLong(4, a.personId());
                    if (a.patientId() == null) {
                        ps.setNull(5, java.sql.Types.VARCHAR);
                        ps.setNull(6, java.sql.Types.BIGINT);
                    } else {
                        ps.setString(5, mrns.getOrDefault(a.patientId(), a.patientId().toString()));
                        ps.setLong(6, a.patientId());
                    }
                    ps.setBigDecimal(7, java.math.BigDecimal.valueOf(a.score()));
                    ps.setString(8, EvidenceJson.of(a.evidence()));
                    Long[] ids = new Long[a.eventIds().length];
                    for (int i = 0; i < ids.length; i++) {
                        ids[i] = a.eventIds()[i];
                    }
                    Array array = ps.getConnection().createArrayOf("bigint", ids);
                    ps.setArray(9, array);
                    ps.setTimestamp(10, Timestamp.from(a.firstAt()));
                    ps.setTimestamp(11, Timestamp.from(a.lastAt()));
                    ps.setTimestamp(12, at);
                    ps.setTimestamp(13, at);
                    ps.setDate(14, Date.valueOf(a.day()));
                });
    }

    /**
     * Withdraws the OPEN alerts of the days from..to (inclusive) whose keys are not among those produced; alerts in
     * a case or dismissed are left alone.
     *
     * @return how many were withdrawn
     */
    int withdrawOthers(LocalDate from, LocalDate to, Collection<String> produced, Instant now) {
        return client.sql("UPDATE mon_alert SET status = 'WITHDRAWN', updated_at = :now WHERE status = 'OPEN' "
                + "AND alert_day BETWEEN :from AND :to AND NOT (alert_key = ANY(:keys))")
                .param("now", Timestamp.from(now)).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .param("keys", produced.toArray(String[]::new)).update();
    }
}
