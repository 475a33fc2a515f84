package org.baomi.privacy.internal.selfservice;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The self-service tables ({@code pat_self_*}) and the reads of the patient directory that self-service needs
 * (ACC-5). No decisions here: the services decide, throttle and audit.
 */
@Component
class SelfServiceStore {

    /** First key of the desk limit's advisory lock: "pats" in ASCII, apart from other modules' locks. */
    private static final int DESK_LOCK = 0x70617473;

    private final JdbcClient jdbc;

    SelfServiceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Patient(long id, String mrn, String name, LocalDate birthDate, String idNumber, String phone) {
    }

    record Code(long id, long patientId, byte[] salt, byte[] hash) {
    }

    record Session(long id, long patientId, Instant startedAt, Instant lastSeenAt, Instant endedAt) {
    }

    record Charge(long encounterId, String itemCode, String itemName, String category, BigDecimal quantity,
            BigDecimal unitPrice, BigDecimal amount, LocalDate date) {
    }

    record Encounter(long id, String encounterClass, long departmentId, Instant start, Instant end) {
    }

    private static final String PATIENT_COLUMNS = "id, mrn, name, birth_date, id_number, phone";

    private static Patient patient(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Patient(rs.getLong("id"), rs.getString("mrn"), rs.getString("name"),
                rs.getDate("birth_date").toLocalDate(), rs.getString("id_number"), rs.getString("phone"));
    }

    Optional<Patient> patient(long id) {
        return jdbc.sql("SELECT " + PATIENT_COLUMNS + " FROM pat_patient WHERE id = :id").param("id", id)
                .query((rs, n) -> patient(rs)).optional();
    }

    /** Patients with exactly this MRN or ID number (the desk's lookup). */
    List<Patient> byMrnOrIdNumber(String mrn, String idNumber) {
        return jdbc.sql("SELECT " + PATIENT_COLUMNS + " FROM pat_patient WHERE mrn = :mrn OR id_number = :idn "
                + "ORDER BY id LIMIT 20").param("mrn", mrn).param("idn", idNumber).query((rs, n) -> patient(rs)).list();
    }

    /** Patients with exactly this ID number and name (the sign-in's identification; deceased patients excluded). */
    List<Patient> byIdNumberAndName(String idNumber, String name) {
        return jdbc.sql("SELECT " + PATIENT_COLUMNS + " FROM pat_patient WHERE id_number = :idn AND name = :name "
                + "AND NOT deceased ORDER BY id").param("idn", idNumber).param("name", name)
                .query((rs, n) -> patient(rs)).list();
    }

    /** Voids every code of the patient still usable: one code at a time. */
    void voidCodes(long patientId, Instant now) {
        jdbc.sql("UPDATE pat_self_code SET voided_at = :now WHERE patient_id = :p AND used_at IS NULL "
                + "AND voided_at IS NULL").param("now", Timestamp.from(now)).param("p", patientId).update();
    }

    long insertCode(long patientId, String channel, byte[] salt, byte[] hash, Long issuedBy, Instant now,
            Instant expires) {
        return jdbc.sql("""
                INSERT INTO pat_self_code (patient_id, channel, salt, code_hash, issued_by, issued_at, expires_at)
                VALUES (:p, :c, :salt, :hash, :by, :now, :exp) RETURNING id
                """).param("p", patientId).param("c", channel).param("salt", salt).param("hash", hash)
                .param("by", issuedBy).param("now", Timestamp.from(now)).param("exp", Timestamp.from(expires))
                .query(Long.class).single();
    }

    /** Codes of these patients that may still be used now (unused, not voided, not expired, tries left). */
    List<Code> usableCodes(List<Long> patientIds, Instant now, int maxAttempts) {
        if (patientIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, patient_id, salt, code_hash FROM pat_self_code
                WHERE patient_id = ANY(CAST(:p AS BIGINT[])) AND used_at IS NULL AND voided_at IS NULL
                  AND expires_at > :now AND attempts < :max
                FOR UPDATE
                """).param("p", patientIds.toArray(new Long[0])).param("now", Timestamp.from(now))
                .param("max", maxAttempts)
                .query((rs, n) -> new Code(rs.getLong(1), rs.getLong(2), rs.getBytes(3), rs.getBytes(4))).list();
    }

    void countWrongTry(List<Long> codeIds) {
        if (!codeIds.isEmpty()) {
            jdbc.sql("UPDATE pat_self_code SET attempts = attempts + 1 WHERE id = ANY(CAST(:ids AS BIGINT[]))")
                    .param("ids", codeIds.toArray(new Long[0])).update();
        }
    }

    /** Uses the code up; false when it was used meanwhile (single use even under concurrent sign-ins). */
    boolean useCode(long codeId, Instant now) {
        return jdbc.sql("UPDATE pat_self_code SET used_at = :now WHERE id = :id AND used_at IS NULL")
                .param("now", Timestamp.from(now)).param("id", codeId).update() == 1;
    }

    /** Serialises the desk limit's count-then-insert per clerk (transaction-scoped advisory lock). */
    void lockClerk(long accountId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:ns, :id)").param("ns", DESK_LOCK).param("id", (int) accountId)
                .query().listOfRows();
    }

    /** Codes this clerk issued at the desk since the time (ACC-5 desk limit). */
    long deskCodesSince(long accountId, Instant since) {
        return jdbc.sql("""
                SELECT count(*) FROM pat_self_code
                WHERE issued_by = :by AND channel = 'DESK' AND issued_at > :since
                """).param("by", accountId).param("since", Timestamp.from(since)).query(Long.class).single();
    }

    void recordAttempt(String kind, String idNumberHash, String address, Instant now, boolean succeeded) {
        jdbc.sql("""
                INSERT INTO pat_self_attempt (kind, id_number_hash, client_address, attempted_at, succeeded)
                VALUES (:k, :h, :a, :now, :ok)
                """).param("k", kind).param("h", idNumberHash).param("a", address).param("now", Timestamp.from(now))
                .param("ok", succeeded).update();
    }

    /** Failed attempts (sign-ins and SMS requests) since the time: [per ID number, per client address]. */
    long[] failuresSince(String idNumberHash, String address, Instant since) {
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE id_number_hash = :h), count(*) FILTER (WHERE client_address = :a)
                FROM pat_self_attempt
                WHERE NOT succeeded AND attempted_at > :since AND (id_number_hash = :h OR client_address = :a)
                """).param("h", idNumberHash).param("a", address).param("since", Timestamp.from(since))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    long smsSentSince(String idNumberHash, Instant since) {
        return jdbc.sql("""
                SELECT count(*) FROM pat_self_attempt
                WHERE kind = 'SMS' AND succeeded AND id_number_hash = :h AND attempted_at > :since
                """).param("h", idNumberHash).param("since", Timestamp.from(since)).query(Long.class).single();
    }

    long insertSession(String tokenHash, long patientId, long codeId, String address, Instant now) {
        return jdbc.sql("""
                INSERT INTO pat_self_session (token_hash, patient_id, code_id, client_address, started_at,
                    last_seen_at) VALUES (:t, :p, :c, :a, :now, :now) RETURNING id
                """).param("t", tokenHash).param("p", patientId).param("c", codeId).param("a", address)
                .param("now", Timestamp.from(now)).query(Long.class).single();
    }

    Optional<Session> session(String tokenHash) {
        return jdbc.sql("""
                SELECT id, patient_id, started_at, last_seen_at, ended_at FROM pat_self_session WHERE token_hash = :t
                """).param("t", tokenHash).query((rs, n) -> {
                    Timestamp ended = rs.getTimestamp(5);
                    return new Session(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
                            rs.getTimestamp(4).toInstant(), ended == null ? null : ended.toInstant());
                }).optional();
    }

    void touchSession(long id, Instant now) {
        jdbc.sql("UPDATE pat_self_session SET last_seen_at = :now WHERE id = :id AND ended_at IS NULL")
                .param("now", Timestamp.from(now)).param("id", id).update();
    }

    boolean endSession(long id, Instant now) {
        return jdbc.sql("UPDATE pat_self_session SET ended_at = :now WHERE id = :id AND ended_at IS NULL")
                .param("now", Timestamp.from(now)).param("id", id).update() == 1;
    }

    /** Records a printed copy; false when the trace code is taken (the caller draws another). */
    boolean insertPrint(String traceCode, long patientId, long sessionId, Long encounterId, Instant now) {
        return jdbc.sql("""
                INSERT INTO pat_self_print (trace_code, patient_id, session_id, encounter_id, printed_at)
                VALUES (:t, :p, :s, :e, :now) ON CONFLICT (trace_code) DO NOTHING
                """).param("t", traceCode).param("p", patientId).param("s", sessionId).param("e", encounterId)
                .param("now", Timestamp.from(now)).update() == 1;
    }

    /** The patient's encounters, newest first. */
    List<Encounter> encounters(long patientId) {
        return jdbc.sql("""
                SELECT id, encounter_class, department_id, started_at, ended_at FROM pat_encounter
                WHERE patient_id = :p ORDER BY started_at DESC, id DESC
                """).param("p", patientId).query((rs, n) -> {
                    Timestamp end = rs.getTimestamp(5);
                    return new Encounter(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getTimestamp(4).toInstant(),
                            end == null ? null : end.toInstant());
                }).list();
    }

    /** The patient's fee list lines by encounter, in date order. */
    Map<Long, List<Charge>> charges(long patientId) {
        Map<Long, List<Charge>> result = new HashMap<>();
        jdbc.sql("""
                SELECT encounter_id, item_code, item_name, category, quantity, unit_price, amount, charged_on
                FROM pat_charge WHERE patient_id = :p ORDER BY charged_on, id
                """).param("p", patientId).query(rs -> {
                    Charge c = new Charge(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getDate(8).toLocalDate());
                    result.computeIfAbsent(c.encounterId(), k -> new ArrayList<>()).add(c);
                });
        return result;
    }

    /** The care-team roles each of these people has (had) towards the patient, for the disclosure report. */
    Map<Long, String> careRoles(long patientId, List<Long> personIds) {
        Map<Long, String> result = new HashMap<>();
        if (personIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                SELECT m.person_id, min(m.role) FROM pat_care_member m JOIN pat_encounter e ON e.id = m.encounter_id
                WHERE e.patient_id = :p AND m.person_id = ANY(CAST(:ids AS BIGINT[])) GROUP BY m.person_id
                """).param("p", patientId).param("ids", personIds.toArray(new Long[0])).query(rs -> {
                    result.put(rs.getLong(1), rs.getString(2));
                });
        return result;
    }
}
