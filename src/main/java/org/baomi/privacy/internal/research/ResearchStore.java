package org.baomi.privacy.internal.research;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.baomi.privacy.ResearchExportRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code pat_research_export} and the cohort query over the patient directory (issue 6 item 3). */
@Repository
class ResearchStore {

    private final JdbcClient jdbc;

    ResearchStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored request with the department id its code resolved to. */
    record Stored(ResearchExportRequest request, long requesterId, Long departmentId) {
    }

    /** One encounter of the cohort, with only the fields the export generalises (no direct identifier is read). */
    record Row(long patientId, String gender, LocalDate birthDate, String address, String encounterClass,
            long departmentId, LocalDate start, LocalDate end, String diagnoses) {
    }

    long insert(long requesterId, Long departmentId, String departmentCode, LocalDate from, LocalDate to,
            String prefix, Instant now) {
        return jdbc.sql("""
                INSERT INTO pat_research_export (requester_id, department_id, department_code, period_from, period_to,
                                                 icd10_prefix, created_at)
                VALUES (:r, :d, :code, :from, :to, :prefix, :now) RETURNING id
                """).param("r", requesterId).param("d", departmentId).param("code", departmentCode)
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).param("prefix", prefix)
                .param("now", Timestamp.from(now)).query(Long.class).single();
    }

    Optional<Stored> find(long id) {
        return jdbc.sql("SELECT * FROM pat_research_export WHERE id = :id").param("id", id)
                .query((rs, n) -> new Stored(request(rs), rs.getLong("requester_id"),
                        (Long) rs.getObject("department_id", Long.class)))
                .optional();
    }

    List<ResearchExportRequest> of(long requesterId) {
        return jdbc.sql("""
                SELECT * FROM pat_research_export WHERE requester_id = :r ORDER BY created_at DESC, id DESC LIMIT 50
                """).param("r", requesterId).query((rs, n) -> request(rs)).list();
    }

    void downloaded(long id) {
        jdbc.sql("UPDATE pat_research_export SET downloads = downloads + 1 WHERE id = :id").param("id", id).update();
    }

    int count(Long departmentId, Instant from, Instant until, String prefixPattern) {
        return jdbc.sql("SELECT count(*) FROM pat_encounter e WHERE " + COHORT)
                .param("dept", departmentId).param("from", Timestamp.from(from)).param("until", Timestamp.from(until))
                .param("prefix", prefixPattern).query(Integer.class).single();
    }

    /** Streams the cohort's encounters (matching diagnoses only when a prefix is given), in patient order. */
    void cohort(Long departmentId, Instant from, Instant until, String prefixPattern, String zone,
            Consumer<Row> sink) {
        jdbc.sql("""
                SELECT p.id AS patient_id, p.gender, p.birth_date, p.address, e.encounter_class, e.department_id,
                       CAST(e.started_at AT TIME ZONE :zone AS DATE) AS start_day,
                       CAST(e.ended_at AT TIME ZONE :zone AS DATE) AS end_day,
                       (SELECT string_agg(g.icd10, ' ' ORDER BY g.rank) FROM pat_diagnosis g
                        WHERE g.encounter_id = e.id
                          AND (CAST(:prefix AS TEXT) IS NULL OR g.icd10 LIKE CAST(:prefix AS TEXT))) AS diagnoses
                FROM pat_encounter e JOIN pat_patient p ON p.id = e.patient_id
                WHERE """ + COHORT + " ORDER BY p.id, e.started_at, e.id")
                .param("dept", departmentId).param("from", Timestamp.from(from)).param("until", Timestamp.from(until))
                .param("prefix", prefixPattern).param("zone", zone)
                .query((rs, n) -> {
                    Date end = rs.getDate("end_day");
                    Date birth = rs.getDate("birth_date");
                    sink.accept(new Row(rs.getLong("patient_id"), rs.getString("gender"),
                            birth == null ? null : birth.toLocalDate(), rs.getString("address"),
                            rs.getString("encounter_class"), rs.getLong("department_id"),
                            rs.getDate("start_day").toLocalDate(), end == null ? null : end.toLocalDate(),
                            rs.getString("diagnoses")));
                    return null;
                }).list();
    }

    private static final String COHORT = """
            (CAST(:dept AS BIGINT) IS NULL OR e.department_id = CAST(:dept AS BIGINT))
              AND e.started_at >= CAST(:from AS TIMESTAMPTZ) AND e.started_at < CAST(:until AS TIMESTAMPTZ)
              AND (CAST(:prefix AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM pat_diagnosis g2
                   WHERE g2.encounter_id = e.id AND g2.icd10 LIKE CAST(:prefix AS TEXT)))
            """;

    private static ResearchExportRequest request(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ResearchExportRequest(rs.getLong("id"), rs.getString("department_code"),
                rs.getDate("period_from").toLocalDate(), rs.getDate("period_to").toLocalDate(),
                rs.getString("icd10_prefix"), rs.getTimestamp("created_at").toInstant(), rs.getInt("downloads"));
    }
}
