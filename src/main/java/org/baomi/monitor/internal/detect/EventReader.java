package org.baomi.monitor.internal.detect;

import java.sql.Timestamp;
import java.time.Instant;

import org.baomi.shared.BinaryCopyRows;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code mon_access_event} for a scoring run, in time order, streamed into columns. */
@Repository
class EventReader {

    private final JdbcTemplate jdbc;
    private final JdbcClient client;

    EventReader(JdbcTemplate jdbc, JdbcClient client) {
        this.jdbc = jdbc;
        this.client = client;
    }

    /** The window of the events after {@code afterId}: {earliest, latest} access time, or null when none. */
    Instant[] windowAfter(long afterId) {
        return client.sql("SELECT min(occurred_at) AS lo, max(occurred_at) AS hi FROM mon_access_event WHERE id > :id")
                .param("id", afterId)
                .query((rs, n) -> rs.getTimestamp("lo") == null ? null
                        : new Instant[] {rs.getTimestamp("lo").toInstant(), rs.getTimestamp("hi").toInstant()})
                .single();
    }

    long lastId() {
        return client.sql("SELECT coalesce(max(id), 0) FROM mon_access_event").query(Long.class).single();
    }

    /**
     * Events from {@code from} to {@code to} (inclusive) of resolved persons and patients, in time order (ties by id).
     * Read by binary COPY without ORDER BY and sorted in memory: for a full re-scoring of ten million events the
     * database's sort spilled to disk on one core and the row protocol built an object per field
     * (benchmarks/monitor-scoring-e2e.sh).
     */
    AccessEvents read(Instant from, Instant to) {
        int expected = client.sql("SELECT count(*) FROM mon_access_event WHERE occurred_at BETWEEN :from AND :to")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(Integer.class).single();
        AccessEvents events = new AccessEvents(expected);
        jdbc.execute((ConnectionCallback<Void>) con -> {
            // COPY takes no parameters: the bounds are instants formatted here (ISO-8601), never outside text
            try (BinaryCopyRows rows = BinaryCopyRows.open(con, "SELECT id, person_id, patient_id, occurred_at, "
                    + "action FROM mon_access_event WHERE occurred_at BETWEEN " + literal(from) + " AND "
                    + literal(to) + " AND person_id IS NOT NULL AND patient_id IS NOT NULL")) {
                while (rows.nextRow() >= 0) {
                    events.append(rows.int8NotNull(), rows.int8NotNull(), rows.int8NotNull(),
                            Math.floorDiv(rows.epochMicros(), 1_000_000L), AccessKind.valueOf(rows.text()).ordinal());
                }
            }
            return null;
        });
        events.sortByTime();
        return events;
    }

    private static String literal(Instant instant) {
        return "'" + instant + "'::timestamptz";
    }

    /** Events in the window whose person did not resolve. */
    long unresolved(Instant from, Instant to) {
        return client.sql("SELECT count(*) FROM mon_access_event WHERE occurred_at BETWEEN :from AND :to "
                + "AND person_id IS NULL").param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(Long.class).single();
    }
}
