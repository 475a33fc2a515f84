package org.baomi.audit.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.baomi.audit.SecurityEventsOverview.SourceCount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Aggregates over the trail for the security administrator (ACC-8). Fixed SQL with named parameters only;
 * actions come from {@link org.baomi.audit.SecurityEventKind}, never from the request.
 */
@Component
class SecurityEventQueries {

    /** Counting buckets of a quarter of an hour: every time zone's offset is a multiple of it. */
    static final long BUCKET_SECONDS = 900;

    private final JdbcClient jdbc;

    SecurityEventQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A count of one action within one quarter-hour bucket (seconds since the epoch / 900). */
    record BucketCount(long bucket, String action, long count) {
    }

    /** How many entries of each action from {@code from} (inclusive) to {@code to} (exclusive) contain the text. */
    Map<String, Long> countByAction(Collection<String> actions, Instant from, Instant to, String text) {
        Filter f = new Filter(actions, from, to, text);
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("SELECT action, count(*) AS n FROM aud_entry WHERE " + f.sql() + " GROUP BY action")
                .params(f.params())
                .query((rs, n) -> Map.entry(rs.getString("action"), rs.getLong("n")))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    List<BucketCount> countByBucket(Collection<String> actions, Instant from, Instant to) {
        Filter f = new Filter(actions, from, to, null);
        return jdbc.sql("""
                SELECT floor(extract(epoch FROM occurred_at) / %d)::bigint AS bucket, action, count(*) AS n
                FROM aud_entry WHERE %s GROUP BY 1, 2
                """.formatted(BUCKET_SECONDS, f.sql()))
                .params(f.params())
                .query((rs, n) -> new BucketCount(rs.getLong("bucket"), rs.getString("action"), rs.getLong("n")))
                .list();
    }

    /** The address and (claimed) name pairs behind most entries, most first. */
    List<SourceCount> topSources(Collection<String> actions, Instant from, Instant to, String text, int limit) {
        Filter f = new Filter(actions, from, to, text);
        return jdbc.sql("""
                SELECT source_address, actor_name, count(*) AS n, max(occurred_at) AS last_seen
                FROM aud_entry WHERE %s
                GROUP BY source_address, actor_name ORDER BY n DESC, last_seen DESC LIMIT :limit
                """.formatted(f.sql()))
                .params(f.params())
                .param("limit", limit)
                .query((rs, n) -> new SourceCount(rs.getString("source_address"), rs.getString("actor_name"),
                        rs.getLong("n"), rs.getTimestamp("last_seen").toInstant()))
                .list();
    }

    private record Filter(Collection<String> actions, Instant from, Instant to, String text) {

        String sql() {
            return "action IN (:actions) AND occurred_at >= :from AND occurred_at < :to"
                    + (text == null ? "" : " AND (actor_name ILIKE :text OR action ILIKE :text OR object_id ILIKE :text)");
        }

        Map<String, Object> params() {
            Map<String, Object> params = new HashMap<>();
            params.put("actions", List.copyOf(actions));
            params.put("from", Timestamp.from(from));
            params.put("to", Timestamp.from(to));
            if (text != null) {
                params.put("text", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
            return params;
        }
    }
}
