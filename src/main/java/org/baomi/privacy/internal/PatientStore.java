package org.baomi.privacy.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.baomi.privacy.ImportReport.Outcome;
import org.baomi.privacy.internal.Rows.ChargeRow;
import org.baomi.privacy.internal.Rows.EncounterRow;
import org.baomi.privacy.internal.Rows.PatientRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code pat_} tables, written in bulk: one statement per table and request ({@code unnest} of arrays), so that
 * imports reach thousands of resources a second and the demo hospital loads in seconds. Upserts key on the source
 * system and its id, and rewrite a row only when its content hash changed (idempotent import).
 */
@Component
class PatientStore {

    private final JdbcClient jdbc;

    PatientStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record EncounterRef(long id, long patientId, String patientSourceId, Instant start) {
    }

    /** What an upsert did: per source id the outcome, and every row's id. */
    record Upserted(Map<String, Outcome> outcomes, Map<String, Long> ids) {
    }

    Set<String> existingPatients(String source, Collection<String> sourceIds) {
        if (sourceIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                SELECT source_id FROM pat_patient WHERE source_system = :s AND source_id = ANY(CAST(:ids AS TEXT[]))
                """).param("s", source).param("ids", sourceIds.toArray(new String[0])).query(String.class).list());
    }

    Map<String, EncounterRef> existingEncounters(String source, Collection<String> sourceIds) {
        Map<String, EncounterRef> result = new HashMap<>();
        if (sourceIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                SELECT e.source_id, e.id, e.patient_id, p.source_id AS patient_source, e.started_at
                FROM pat_encounter e JOIN pat_patient p ON p.id = e.patient_id
                WHERE e.source_system = :s AND e.source_id = ANY(CAST(:ids AS TEXT[]))
                """).param("s", source).param("ids", sourceIds.toArray(new String[0])).query(rs -> {
                    result.put(rs.getString(1), new EncounterRef(rs.getLong(2), rs.getLong(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant()));
                });
        return result;
    }

    /** For each of these medical record numbers already taken: "source|sourceId" of its patient. */
    Map<String, String> mrnOwners(Collection<String> mrns) {
        Map<String, String> result = new HashMap<>();
        if (mrns.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT mrn, source_system, source_id FROM pat_patient WHERE mrn = ANY(CAST(:m AS TEXT[]))")
                .param("m", mrns.toArray(new String[0]))
                .query(rs -> {
                    result.put(rs.getString(1), rs.getString(2) + "|" + rs.getString(3));
                });
        return result;
    }

    Upserted upsertPatients(String source, List<PatientRow> rows, Instant now) {
        int n = rows.size();
        String[] ids = new String[n];
        String[] mrns = new String[n];
        String[] names = new String[n];
        String[] genders = new String[n];
        Date[] births = new Date[n];
        String[] idNumbers = new String[n];
        String[] phones = new String[n];
        String[] addresses = new String[n];
        Boolean[] vip = new Boolean[n];
        Long[] staff = new Long[n];
        Boolean[] publicFigure = new Boolean[n];
        Boolean[] psychiatric = new Boolean[n];
        Boolean[] infectious = new Boolean[n];
        Boolean[] deceased = new Boolean[n];
        Date[] deceasedOn = new Date[n];
        String[] hashes = new String[n];
        for (int i = 0; i < n; i++) {
            PatientRow r = rows.get(i);
            ids[i] = r.sourceId();
            mrns[i] = r.mrn();
            names[i] = r.name();
            genders[i] = r.gender();
            births[i] = Date.valueOf(r.birthDate());
            idNumbers[i] = r.idNumber();
            phones[i] = r.phone();
            addresses[i] = r.address();
            vip[i] = r.vip();
            staff[i] = r.staffAccountId();
            publicFigure[i] = r.publicFigure();
            psychiatric[i] = r.psychiatric();
            infectious[i] = r.infectious();
            deceased[i] = r.deceased();
            deceasedOn[i] = r.deceasedOn() == null ? null : Date.valueOf(r.deceasedOn());
            hashes[i] = Rows.hash(r);
        }
        Map<String, Outcome> outcomes = new HashMap<>();
        jdbc.sql("""
                INSERT INTO pat_patient (source_system, source_id, mrn, name, gender, birth_date, id_number, phone,
                    address, vip, staff_account_id, public_figure, psychiatric, infectious, deceased, deceased_on,
                    content_hash, created_at, updated_at)
                SELECT :s, t.* , :now, :now FROM unnest(CAST(:ids AS TEXT[]), CAST(:mrns AS TEXT[]),
                    CAST(:names AS TEXT[]), CAST(:genders AS TEXT[]), CAST(:births AS DATE[]),
                    CAST(:idNumbers AS TEXT[]), CAST(:phones AS TEXT[]), CAST(:addresses AS TEXT[]),
                    CAST(:vip AS BOOLEAN[]), CAST(:staff AS BIGINT[]), CAST(:publicFigure AS BOOLEAN[]),
                    CAST(:psychiatric AS BOOLEAN[]), CAST(:infectious AS BOOLEAN[]), CAST(:deceased AS BOOLEAN[]),
                    CAST(:deceasedOn AS DATE[]), CAST(:hashes AS TEXT[])) AS t
                ON CONFLICT (source_system, source_id) DO UPDATE SET mrn = EXCLUDED.mrn, name = EXCLUDED.name,
                    gender = EXCLUDED.gender, birth_date = EXCLUDED.birth_date, id_number = EXCLUDED.id_number,
                    phone = EXCLUDED.phone, address = EXCLUDED.address, vip = EXCLUDED.vip,
                    staff_account_id = EXCLUDED.staff_account_id, public_figure = EXCLUDED.public_figure,
                    psychiatric = EXCLUDED.psychiatric, infectious = EXCLUDED.infectious,
                    deceased = EXCLUDED.deceased, deceased_on = EXCLUDED.deceased_on,
                    content_hash = EXCLUDED.content_hash, updated_at = EXCLUDED.updated_at,
                    version = pat_patient.version + 1
                WHERE pat_patient.content_hash <> EXCLUDED.content_hash
                RETURNING source_id, (xmax = 0) AS inserted
                """).param("s", source).param("ids", ids).param("mrns", mrns).param("names", names)
                .param("genders", genders).param("births", births).param("idNumbers", idNumbers)
                .param("phones", phones).param("addresses", addresses).param("vip", vip).param("staff", staff)
                .param("publicFigure", publicFigure).param("psychiatric", psychiatric).param("infectious", infectious)
                .param("deceased", deceased).param("deceasedOn", deceasedOn).param("hashes", hashes)
                .param("now", Timestamp.from(now))
                .query(rs -> {
                    outcomes.put(rs.getString(1), rs.getBoolean(2) ? Outcome.CREATED : Outcome.UPDATED);
                });
        return new Upserted(outcomes, patientIds(source, List.of(ids)));
    }

    Map<String, Long> patientIds(String source, Collection<String> sourceIds) {
        Map<String, Long> result = new HashMap<>();
        if (sourceIds.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT source_id, id FROM pat_patient WHERE source_system = :s AND source_id = ANY(CAST(:ids AS TEXT[]))")
                .param("s", source).param("ids", sourceIds.toArray(new String[0]))
                .query(rs -> {
                    result.put(rs.getString(1), rs.getLong(2));
                });
        return result;
    }

    Upserted upsertEncounters(String source, List<EncounterRow> rows, Map<String, Long> patientIds, Instant now) {
        int n = rows.size();
        String[] ids = new String[n];
        Long[] patients = new Long[n];
        String[] classes = new String[n];
        Long[] departments = new Long[n];
        Long[] attending = new Long[n];
        Timestamp[] starts = new Timestamp[n];
        Timestamp[] ends = new Timestamp[n];
        String[] hashes = new String[n];
        for (int i = 0; i < n; i++) {
            EncounterRow r = rows.get(i);
            ids[i] = r.sourceId();
            patients[i] = patientIds.get(r.patientSourceId());
            classes[i] = r.encounterClass();
            departments[i] = r.departmentId();
            attending[i] = r.attendingId();
            starts[i] = Timestamp.from(r.start());
            ends[i] = r.end() == null ? null : Timestamp.from(r.end());
            hashes[i] = Rows.hash(r);
        }
        Map<String, Outcome> outcomes = new HashMap<>();
        Map<String, Long> written = new HashMap<>();
        jdbc.sql("""
                INSERT INTO pat_encounter (source_system, source_id, patient_id, encounter_class, department_id,
                    attending_id, started_at, ended_at, content_hash, created_at, updated_at)
                SELECT :s, t.*, :now, :now FROM unnest(CAST(:ids AS TEXT[]), CAST(:patients AS BIGINT[]),
                    CAST(:classes AS TEXT[]), CAST(:departments AS BIGINT[]), CAST(:attending AS BIGINT[]),
                    CAST(:starts AS TIMESTAMPTZ[]), CAST(:ends AS TIMESTAMPTZ[]), CAST(:hashes AS TEXT[])) AS t
                ON CONFLICT (source_system, source_id) DO UPDATE SET patient_id = EXCLUDED.patient_id,
                    encounter_class = EXCLUDED.encounter_class, department_id = EXCLUDED.department_id,
                    attending_id = EXCLUDED.attending_id, started_at = EXCLUDED.started_at,
                    ended_at = EXCLUDED.ended_at, content_hash = EXCLUDED.content_hash,
                    updated_at = EXCLUDED.updated_at, version = pat_encounter.version + 1
                WHERE pat_encounter.content_hash <> EXCLUDED.content_hash
                RETURNING source_id, id, (xmax = 0) AS inserted
                """).param("s", source).param("ids", ids).param("patients", patients).param("classes", classes)
                .param("departments", departments).param("attending", attending).param("starts", starts)
                .param("ends", ends).param("hashes", hashes).param("now", Timestamp.from(now))
                .query(rs -> {
                    outcomes.put(rs.getString(1), rs.getBoolean(3) ? Outcome.CREATED : Outcome.UPDATED);
                    written.put(rs.getString(1), rs.getLong(2));
                });
        // diagnoses belong to the encounter's content: written again only with a changed encounter
        List<Long> changed = List.copyOf(written.values());
        if (!changed.isEmpty()) {
            jdbc.sql("DELETE FROM pat_diagnosis WHERE encounter_id = ANY(CAST(:ids AS BIGINT[]))")
                    .param("ids", changed.toArray(new Long[0])).update();
            List<Long> encounter = new java.util.ArrayList<>();
            List<Integer> rank = new java.util.ArrayList<>();
            List<String> codes = new java.util.ArrayList<>();
            List<String> texts = new java.util.ArrayList<>();
            for (EncounterRow r : rows) {
                Long id = written.get(r.sourceId());
                if (id == null) {
                    continue;
                }
                for (int k = 0; k < r.diagnoses().size(); k++) {
                    encounter.add(id);
                    rank.add(k + 1);
                    codes.add(r.diagnoses().get(k).icd10());
                    texts.add(r.diagnoses().get(k).text());
                }
            }
            if (!encounter.isEmpty()) {
                jdbc.sql("""
                        INSERT INTO pat_diagnosis (encounter_id, rank, icd10, text)
                        SELECT * FROM unnest(CAST(:e AS BIGINT[]), CAST(:r AS INT[]), CAST(:c AS TEXT[]),
                                             CAST(:t AS TEXT[]))
                        """).param("e", encounter.toArray(new Long[0])).param("r", rank.toArray(new Integer[0]))
                        .param("c", codes.toArray(new String[0])).param("t", texts.toArray(new String[0])).update();
            }
        }
        return new Upserted(outcomes, written);
    }

    Upserted upsertCharges(String source, List<ChargeRow> rows, Map<String, EncounterRef> encounters, Instant now) {
        int n = rows.size();
        String[] ids = new String[n];
        Long[] patients = new Long[n];
        Long[] encounterIds = new Long[n];
        String[] codes = new String[n];
        String[] names = new String[n];
        String[] categories = new String[n];
        BigDecimal[] quantities = new BigDecimal[n];
        BigDecimal[] units = new BigDecimal[n];
        BigDecimal[] amounts = new BigDecimal[n];
        Date[] dates = new Date[n];
        String[] hashes = new String[n];
        for (int i = 0; i < n; i++) {
            ChargeRow r = rows.get(i);
            EncounterRef encounter = encounters.get(r.encounterSourceId());
            ids[i] = r.sourceId();
            patients[i] = encounter.patientId();
            encounterIds[i] = encounter.id();
            codes[i] = r.itemCode();
            names[i] = r.itemName();
            categories[i] = r.category();
            quantities[i] = r.quantity();
            units[i] = r.unitPrice();
            amounts[i] = r.amount();
            dates[i] = Date.valueOf(r.date());
            hashes[i] = Rows.hash(r);
        }
        Map<String, Outcome> outcomes = new HashMap<>();
        jdbc.sql("""
                INSERT INTO pat_charge (source_system, source_id, patient_id, encounter_id, item_code, item_name,
                    category, quantity, unit_price, amount, charged_on, content_hash, created_at, updated_at)
                SELECT :s, t.*, :now, :now FROM unnest(CAST(:ids AS TEXT[]), CAST(:patients AS BIGINT[]),
                    CAST(:encounters AS BIGINT[]), CAST(:codes AS TEXT[]), CAST(:names AS TEXT[]),
                    CAST(:categories AS TEXT[]), CAST(:quantities AS NUMERIC[]), CAST(:units AS NUMERIC[]),
                    CAST(:amounts AS NUMERIC[]), CAST(:dates AS DATE[]), CAST(:hashes AS TEXT[])) AS t
                ON CONFLICT (source_system, source_id) DO UPDATE SET patient_id = EXCLUDED.patient_id,
                    encounter_id = EXCLUDED.encounter_id, item_code = EXCLUDED.item_code,
                    item_name = EXCLUDED.item_name, category = EXCLUDED.category, quantity = EXCLUDED.quantity,
                    unit_price = EXCLUDED.unit_price, amount = EXCLUDED.amount, charged_on = EXCLUDED.charged_on,
                    content_hash = EXCLUDED.content_hash, updated_at = EXCLUDED.updated_at,
                    version = pat_charge.version + 1
                WHERE pat_charge.content_hash <> EXCLUDED.content_hash
                RETURNING source_id, patient_id, (xmax = 0) AS inserted
                """).param("s", source).param("ids", ids).param("patients", patients)
                .param("encounters", encounterIds).param("codes", codes).param("names", names)
                .param("categories", categories).param("quantities", quantities).param("units", units)
                .param("amounts", amounts).param("dates", dates).param("hashes", hashes)
                .param("now", Timestamp.from(now))
                .query(rs -> {
                    outcomes.put(rs.getString(1), rs.getBoolean(3) ? Outcome.CREATED : Outcome.UPDATED);
                });
        Map<String, Long> patientOf = new HashMap<>();
        for (int i = 0; i < n; i++) {
            patientOf.put(ids[i], patients[i]);
        }
        return new Upserted(outcomes, patientOf);
    }

    /** Current members of care teams: per team source id, the members. */
    record Membership(long id, String careTeamId, long encounterId, long personId, String role, Instant from,
            Instant until, long relationshipId) {
    }

    Map<String, List<Membership>> members(String source, Collection<String> careTeamIds) {
        Map<String, List<Membership>> result = new HashMap<>();
        if (careTeamIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                SELECT id, care_team_id, encounter_id, person_id, role, valid_from, valid_until, relationship_id
                FROM pat_care_member WHERE source_system = :s AND care_team_id = ANY(CAST(:ids AS TEXT[]))
                ORDER BY id
                """).param("s", source).param("ids", careTeamIds.toArray(new String[0])).query(rs -> {
                    Timestamp until = rs.getTimestamp(7);
                    result.computeIfAbsent(rs.getString(2), k -> new java.util.ArrayList<>()).add(new Membership(
                            rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                            rs.getTimestamp(6).toInstant(), until == null ? null : until.toInstant(), rs.getLong(8)));
                });
        return result;
    }

    void insertMembers(String source, List<Membership> members, Instant now) {
        if (members.isEmpty()) {
            return;
        }
        int n = members.size();
        String[] teams = new String[n];
        Long[] encounters = new Long[n];
        Long[] persons = new Long[n];
        String[] roles = new String[n];
        Timestamp[] froms = new Timestamp[n];
        Timestamp[] untils = new Timestamp[n];
        Long[] relationships = new Long[n];
        for (int i = 0; i < n; i++) {
            Membership m = members.get(i);
            teams[i] = m.careTeamId();
            encounters[i] = m.encounterId();
            persons[i] = m.personId();
            roles[i] = m.role();
            froms[i] = Timestamp.from(m.from());
            untils[i] = m.until() == null ? null : Timestamp.from(m.until());
            relationships[i] = m.relationshipId();
        }
        jdbc.sql("""
                INSERT INTO pat_care_member (source_system, care_team_id, encounter_id, person_id, role, valid_from,
                    valid_until, relationship_id, created_at, updated_at)
                SELECT :s, t.*, :now, :now FROM unnest(CAST(:teams AS TEXT[]), CAST(:encounters AS BIGINT[]),
                    CAST(:persons AS BIGINT[]), CAST(:roles AS TEXT[]), CAST(:froms AS TIMESTAMPTZ[]),
                    CAST(:untils AS TIMESTAMPTZ[]), CAST(:relationships AS BIGINT[])) AS t
                """).param("s", source).param("teams", teams).param("encounters", encounters)
                .param("persons", persons).param("roles", roles).param("froms", froms).param("untils", untils)
                .param("relationships", relationships).param("now", Timestamp.from(now)).update();
    }

    void endMembers(List<Long> memberIds, Instant at) {
        if (memberIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                UPDATE pat_care_member SET valid_until = GREATEST(valid_from, :at), updated_at = :at
                WHERE id = ANY(CAST(:ids AS BIGINT[])) AND valid_until IS NULL
                """).param("at", Timestamp.from(at)).param("ids", memberIds.toArray(new Long[0])).update();
    }

    /** Level and department of each patient, for the decision point: department of the latest encounter. */
    record Registration(long patientId, boolean sensitive, Long departmentId) {
    }

    List<Registration> registrations(Collection<Long> patientIds) {
        return jdbc.sql("""
                SELECT p.id, (p.vip OR p.public_figure OR p.psychiatric OR p.staff_account_id IS NOT NULL),
                       (SELECT e.department_id FROM pat_encounter e WHERE e.patient_id = p.id
                        ORDER BY e.started_at DESC, e.id DESC LIMIT 1)
                FROM pat_patient p WHERE p.id = ANY(CAST(:ids AS BIGINT[])) ORDER BY p.id
                """).param("ids", patientIds.toArray(new Long[0]))
                .query((rs, i) -> new Registration(rs.getLong(1), rs.getBoolean(2), (Long) rs.getObject(3))).list();
    }
}
