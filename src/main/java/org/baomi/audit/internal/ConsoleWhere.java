package org.baomi.audit.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.baomi.audit.AuditCursor;
import org.baomi.audit.AuditFilter;

/**
 * A console filter as a WHERE clause: fixed fragments, one per filter field, and named parameters for the
 * values. The time range and the keyset position are written so that the covering indexes
 * ({@code (actor_id | patient_id, occurred_at DESC, id DESC)}) serve them as one range.
 */
final class ConsoleWhere {

    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    private ConsoleWhere() {
        clauses.add("TRUE");
    }

    static ConsoleWhere of(AuditFilter f) {
        ConsoleWhere w = new ConsoleWhere();
        if (f.actorId() != null) {
            // actor_id holds account ids for people and token ids for API clients: a person is both.
            w.add("actor_id = :actorId AND actor_kind = 'PERSON'", "actorId", f.actorId());
        }
        if (f.patientId() != null) {
            w.add("patient_id = :patientId", "patientId", f.patientId());
        }
        if (f.objectType() != null) {
            w.add("object_type = :objectType", "objectType", f.objectType());
        }
        if (f.objectId() != null) {
            w.add("object_id = :objectId", "objectId", f.objectId());
        }
        if (f.from() != null) {
            w.add("occurred_at >= :from", "from", Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            w.add("occurred_at < :to", "to", Timestamp.from(f.to()));
        }
        if (f.group() != null) {
            List<String> ors = new ArrayList<>();
            for (int i = 0; i < f.group().prefixes().size(); i++) {
                ors.add("action LIKE :groupPrefix" + i);
                w.params.put("groupPrefix" + i, escapeLike(f.group().prefixes().get(i)) + "%");
            }
            w.clauses.add("(" + String.join(" OR ", ors) + ")");
        }
        if (f.actionPrefix() != null) {
            w.add("action LIKE :actionPrefix", "actionPrefix", escapeLike(f.actionPrefix()) + "%");
        }
        if (f.outcome() != null) {
            w.add("outcome = :outcome", "outcome", f.outcome().name());
        }
        if (f.level() != null) {
            w.add("secret_level = :level", "level", f.level().name());
        }
        if (f.department() != null) {
            w.add("actor_department = :department", "department", f.department());
        }
        if (f.actorText() != null) {
            w.add("(actor_name ILIKE :text OR action ILIKE :text OR object_id ILIKE :text)", "text",
                    "%" + escapeLike(f.actorText()) + "%");
        }
        return w;
    }

    /** Only entries older than the cursor: (time, id) below it, the order of the list. */
    ConsoleWhere before(AuditCursor cursor) {
        if (cursor != null) {
            clauses.add("(occurred_at, id) < (:cursorAt, :cursorId)");
            params.put("cursorAt", Timestamp.from(cursor.occurredAt()));
            params.put("cursorId", cursor.sequence());
        }
        return this;
    }

    ConsoleWhere after(AuditCursor cursor) {
        if (cursor != null) {
            clauses.add("(occurred_at, id) > (:cursorAt, :cursorId)");
            params.put("cursorAt", Timestamp.from(cursor.occurredAt()));
            params.put("cursorId", cursor.sequence());
        }
        return this;
    }

    String sql() {
        return String.join(" AND ", clauses);
    }

    Map<String, Object> params() {
        return Map.copyOf(params);
    }

    private void add(String clause, String name, Object value) {
        clauses.add(clause);
        params.put(name, value);
    }

    static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
