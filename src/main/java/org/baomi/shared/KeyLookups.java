package org.baomi.shared;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bulk translation between a table's natural key (staff number, MRN) and its primary key, for the monitoring's ingest
 * and feeds that carry thousands of keys per request: one query per call, at most {@link #MAX} keys.
 */
public final class KeyLookups {

    /** The most keys one call takes: a bound on the query's array parameter. */
    public static final int MAX = 10_000;

    private KeyLookups() {
    }

    /**
     * Natural key to id.
     *
     * @param sql a constant query with a {@code :keys} text-array parameter, selecting (natural key, id)
     * @throws IllegalArgumentException with more than {@link #MAX} keys
     */
    public static Map<String, Long> idsByKey(JdbcClient jdbc, String sql, Collection<String> keys) {
        Map<String, Long> found = new HashMap<>();
        if (!keys.isEmpty()) {
            jdbc.sql(sql).param("keys", bounded(keys).toArray(new String[0]))
                    .query(rs -> {
                        found.put(rs.getString(1), rs.getLong(2));
                    });
        }
        return found;
    }

    /**
     * Id to natural key.
     *
     * @param sql a constant query with an {@code :ids} bigint-array parameter, selecting (id, natural key)
     * @throws IllegalArgumentException with more than {@link #MAX} ids
     */
    public static Map<Long, String> keysById(JdbcClient jdbc, String sql, Collection<Long> ids) {
        Map<Long, String> found = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql(sql).param("ids", bounded(ids).toArray(new Long[0]))
                    .query(rs -> {
                        found.put(rs.getLong(1), rs.getString(2));
                    });
        }
        return found;
    }

    private static <T> Collection<T> bounded(Collection<T> keys) {
        if (keys.size() > MAX) {
            throw new IllegalArgumentException("at most " + MAX + " keys per call");
        }
        return keys;
    }
}
