package org.baomi.privacy.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.baomi.privacy.PatientListing;
import org.baomi.privacy.PatientView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the {@code pat_} tables for the patient pages; no decisions here (the service asks the decision point). */
@Component
class PatientReader {

    /** Candidates of a search before the decision point filters them. */
    static final int CANDIDATES = 500;

    private final JdbcClient jdbc;

    PatientReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Search criteria, already validated; nulls match anything. */
    record Criteria(long personId, Instant careSince, String mrn, String namePattern, Long departmentId,
            Instant from, Instant to) {
    }

    /**
     * ACC-4 candidates: patients of encounters whose care team has the person, open or ended after
     * {@code careSince}; most recent first.
     */
    List<PatientListing> candidates(Criteria c) {
        return jdbc.sql("""
                SELECT p.id, p.mrn, p.name, p.gender, p.birth_date, max(e.started_at) AS last_seen
                FROM pat_care_member m
                JOIN pat_encounter e ON e.id = m.encounter_id
                JOIN pat_patient p ON p.id = e.patient_id
                WHERE m.person_id = :person AND (m.valid_until IS NULL OR m.valid_until >= :since)
                  AND (CAST(:mrn AS TEXT) IS NULL OR p.mrn = CAST(:mrn AS TEXT))
                  AND (CAST(:name AS TEXT) IS NULL OR p.name LIKE CAST(:name AS TEXT) ESCAPE '\\')
                  AND (CAST(:dept AS BIGINT) IS NULL OR e.department_id = CAST(:dept AS BIGINT))
                  AND (CAST(:from AS TIMESTAMPTZ) IS NULL OR e.started_at >= CAST(:from AS TIMESTAMPTZ))
                  AND (CAST(:to AS TIMESTAMPTZ) IS NULL OR e.started_at < CAST(:to AS TIMESTAMPTZ))
                GROUP BY p.id, p.mrn, p.name, p.gender, p.birth_date
                ORDER BY last_seen DESC, p.id
                LIMIT :limit
                """)
                .param("person", c.personId()).param("since", Timestamp.from(c.careSince()))
                .param("mrn", c.mrn()).param("name", c.namePattern()).param("dept", c.departmentId())
                .param("from", c.from() == null ? null : Timestamp.from(c.from()))
                .param("to", c.to() == null ? null : Timestamp.from(c.to())).param("limit", CANDIDATES)
                .query((rs, n) -> new PatientListing(rs.getLong("id"), rs.getString("mrn"), rs.getString("name"),
                        rs.getString("gender"), rs.getDate("birth_date").toLocalDate(),
                        rs.getTimestamp("last_seen").toInstant()))
                .list();
    }

    /**
     * Patients the person reaches otherwise than by care team (an approved grant, an open break-the-glass session),
     * with the same filters; the decision point decides each afterwards as every candidate.
     */
    List<PatientListing> reached(Criteria c, java.util.Collection<Long> patientIds) {
        if (patientIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT p.id, p.mrn, p.name, p.gender, p.birth_date, max(e.started_at) AS last_seen
                FROM pat_patient p JOIN pat_encounter e ON e.patient_id = p.id
                WHERE p.id IN (:ids)
                  AND (CAST(:mrn AS TEXT) IS NULL OR p.mrn = CAST(:mrn AS TEXT))
                  AND (CAST(:name AS TEXT) IS NULL OR p.name LIKE CAST(:name AS TEXT) ESCAPE '\\')
                  AND (CAST(:dept AS BIGINT) IS NULL OR e.department_id = CAST(:dept AS BIGINT))
                  AND (CAST(:from AS TIMESTAMPTZ) IS NULL OR e.started_at >= CAST(:from AS TIMESTAMPTZ))
                  AND (CAST(:to AS TIMESTAMPTZ) IS NULL OR e.started_at < CAST(:to AS TIMESTAMPTZ))
                GROUP BY p.id, p.mrn, p.name, p.gender, p.birth_date
                ORDER BY last_seen DESC, p.id
                LIMIT :limit
                """)
                .param("ids", List.copyOf(patientIds))
                .param("mrn", c.mrn()).param("name", c.namePattern()).param("dept", c.departmentId())
                .param("from", c.from() == null ? null : Timestamp.from(c.from()))
                .param("to", c.to() == null ? null : Timestamp.from(c.to())).param("limit", CANDIDATES)
                .query((rs, n) -> new PatientListing(rs.getLong("id"), rs.getString("mrn"), rs.getString("name"),
                        rs.getString("gender"), rs.getDate("birth_date").toLocalDate(),
                        rs.getTimestamp("last_seen").toInstant()))
                .list();
    }

    /** The full record (before masking), with department ids; department and attending names are filled later. */
    Optional<PatientView> full(long patientId) {
        Optional<PatientView> patient = jdbc.sql("""
                SELECT id, mrn, name, gender, birth_date, id_number, phone, address, vip, staff_account_id,
                       public_figure, psychiatric, infectious, deceased, deceased_on
                FROM pat_patient WHERE id = :id
                """).param("id", patientId).query((rs, n) -> {
                    List<String> flags = new ArrayList<>();
                    if (rs.getBoolean("vip")) {
                        flags.add("VIP");
                    }
                    if (rs.getObject("staff_account_id") != null) {
                        flags.add("STAFF");
                    }
                    if (rs.getBoolean("public_figure")) {
                        flags.add("PUBLIC_FIGURE");
                    }
                    if (rs.getBoolean("psychiatric")) {
                        flags.add("PSYCHIATRIC");
                    }
                    if (rs.getBoolean("infectious")) {
                        flags.add("INFECTIOUS");
                    }
                    java.sql.Date deceasedOn = rs.getDate("deceased_on");
                    return new PatientView(rs.getLong("id"), rs.getString("mrn"), rs.getString("name"),
                            rs.getString("gender"), rs.getDate("birth_date").toLocalDate(), rs.getString("id_number"),
                            rs.getString("phone"), rs.getString("address"), true, flags, rs.getBoolean("deceased"),
                            deceasedOn == null ? null : deceasedOn.toLocalDate(), null, List.of(), true, List.of(),
                            true);
                }).optional();
        if (patient.isEmpty()) {
            return patient;
        }
        Map<Long, List<PatientView.Diagnosis>> diagnoses = new HashMap<>();
        jdbc.sql("""
                SELECT d.encounter_id, d.icd10, d.text FROM pat_diagnosis d
                JOIN pat_encounter e ON e.id = d.encounter_id
                WHERE e.patient_id = :id ORDER BY d.encounter_id, d.rank
                """).param("id", patientId).query(rs -> {
                    diagnoses.computeIfAbsent(rs.getLong("encounter_id"), k -> new ArrayList<>())
                            .add(new PatientView.Diagnosis(rs.getString("icd10"), rs.getString("text")));
                });
        List<PatientView.Encounter> encounters = jdbc.sql("""
                SELECT id, encounter_class, department_id, attending_id, started_at, ended_at
                FROM pat_encounter WHERE patient_id = :id ORDER BY started_at DESC, id
                """).param("id", patientId).query((rs, n) -> {
                    Timestamp end = rs.getTimestamp("ended_at");
                    Object attending = rs.getObject("attending_id");
                    return new PatientView.Encounter(rs.getLong("id"), rs.getString("encounter_class"),
                            rs.getLong("department_id"), null, attending == null ? null : attending.toString(),
                            rs.getTimestamp("started_at").toInstant(), end == null ? null : end.toInstant(),
                            diagnoses.getOrDefault(rs.getLong("id"), List.of()));
                }).list();
        List<PatientView.Charge> charges = jdbc.sql("""
                SELECT encounter_id, item_code, item_name, category, quantity, unit_price, amount, charged_on
                FROM pat_charge WHERE patient_id = :id ORDER BY charged_on, id
                """).param("id", patientId).query((rs, n) -> new PatientView.Charge(rs.getLong("encounter_id"),
                        rs.getString("item_code"), rs.getString("item_name"), rs.getString("category"),
                        rs.getBigDecimal("quantity"), rs.getBigDecimal("unit_price"), rs.getBigDecimal("amount"),
                        rs.getDate("charged_on").toLocalDate())).list();
        PatientView p = patient.get();
        return Optional.of(new PatientView(p.id(), p.mrn(), p.name(), p.gender(), p.birthDate(), p.idNumber(),
                p.phone(), p.address(), true, p.flags(), p.deceased(), p.deceasedOn(), null, encounters, true,
                charges, true));
    }
}
