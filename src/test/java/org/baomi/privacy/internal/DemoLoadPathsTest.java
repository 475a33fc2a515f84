package org.baomi.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baomi.test.BaomiSpringTest;
import org.baomi.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 6 follow-up "demo load cost": the demo hospital's COPY path ({@link DemoBulkWriter}) writes exactly what the
 * import's writer ({@link ImportWriter}) wrote for the same generated patients — every column of every {@code pat_}
 * row except ids and times, ids in the same order, the same care relationships with the decision point (ACC-4) and
 * the same protected objects (PAT-1). Each path runs on its own prefix of source ids in a transaction that is rolled
 * back, so the shared demo data stays as it is.
 */
@BaomiSpringTest
class DemoLoadPathsTest {

    private static final String SOURCE = "DEMO-PATHS";
    private static final int PATIENTS = 400;

    @Autowired
    DemoPatients demo;
    @Autowired
    DemoBulkWriter bulk;
    @Autowired
    ImportWriter importWriter;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    java.time.Clock clock;
    @Autowired
    MutableClock testClock;

    @AfterEach
    void resetClock() {
        testClock.reset();
    }

    @Test
    void noDemoVisitStartsInTheFutureEvenWhenTheDemoLoadsJustAfterMidnight() {
        // 01:00 in the hospital's zone: most of "today"'s visiting hours (08:00-18:00) are still to come
        ZonedDateTime local = testClock.instant().atZone(testClock.getZone());
        ZonedDateTime oneAm = local.toLocalDate().plusDays(1).atTime(1, 0).atZone(testClock.getZone());
        testClock.advance(Duration.between(local, oneAm));
        Instant now = testClock.instant();

        DemoPatients.Generated generated = demo.generate(2_000, "FUTURE-");

        assertThat(generated.encounters()).extracting(Rows.EncounterRow::start).allMatch(start -> !start.isAfter(now));
        assertThat(generated.teams()).flatExtracting(Rows.CareTeamRow::members).extracting(Rows.MemberRow::from)
                .allMatch(from -> from == null || !from.isAfter(now));
        // visits of the last day are still there, on the day before
        assertThat(generated.encounters()).extracting(Rows.EncounterRow::start)
                .anyMatch(start -> start.isAfter(now.minus(Duration.ofDays(2))));
    }

    @Test
    void theCopyPathWritesTheSameRowsAsTheImportWriterForTheSameDemoPatients() {
        Map<String, List<String>> imported = writeAndSnapshot(false);
        Map<String, List<String>> copied = writeAndSnapshot(true);

        assertThat(imported.get("patients")).hasSize(PATIENTS);
        assertThat(imported.get("encounters")).hasSizeGreaterThan(PATIENTS);
        assertThat(imported.get("charges")).hasSizeGreaterThan(PATIENTS);
        assertThat(imported.get("members")).hasSizeGreaterThan(PATIENTS);
        assertThat(imported.get("objects")).hasSize(PATIENTS);
        assertThat(imported.get("fee-lists")).hasSize(PATIENTS);
        for (String table : imported.keySet()) {
            assertThat(copied.get(table)).as(table).containsExactlyElementsOf(imported.get(table));
        }
    }

    @Test
    void theDemoHospitalHasItsTwentyThousandPatientsRegisteredWithCareRelationships() {
        long patients = count("SELECT count(*) FROM pat_patient WHERE source_system = 'DEMO-HIS'");
        assertThat(patients).isGreaterThanOrEqualTo(20_000);
        assertThat(count("""
                SELECT count(*) FROM pat_patient p JOIN iam_protected_object o
                  ON o.object_type = 'patient' AND o.object_id = p.id::text WHERE p.source_system = 'DEMO-HIS'
                """)).isEqualTo(patients);
        assertThat(count("""
                SELECT count(*) FROM pat_care_member m JOIN iam_care_relationship r ON r.id = m.relationship_id
                JOIN pat_encounter e ON e.id = m.encounter_id
                WHERE m.source_system = 'DEMO-HIS' AND r.person_id = m.person_id AND r.patient_id = e.patient_id::text
                  AND r.valid_from = m.valid_from AND r.valid_until IS NOT DISTINCT FROM m.valid_until
                """)).isEqualTo(count("SELECT count(*) FROM pat_care_member WHERE source_system = 'DEMO-HIS'"))
                .isPositive();
        // every encounter has its diagnoses and a care team; the demo MRNs run without gaps
        assertThat(count("SELECT count(*) FROM pat_encounter e WHERE e.source_system = 'DEMO-HIS' AND NOT EXISTS "
                + "(SELECT 1 FROM pat_diagnosis d WHERE d.encounter_id = e.id)")).isZero();
        assertThat(count("SELECT count(*) FROM pat_encounter e WHERE e.source_system = 'DEMO-HIS' AND NOT EXISTS "
                + "(SELECT 1 FROM pat_care_member m WHERE m.encounter_id = e.id)")).isZero();
        assertThat(jdbc.sql("SELECT mrn FROM pat_patient WHERE source_system = 'DEMO-HIS' ORDER BY id LIMIT 1")
                .query(String.class).single()).isEqualTo("M00000001");
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private Map<String, List<String>> writeAndSnapshot(boolean copy) {
        // one prefix for both paths: the content hashes cover the source ids (each write is rolled back)
        String prefix = "PATHS-";
        DemoPatients.Generated generated = demo.generate(PATIENTS, prefix);
        Map<String, List<String>> snapshot = new LinkedHashMap<>();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            if (copy) {
                bulk.write(SOURCE, generated.patients(), generated.encounters(), generated.teams(),
                        generated.charges(), clock.instant());
            } else {
                List<Record> rows = new ArrayList<>();
                rows.addAll(generated.patients());
                rows.addAll(generated.encounters());
                rows.addAll(generated.teams());
                rows.addAll(generated.charges());
                importWriter.write(SOURCE, rows);
            }
            snapshot.putAll(snapshot(prefix));
            tx.setRollbackOnly();
        });
        return snapshot;
    }

    /** Every row of the write, in id order, without ids and times. */
    private Map<String, List<String>> snapshot(String prefix) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        out.put("patients", rows(prefix, """
                SELECT concat_ws('|', source_id, mrn, name, gender, birth_date, id_number, phone, address, vip,
                       staff_account_id, public_figure, psychiatric, infectious, deceased, deceased_on, content_hash,
                       version)
                FROM pat_patient WHERE source_system = :s ORDER BY id
                """));
        out.put("encounters", rows(prefix, """
                SELECT concat_ws('|', e.source_id, p.source_id, e.encounter_class, e.department_id, e.attending_id,
                       e.started_at, e.ended_at, e.content_hash, e.version)
                FROM pat_encounter e JOIN pat_patient p ON p.id = e.patient_id WHERE e.source_system = :s
                ORDER BY e.id
                """));
        out.put("diagnoses", rows(prefix, """
                SELECT concat_ws('|', e.source_id, d.rank, d.icd10, d.text)
                FROM pat_diagnosis d JOIN pat_encounter e ON e.id = d.encounter_id WHERE e.source_system = :s
                ORDER BY e.id, d.rank
                """));
        out.put("members", rows(prefix, """
                SELECT concat_ws('|', m.care_team_id, e.source_id, m.person_id, m.role, m.valid_from, m.valid_until,
                       r.person_id, p.source_id, r.valid_from, r.valid_until)
                FROM pat_care_member m JOIN pat_encounter e ON e.id = m.encounter_id
                JOIN iam_care_relationship r ON r.id = m.relationship_id
                JOIN pat_patient p ON p.id::text = r.patient_id
                WHERE m.source_system = :s ORDER BY m.id
                """));
        out.put("charges", rows(prefix, """
                SELECT concat_ws('|', c.source_id, p.source_id, e.source_id, c.item_code, c.item_name, c.category,
                       c.quantity, c.unit_price, c.amount, c.charged_on, c.content_hash, c.version)
                FROM pat_charge c JOIN pat_patient p ON p.id = c.patient_id JOIN pat_encounter e ON e.id = c.encounter_id
                WHERE c.source_system = :s ORDER BY c.id
                """));
        out.put("objects", rows(prefix, """
                SELECT concat_ws('|', p.source_id, o.level, o.department_id, o.custodian_id)
                FROM pat_patient p JOIN iam_protected_object o ON o.object_type = 'patient' AND o.object_id = p.id::text
                WHERE p.source_system = :s ORDER BY p.id
                """));
        // PAT-3: and each patient's fee list as its own object (billing reaches fee lists, not the record)
        out.put("fee-lists", rows(prefix, """
                SELECT concat_ws('|', p.source_id, o.level, o.department_id, o.custodian_id)
                FROM pat_patient p
                JOIN iam_protected_object o ON o.object_type = 'patient-fees' AND o.object_id = p.id::text
                WHERE p.source_system = :s ORDER BY p.id
                """));
        return out;
    }

    private List<String> rows(String prefix, String sql) {
        return jdbc.sql(sql).param("s", SOURCE).query(String.class).list().stream()
                .peek(row -> assertThat(row).startsWith(prefix)).toList();
    }
}
