package org.baomi.audit.internal.chain;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Inserts one audit entry with its MAC, in the caller's transaction (AUD-1, AUD-3). The MAC covers the id and
 * PostgreSQL's normalised text of the details, and a stored row can never be updated afterwards, so both must be
 * known before the INSERT. Usually that costs no extra round trip:
 * <ul>
 * <li>ids come from a block of {@value #ID_BLOCK} sequence values fetched at once (ids stay unique; as with rolled
 * back transactions, some are never used, and across instances their order no longer follows time; the chain's
 * order is (transaction id, id) and its sequence numbers stay gap-free);</li>
 * <li>the details' jsonb text is predicted in Java ({@link JsonbText}) and the INSERT stores the row only if
 * PostgreSQL's own text equals the prediction, so the MAC always covers exactly what is stored; when the prediction
 * is missing or wrong (no row inserted), the text is fetched from PostgreSQL first, as before.</li>
 * </ul>
 * The row's {@code tx} column takes the inserting transaction's id by default.
 */
public final class EntryWriter {

    static final int ID_BLOCK = 64;

    private static final String COLUMNS = "id, occurred_at, actor_id, actor_name, actor_department, actor_kind,"
            + " source_address, session_ref, action, object_type, object_id, secret_level, outcome, reason_key,"
            + " details, patient_id, mac";
    /** Typed: in the INSERT ... SELECT form PostgreSQL does not take parameter types from the target columns. */
    private static final String VALUES = "CAST(:id AS bigint), CAST(:at AS timestamptz), CAST(:actorId AS bigint),"
            + " CAST(:actorName AS text), CAST(:actorDepartment AS text), CAST(:actorKind AS text),"
            + " CAST(:source AS text), CAST(:sessionRef AS text), CAST(:action AS text), CAST(:objectType AS text),"
            + " CAST(:objectId AS text), CAST(:level AS text), CAST(:outcome AS text), CAST(:reasonKey AS text),"
            + " CAST(:details AS jsonb), CAST(:patientId AS text), CAST(:mac AS bytea)";

    private final JdbcClient jdbc;
    private final EntryMac mac;
    private final Deque<Long> ids = new ArrayDeque<>(ID_BLOCK);

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
        long id = nextId();
        String predicted = JsonbText.predict(n.detailsJson());
        if (predicted != null && insert(row(id, at, n, predicted), at,
                " SELECT " + VALUES + " WHERE CAST(:details AS jsonb)::text = :details") == 1) {
            return id;
        }
        String details = jdbc.sql("SELECT CAST(:details AS jsonb)::text").param("details", n.detailsJson())
                .query(String.class).single();
        insert(row(id, at, n, details), at, " VALUES (" + VALUES + ")");
        return id;
    }

    private static EntryRow row(long id, Instant at, NewEntry n, String details) {
        return new EntryRow(id, EntryRow.micros(at), n.actorId(), n.actorName(), n.actorDepartment(), n.actorKind(),
                n.sourceAddress(), n.sessionRef(), n.action(), n.objectType(), n.objectId(), n.secretLevel(),
                n.outcome(), n.reasonKey(), details, n.patientId(), null);
    }

    private int insert(EntryRow row, Instant at, String source) {
        return jdbc.sql("INSERT INTO aud_entry (" + COLUMNS + ")" + source)
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
    }

    /** The next id of the current block; a new block (one round trip) every {@value #ID_BLOCK} entries. */
    private long nextId() {
        synchronized (ids) {
            if (ids.isEmpty()) {
                ids.addAll(jdbc.sql("SELECT nextval('aud_entry_id_seq') FROM generate_series(1, :n)")
                        .param("n", ID_BLOCK).query(Long.class).list());
            }
            return ids.removeFirst();
        }
    }
}
