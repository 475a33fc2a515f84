package org.baomi.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.baomi.audit.ActorKind;
import org.baomi.audit.AuditActivity.ActionCount;
import org.baomi.audit.AuditCount;
import org.baomi.audit.AuditCursor;
import org.baomi.audit.AuditFilter;
import org.baomi.audit.AuditListRow;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The console's reads of the trail: keyset pages, capped counts, one entry, activity buckets and the export
 * stream. Filters become fixed SQL fragments with named parameters ({@link ConsoleWhere}); no request text
 * reaches the SQL string (house rule: dynamic filters through fixed code).
 */
@Component
class ConsoleQueries {

    /** Counting buckets of a quarter of an hour: every time zone's offset is a multiple of it. */
    static final long BUCKET_SECONDS = 900;
    /** Rows fetched per round trip while exporting, so an export never sits in memory whole. */
    private static final int EXPORT_FETCH_SIZE = 500;

    /**
     * Exactly the columns of the covering indexes (aud_entry_actor_cover_idx, aud_entry_patient_cover_idx):
     * adding one here costs the index-only scan.
     */
    private static final String LIST_COLUMNS = """
            id, occurred_at, actor_id, actor_kind, actor_name, action, outcome, object_type, object_id, secret_level,
            patient_id""";
    static final String RECORD_COLUMNS = """
            id, occurred_at, actor_id, actor_name, actor_department, actor_kind, source_address, action, object_type,
            object_id, secret_level, outcome, reason_key, details::text AS details, session_ref, patient_id""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate streaming;

    ConsoleQueries(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(EXPORT_FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(template);
    }

    /**
     * Up to {@code limit} entries older than {@code before} (or the newest), newest first; or, with {@code after},
     * the {@code limit} entries just newer than it, also returned newest first.
     */
    List<AuditListRow> page(AuditFilter filter, AuditCursor before, AuditCursor after, int limit) {
        ConsoleWhere where = ConsoleWhere.of(filter).before(before).after(after);
        String order = after == null ? "occurred_at DESC, id DESC" : "occurred_at ASC, id ASC";
        List<AuditListRow> rows = jdbc.sql("SELECT " + LIST_COLUMNS + " FROM aud_entry WHERE " + where.sql()
                        + " ORDER BY " + order + " LIMIT :limit")
                .params(where.params())
                .param("limit", limit)
                .query((rs, n) -> listRow(rs))
                .list();
        if (after != null) {
            rows = new ArrayList<>(rows);
            Collections.reverse(rows);
        }
        return rows;
    }

    /** Matching entries, counted up to {@code cap}: reading past the cap would make a large trail slow. */
    AuditCount count(AuditFilter filter, int cap) {
        ConsoleWhere where = ConsoleWhere.of(filter);
        long n = jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM aud_entry WHERE " + where.sql()
                        + " LIMIT :cap) AS capped")
                .params(where.params())
                .param("cap", cap + 1)
                .query(Long.class).single();
        return new AuditCount(Math.min(n, cap), n > cap);
    }

    Optional<AuditRecord> find(long sequence) {
        return jdbc.sql("SELECT " + RECORD_COLUMNS + " FROM aud_entry WHERE id = :id")
                .param("id", sequence)
                .query((rs, n) -> record(rs))
                .optional();
    }

    /** A count of one outcome within one quarter-hour bucket (seconds since the epoch / 900). */
    record BucketCount(long bucket, AuditOutcome outcome, long count) {
    }

    List<BucketCount> countByBucket(AuditFilter filter) {
        ConsoleWhere where = ConsoleWhere.of(filter);
        return jdbc.sql("""
                SELECT floor(extract(epoch FROM occurred_at) / %d)::bigint AS bucket, outcome, count(*) AS n
                FROM aud_entry WHERE %s GROUP BY 1, 2
                """.formatted(BUCKET_SECONDS, where.sql()))
                .params(where.params())
                .query((rs, n) -> new BucketCount(rs.getLong("bucket"), AuditOutcome.valueOf(rs.getString("outcome")),
                        rs.getLong("n")))
                .list();
    }

    List<ActionCount> deniedActions(AuditFilter filter, int limit) {
        ConsoleWhere where = ConsoleWhere.of(filter);
        return jdbc.sql("SELECT action, count(*) AS n FROM aud_entry WHERE " + where.sql()
                        + " AND outcome = 'DENIED' GROUP BY action ORDER BY n DESC, action LIMIT :limit")
                .params(where.params())
                .param("limit", limit)
                .query((rs, n) -> new ActionCount(rs.getString("action"), rs.getLong("n")))
                .list();
    }

    /** Gives up on the current transaction's statements after this long (charts over a huge period). */
    void limitStatementTime(int milliseconds) {
        jdbc.sql("SELECT set_config('statement_timeout', :ms, true)")
                .param("ms", Integer.toString(milliseconds)).query(String.class).single();
    }

    /** A callback per exported row that may fail with the writer's exception. */
    interface RowConsumer {
        void accept(AuditRecord record) throws java.io.IOException;
    }

    /**
     * Streams up to {@code limit} matching entries, newest first, leaving out {@code excluded} (the export's own
     * record); rows travel in batches of {@link #EXPORT_FETCH_SIZE} (a cursor, as the transaction is open).
     */
    void stream(AuditFilter filter, long excluded, int limit, RowConsumer consumer) {
        ConsoleWhere where = ConsoleWhere.of(filter);
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("excluded", excluded);
        params.put("limit", limit);
        streaming.query("SELECT " + RECORD_COLUMNS + " FROM aud_entry WHERE " + where.sql()
                + " AND id <> :excluded ORDER BY occurred_at DESC, id DESC LIMIT :limit", params, rs -> {
                    try {
                        consumer.accept(record(rs));
                    } catch (java.io.IOException e) {
                        throw new ExportAborted(e);
                    }
                });
    }

    /** The reader's connection failed while an export was being written. */
    static final class ExportAborted extends RuntimeException {
        ExportAborted(java.io.IOException cause) {
            super(cause);
        }
    }

    private static AuditListRow listRow(ResultSet rs) throws SQLException {
        return new AuditListRow(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                (Long) rs.getObject("actor_id"), ActorKind.valueOf(rs.getString("actor_kind")),
                rs.getString("actor_name"), rs.getString("action"), AuditOutcome.valueOf(rs.getString("outcome")),
                rs.getString("object_type"), rs.getString("object_id"), rs.getString("secret_level"),
                rs.getString("patient_id"));
    }

    static AuditRecord record(ResultSet rs) throws SQLException {
        return new AuditRecord(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                (Long) rs.getObject("actor_id"), rs.getString("actor_name"), rs.getString("actor_department"),
                ActorKind.valueOf(rs.getString("actor_kind")), rs.getString("source_address"),
                rs.getString("action"), rs.getString("object_type"), rs.getString("object_id"),
                rs.getString("secret_level"), AuditOutcome.valueOf(rs.getString("outcome")),
                rs.getString("reason_key"), rs.getString("details"), rs.getString("session_ref"),
                rs.getString("patient_id"));
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant);
    }
}
