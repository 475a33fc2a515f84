package org.baomi.audit.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.baomi.audit.ActorKind;

import org.baomi.audit.AuditQueries;
import org.baomi.audit.AuditRecord;
import org.baomi.audit.AuditSearch;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the trail for the administrators' screens; the writing side is {@link JdbcAuditTrail}. */
@Service
class JdbcAuditQueries implements AuditQueries {

    private final JdbcClient jdbc;

    JdbcAuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditRecord> search(AuditSearch search) {
        Where where = where(search);
        return jdbc.sql("SELECT " + ConsoleQueries.RECORD_COLUMNS + " FROM aud_entry WHERE " + where.sql()
                        + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .params(where.params())
                .param("limit", search.size())
                .param("offset", (long) search.page() * search.size())
                .query((rs, n) -> ConsoleQueries.record(rs))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public long count(AuditSearch search) {
        Where where = where(search);
        return jdbc.sql("SELECT count(*) FROM aud_entry WHERE " + where.sql()).params(where.params())
                .query(Long.class).single();
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditRecord> ofPatient(String patientId, Instant from, Instant to, Set<ActorKind> actorKinds,
            int limit) {
        Objects.requireNonNull(patientId, "patientId");
        if (limit < 1 || limit > 5000) {
            throw new IllegalArgumentException("limit must be 1 to 5000");
        }
        String[] kinds = actorKinds == null ? new String[0]
                : actorKinds.stream().map(ActorKind::name).toArray(String[]::new);
        // served by the index on (patient_id, occurred_at DESC, id DESC)
        return jdbc.sql("SELECT " + ConsoleQueries.RECORD_COLUMNS + """
                 FROM aud_entry WHERE patient_id = :patient
                  AND (CAST(:from AS TIMESTAMPTZ) IS NULL OR occurred_at >= CAST(:from AS TIMESTAMPTZ))
                  AND (CAST(:to AS TIMESTAMPTZ) IS NULL OR occurred_at < CAST(:to AS TIMESTAMPTZ))
                  AND (cardinality(CAST(:kinds AS TEXT[])) = 0 OR actor_kind = ANY(CAST(:kinds AS TEXT[])))
                ORDER BY occurred_at DESC, id DESC LIMIT :limit
                """).param("patient", patientId).param("from", from == null ? null : Timestamp.from(from))
                .param("to", to == null ? null : Timestamp.from(to)).param("kinds", kinds).param("limit", limit)
                .query((rs, n) -> ConsoleQueries.record(rs)).list();
    }

    /** Filters become fixed SQL fragments with named parameters; no request text reaches the SQL string. */
    private static Where where(AuditSearch s) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        clauses.add("TRUE");
        if (!s.actionPrefixes().isEmpty()) {
            List<String> ors = new ArrayList<>();
            int i = 0;
            for (String prefix : s.actionPrefixes()) {
                ors.add("action LIKE :actionPrefix" + i);
                params.put("actionPrefix" + i, escapeLike(prefix) + "%");
                i++;
            }
            clauses.add("(" + String.join(" OR ", ors) + ")");
        }
        if (!s.actorIds().isEmpty()) {
            clauses.add("actor_id IN (:actorIds)");
            params.put("actorIds", s.actorIds());
        }
        if (s.outcome() != null) {
            clauses.add("outcome = :outcome");
            params.put("outcome", s.outcome().name());
        }
        if (s.from() != null) {
            clauses.add("occurred_at >= :from");
            params.put("from", Timestamp.from(s.from()));
        }
        if (s.to() != null) {
            clauses.add("occurred_at < :to");
            params.put("to", Timestamp.from(s.to()));
        }
        if (s.text() != null && !s.text().isBlank()) {
            clauses.add("(actor_name ILIKE :text OR action ILIKE :text OR object_id ILIKE :text)");
            params.put("text", "%" + escapeLike(s.text().strip()) + "%");
        }
        return new Where(String.join(" AND ", clauses), params);
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private record Where(String sql, Map<String, Object> params) {
    }
}
