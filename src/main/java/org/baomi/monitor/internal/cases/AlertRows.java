package org.baomi.monitor.internal.cases;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.baomi.iam.StaffLookup;
import org.baomi.iam.StaffPrincipal;
import org.baomi.monitor.AlertQuery;
import org.baomi.monitor.AlertQueryEvidence;
import org.baomi.monitor.AlertQueryRow;
import org.baomi.monitor.AlertQueryStatus;
import org.baomi.monitor.Detector;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads alerts (contract table {@code mon_alert}) for the queue, the export, the API and the case page: filters are
 * fixed SQL fragments chosen by which filter is set, values always bound, the order chosen by
 * {@link org.baomi.monitor.AlertQuerySort} (house rule: never SQL from request text). Evidence is rendered in the
 * reader's language; a key no bundle has is shown as the key.
 */
@Component
class AlertRows {

    private static final String COLUMNS = "id, detector, user_ref, person_id, patient_ref, patient_id, score, "
            + "evidence::text AS evidence, event_ids, first_at, last_at, status, case_id, dismissed_reason";

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final StaffLookup staff;
    private final JsonMapper json = JsonMapper.builder().build();

    AlertRows(JdbcClient jdbc, MessageSource messages, StaffLookup staff) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.staff = staff;
    }

    /** A raw alert before names and evidence are rendered. */
    record Raw(long id, Detector detector, String userRef, Long personId, String patientRef, Long patientId,
            BigDecimal score, String evidence, List<Long> eventIds, java.time.Instant firstAt,
            java.time.Instant lastAt, AlertQueryStatus status, Long caseId, String dismissedReason) {
    }

    /** The rows of the page the query asks for (its size, from its page). */
    List<Raw> page(AlertQuery q) {
        Where where = where(q);
        String sql = "SELECT " + COLUMNS + " FROM mon_alert" + where.sql + " ORDER BY " + order(q)
                + " LIMIT :limit OFFSET :offset";
        return where.bind(jdbc.sql(sql)).param("limit", q.size()).param("offset", (long) q.page() * q.size())
                .query(AlertRows::raw).list();
    }

    long count(AlertQuery q) {
        Where where = where(q);
        return where.bind(jdbc.sql("SELECT count(*) FROM mon_alert" + where.sql)).query(Long.class).single();
    }

    List<Raw> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM mon_alert WHERE id = ANY(:ids) ORDER BY id")
                .param("ids", ids.toArray(Long[]::new)).query(AlertRows::raw).list();
    }

    List<Raw> ofCase(long caseId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM mon_alert WHERE case_id = :c ORDER BY score DESC, last_at DESC")
                .param("c", caseId).query(AlertRows::raw).list();
    }

    /** Names and evidence in the locale's language; persons are looked up once each. */
    List<AlertQueryRow> render(List<Raw> raws, Locale locale) {
        Map<Long, String> names = new HashMap<>();
        List<AlertQueryRow> rows = new ArrayList<>(raws.size());
        for (Raw r : raws) {
            String name = r.personId() == null ? null : names.computeIfAbsent(r.personId(),
                    id -> staff.activeById(id).map(StaffPrincipal::fullName).orElse(""));
            rows.add(new AlertQueryRow(r.id(), r.detector(), r.userRef(), r.personId(),
                    name == null || name.isEmpty() ? null : name, r.patientRef(), r.patientId(), r.score(),
                    evidence(r.evidence(), locale), r.eventIds(), r.firstAt(), r.lastAt(), r.status(), r.caseId(),
                    r.dismissedReason()));
        }
        return rows;
    }

    /** The evidence lines {"key": ..., "args": [...]} rendered; anything else stored is shown as it is. */
    List<AlertQueryEvidence> evidence(String stored, Locale locale) {
        List<AlertQueryEvidence> lines = new ArrayList<>();
        JsonNode root;
        try {
            root = json.readTree(stored);
        } catch (RuntimeException e) {
            return List.of(new AlertQueryEvidence(null, List.of(), stored));
        }
        List<JsonNode> items = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(items::add);
        } else {
            items.add(root);
        }
        for (JsonNode item : items) {
            String key = item.path("key").isString() ? item.path("key").asString() : null;
            List<Object> args = new ArrayList<>();
            item.path("args").forEach(a -> args.add(a.isNumber() ? a.numberValue() : a.asString()));
            String text = key == null ? item.toString()
                    : messages.getMessage(key, args.toArray(), key, locale);
            lines.add(new AlertQueryEvidence(key, args, text));
        }
        return lines;
    }

    private static String order(AlertQuery q) {
        return switch (q.sort()) {
            case SCORE -> "score DESC, last_at DESC, id DESC";
            case NEWEST -> "last_at DESC, id DESC";
            case OLDEST -> "last_at ASC, id ASC";
        };
    }

    /** The WHERE clause of the set filters, with their values. */
    private static Where where(AlertQuery q) {
        StringBuilder sql = new StringBuilder();
        Map<String, Object> params = new LinkedHashMap<>();
        if (q.from() != null) {
            add(sql, "last_at >= :from");
            params.put("from", Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            add(sql, "last_at < :to");
            params.put("to", Timestamp.from(q.to()));
        }
        if (q.detector() != null) {
            add(sql, "detector = :detector");
            params.put("detector", q.detector().name());
        }
        if (q.person() != null) {
            add(sql, "person_id = :person");
            params.put("person", q.person());
        }
        if (q.patient() != null) {
            add(sql, "patient_id = :patient");
            params.put("patient", q.patient());
        }
        if (q.status() != null) {
            add(sql, "status = :status");
            params.put("status", q.status().name());
        }
        return new Where(sql.toString(), params);
    }

    private static void add(StringBuilder sql, String condition) {
        sql.append(sql.isEmpty() ? " WHERE " : " AND ").append(condition);
    }

    private record Where(String sql, Map<String, Object> params) {
        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            params.forEach(spec::param);
            return spec;
        }
    }

    static Raw raw(ResultSet rs, int n) throws SQLException {
        return new Raw(rs.getLong("id"), Detector.valueOf(rs.getString("detector")), rs.getString("user_ref"),
                (Long) rs.getObject("person_id", Long.class), rs.getString("patient_ref"),
                (Long) rs.getObject("patient_id", Long.class), rs.getBigDecimal("score"), rs.getString("evidence"),
                ids(rs.getArray("event_ids")), rs.getTimestamp("first_at").toInstant(),
                rs.getTimestamp("last_at").toInstant(), AlertQueryStatus.valueOf(rs.getString("status")),
                (Long) rs.getObject("case_id", Long.class), rs.getString("dismissed_reason"));
    }

    static List<Long> ids(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object values = array.getArray();
        if (values instanceof Long[] longs) {
            return Arrays.asList(longs);
        }
        List<Long> ids = new ArrayList<>();
        for (Object o : (Object[]) values) {
            ids.add(((Number) o).longValue());
        }
        return ids;
    }
}
