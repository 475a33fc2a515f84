package org.baomi.audit.internal.chain;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Inserts one audit entry with its MAC, in the caller's transaction (AUD-1, AUD-3). The id and PostgreSQL's
 * normalised text of the details come first in one round trip, because the MAC covers both and a stored row can
 * never be updated afterwards. The row's {@code tx} column takes the inserting transaction's id by default.
 */
public final class EntryWriter {

    private final JdbcClient jdbc;
    private final EntryMac mac;

    public EntryWriter(JdbcClient jdbc, EntryMac mac) {
        this.jdbc = jdbc;
        this.mac = mac;
    }

    /** The fields of an entry to write; strings already bounded by the caller. */
    public record NewEntry(Instant occurredAt, Long actorId, String actorName, String actorDepartment, String actorKind,
            String sourceAddress, String sessionRef, String action, String objectType, String objectId,
            String secretLevel, String outcome, String reasonKey, String detailsJson, String patientId) {
    }

    /** @return the entry's id */
    public long insert(NewEntry n) {
        Instant at = n.occurredAt().truncatedTo(ChronoUnit.MICROS);
        Prepared prepared = jdbc.sql("SELECT nextval('aud_entry_id_seq') AS id, CAST(:details AS jsonb)::text AS d")
                .param("details", n.detailsJson())
                .query((rs, i) -> new Prepared(rs.getLong("id"), rs.getString("d")))
                .single();
        EntryRow row = new EntryRow(prepared.id(), EntryRow.micros(at), n.actorId(), n.actorName(),
                n.actorDepartment(), n.actorKind(), n.sourceAddress(), n.sessionRef(), n.action(), n.objectType(),
                n.objectId(), n.secretLevel(), n.outcome(), n.reasonKey(), prepared.details(), n.patientId(), null);
        jdbc.sql("""
                INSERT INTO aud_entry (id, occurred_at, actor_id, actor_name, actor_department, actor_kind,
                    source_address, session_ref, action, object_type, object_id, secret_level, outcome, reason_key,
                    details, patient_id, mac)
                VALUES (:id, :at, :actorId, :actorName, :actorDepartment, :actorKind, :source, :sessionRef, :action,
                    :objectType, :objectId, :level, :outcome, :reasonKey, CAST(:details AS jsonb), :patientId, :mac)
                """)
                .param("id", row.id())
                .param("at", Timestamp.from(at))
                .param("actorId", row.actorId())
                .param("actorName", row.actorName())
                .param("actorDepartment", row.actorDepartment())
                .param("actorKind", row.actorKind())
                .param("source", row.sourceAddress())
                .param("sessionRef", row.sessionRef())
                .param("action", row.action())
                .param("objectType", row.objectType())
                .param("objectId", row.objectId())
                .param("level", row.secretLevel())
                .param("outcome", row.outcome())
                .param("reasonKey", row.reasonKey())
                .param("details", row.details())
                .param("patientId", row.patientId())
                .param("mac", mac.mac(row))
                .update();
        return row.id();
    }

    private record Prepared(long id, String details) {
    }
}
