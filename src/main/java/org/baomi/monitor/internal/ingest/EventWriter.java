package org.baomi.monitor.internal.ingest;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes access events in ONE statement per request: {@code INSERT ... SELECT FROM unnest(arrays) ON CONFLICT DO
 * NOTHING}, so that a batch of thousands costs one round trip and one plan, and a duplicate (the unique source and
 * event key) is skipped by the database, also against a concurrent request carrying the same event. Joins the
 * caller's transaction.
 */
@Component
class EventWriter {

    private static final String INSERT = """
            INSERT INTO mon_access_event (source_system, event_key, occurred_at, user_ref, person_id, patient_ref,
                patient_id, action, workstation, department_id, department_ref, received_at)
            SELECT s, k, TIMESTAMPTZ 'epoch' + t * INTERVAL '1 microsecond', u, p, pr, pi, a, w, d, dr, ?
            FROM unnest(CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS INT8[]), CAST(? AS TEXT[]),
                CAST(? AS INT8[]), CAST(? AS TEXT[]), CAST(? AS INT8[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]),
                CAST(? AS INT8[]), CAST(? AS TEXT[])) AS x(s, k, t, u, p, pr, pi, a, w, d, dr)
            ON CONFLICT (source_system, event_key) DO NOTHING
            """;

    /** Between source and key in an identity: a character neither may contain. */
    private static final char SEP = 0;

    private final JdbcTemplate jdbc;

    EventWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param keysWritten when not null, receives the {@link #identity} of each row actually inserted (for per-item
     *                    answers; costs a RETURNING, so the bulk path passes null)
     * @return how many rows were inserted
     */
    int write(List<AccessEventRow> rows, Instant receivedAt, Set<String> keysWritten) {
        if (rows.isEmpty()) {
            return 0;
        }
        return jdbc.execute((ConnectionCallback<Integer>) connection -> insert(connection, rows, receivedAt,
                keysWritten));
    }

    private static int insert(Connection c, List<AccessEventRow> rows, Instant receivedAt, Set<String> keysWritten)
            throws java.sql.SQLException {
        int n = rows.size();
        String[] sources = new String[n];
        String[] keys = new String[n];
        Long[] times = new Long[n];
        String[] users = new String[n];
        Long[] persons = new Long[n];
        String[] patientRefs = new String[n];
        Long[] patients = new Long[n];
        String[] actions = new String[n];
        String[] workstations = new String[n];
        Long[] departments = new Long[n];
        String[] departmentRefs = new String[n];
        for (int i = 0; i < n; i++) {
            AccessEventRow r = rows.get(i);
            sources[i] = r.source;
            keys[i] = r.key;
            times[i] = ChronoUnit.MICROS.between(Instant.EPOCH, r.occurredAt);
            users[i] = r.userRef;
            persons[i] = r.personId;
            patientRefs[i] = r.patientRef;
            patients[i] = r.patientId;
            actions[i] = r.action;
            workstations[i] = r.workstation;
            departments[i] = r.departmentId;
            departmentRefs[i] = r.departmentRef;
        }
        String sql = keysWritten == null ? INSERT : INSERT + " RETURNING source_system, event_key";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(receivedAt));
            Array[] arrays = {c.createArrayOf("text", sources), c.createArrayOf("text", keys),
                c.createArrayOf("int8", times), c.createArrayOf("text", users), c.createArrayOf("int8", persons),
                c.createArrayOf("text", patientRefs), c.createArrayOf("int8", patients),
                c.createArrayOf("text", actions), c.createArrayOf("text", workstations),
                c.createArrayOf("int8", departments), c.createArrayOf("text", departmentRefs)};
            for (int i = 0; i < arrays.length; i++) {
                ps.setArray(i + 2, arrays[i]);
            }
            if (keysWritten == null) {
                return ps.executeUpdate();
            }
            int inserted = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keysWritten.add(rs.getString(1) + SEP + rs.getString(2));
                    inserted++;
                }
            }
            return inserted;
        }
    }

    static String identity(AccessEventRow row) {
        return row.source + SEP + row.key;
    }
}
