package org.baomi.audit.internal.chain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The stored fields of one {@code aud_entry} row, as the chain hashes them. {@code details} is PostgreSQL's text
 * form of the jsonb value (normalised, so it reads back identically), {@code occurredAtMicros} microseconds since
 * the epoch (PostgreSQL's precision).
 */
public record EntryRow(long id, long occurredAtMicros, Long actorId, String actorName, String actorDepartment,
        String actorKind, String sourceAddress, String sessionRef, String action, String objectType, String objectId,
        String secretLevel, String outcome, String reasonKey, String details, String patientId, byte[] mac) {

    /** The columns {@link #read} expects, for SELECTs on {@code aud_entry e}. */
    public static final String COLUMNS = "e.id, (extract(epoch FROM date_trunc('second', e.occurred_at)))::bigint"
            + " * 1000000 + (extract(microseconds FROM e.occurred_at))::bigint % 1000000 AS occurred_micros,"
            + " e.actor_id, e.actor_name, e.actor_department, e.actor_kind, e.source_address, e.session_ref, e.action,"
            + " e.object_type, e.object_id, e.secret_level, e.outcome, e.reason_key, e.details::text AS details_text,"
            + " e.patient_id, e.mac";

    public static EntryRow read(ResultSet rs) throws SQLException {
        long actorId = rs.getLong("actor_id");
        Long actor = rs.wasNull() ? null : actorId;
        return new EntryRow(rs.getLong("id"), rs.getLong("occurred_micros"),
                actor, rs.getString("actor_name"), rs.getString("actor_department"), rs.getString("actor_kind"),
                rs.getString("source_address"), rs.getString("session_ref"), rs.getString("action"),
                rs.getString("object_type"), rs.getString("object_id"), rs.getString("secret_level"),
                rs.getString("outcome"), rs.getString("reason_key"), rs.getString("details_text"),
                rs.getString("patient_id"), rs.getBytes("mac"));
    }

    public static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    public EntryRow withMac(byte[] newMac) {
        return new EntryRow(id, occurredAtMicros, actorId, actorName, actorDepartment, actorKind, sourceAddress,
                sessionRef, action, objectType, objectId, secretLevel, outcome, reasonKey, details, patientId, newMac);
    }
}
