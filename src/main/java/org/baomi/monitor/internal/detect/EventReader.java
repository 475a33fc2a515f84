package org.baomi.monitor.internal.detect;

import java.sql.Timestamp;
import java.time.Instant;

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

    /** Events from {@code from} to {@code to} (inclusive) of resolved persons and patients. */
    AccessEvents read(Instant from, Instant to) {
        int expected = client.sql("SELECT count(*) FROM mon_access_event WHERE occurred_at BETWEEN :from AND :to")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(Integer.class).single();
        AccessEvents events = new AccessEvents(expected);
        jdbc.query(con -> {
            var ps = con.prepareStatement("SELECT id, person_id, patient_id, occurred_at, action FROM mon_access_event "
                    + "WHERE occurred_at BETWEEN ? AND ? AND person_id IS NOT NULL AND patient_id IS NOT NULL "
                    + "ORDER BY occurred_at, id");
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            ps.setFetchSize(10_000);
            return ps;
        }, rs -> {
            events.add(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getTimestamp(4).toInstant().getEpochSecond(),
                    AccessKind.valueOf(rs.getString(5)).ordinal());
        });
        return events;
    }

    /** Events in the window whose person did not resolve. */
    long unresolved(Instant from, Instant to) {
        return client.sql("SELECT count(*) FROM mon_access_event WHERE occurred_at BETWEEN :from AND :to "
                + "AND person_id IS NULL").param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(Long.class).single();
    }
}
