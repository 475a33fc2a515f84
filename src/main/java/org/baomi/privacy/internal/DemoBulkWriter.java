package org.baomi.privacy.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baomi.iam.CareRelationships;
import org.baomi.iam.ProtectedObject;
import org.baomi.iam.ProtectedObjects;
import org.baomi.privacy.internal.billing.FeeListRegistration;
import org.baomi.iam.ResourceRef;
import org.baomi.privacy.internal.Rows.CareTeamRow;
import org.baomi.privacy.internal.Rows.ChargeRow;
import org.baomi.privacy.internal.Rows.EncounterRow;
import org.baomi.privacy.internal.Rows.MemberRow;
import org.baomi.privacy.internal.Rows.PatientRow;
import org.baomi.shared.SecretLevel;
import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode only (issue 6 follow-up "demo load cost"): writes a whole generated demo hospital into EMPTY {@code pat_}
 * tables with {@code COPY ... FROM STDIN}, one statement per table, ids drawn from the tables' sequences in the
 * order of generation (so that rows get the ids the row-by-row import gave them), the same content hashes as
 * {@link ImportWriter} (a later import of the same content is UNCHANGED), care relationships through one
 * {@link CareRelationships#addAll} and protected objects through one {@link ProtectedObjects#registerAll} (PAT-1,
 * ACC-4, both audited by iam). There is nothing to compare or update in empty tables, so none of the import's upsert
 * logic is needed; the import itself ({@link ImportWriter}) is unchanged. All in the caller's transaction.
 */
@Component
class DemoBulkWriter {

    private final JdbcTemplate jdbc;
    private final ProtectedObjects objects;
    private final CareRelationships care;
    private final FeeListRegistration feeLists;

    DemoBulkWriter(JdbcTemplate jdbc, ProtectedObjects objects, CareRelationships care,
            FeeListRegistration feeLists) {
        this.jdbc = jdbc;
        this.objects = objects;
        this.care = care;
        this.feeLists = feeLists;
    }

    /** Counts written and where the time went (ms), for the start log. */
    record Written(int patients, int encounters, int members, int charges, long copyMs, long careMs,
            long registerMs, Map<String, Long> copyStatementsMs) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Written write(String source, List<PatientRow> patients, List<EncounterRow> encounters, List<CareTeamRow> teams,
            List<ChargeRow> charges, Instant now) {
        String at = now.toString();
        long started = System.nanoTime();
        Map<String, Long> copyTimes = new LinkedHashMap<>();
        long[] patientIds = nextIds("pat_patient", patients.size());
        Map<String, Long> patientId = new HashMap<>(patients.size() * 2);
        StringBuilder out = new StringBuilder(patients.size() * 200);
        for (int i = 0; i < patients.size(); i++) {
            PatientRow p = patients.get(i);
            patientId.put(p.sourceId(), patientIds[i]);
            row(out, patientIds[i], source, p.sourceId(), p.mrn(), p.name(), p.gender(), p.birthDate(), p.idNumber(),
                    p.phone(), p.address(), p.vip(), p.staffAccountId(), p.publicFigure(), p.psychiatric(),
                    p.infectious(), p.deceased(), p.deceasedOn(), Rows.hash(p), at, at);
        }
        copy(copyTimes, "pat_patient (id, source_system, source_id, mrn, name, gender, birth_date, id_number, phone,"
                + " address, vip, staff_account_id, public_figure, psychiatric, infectious, deceased, deceased_on,"
                + " content_hash, created_at, updated_at)", out);

        long[] encounterIds = nextIds("pat_encounter", encounters.size());
        Map<String, Integer> encounterIndex = new HashMap<>(encounters.size() * 2);
        out.setLength(0);
        StringBuilder diagnoses = new StringBuilder(encounters.size() * 40);
        // PAT-1: the department of each patient's latest encounter (started_at, then id), as ImportWriter registers
        Map<Long, Integer> latest = new HashMap<>(patients.size() * 2);
        for (int i = 0; i < encounters.size(); i++) {
            EncounterRow e = encounters.get(i);
            long pid = patientId.get(e.patientSourceId());
            encounterIndex.put(e.sourceId(), i);
            row(out, encounterIds[i], source, e.sourceId(), pid, e.encounterClass(), e.departmentId(), e.attendingId(),
                    e.start(), e.end(), Rows.hash(e), at, at);
            for (int k = 0; k < e.diagnoses().size(); k++) {
                row(diagnoses, encounterIds[i], k + 1, e.diagnoses().get(k).icd10(), e.diagnoses().get(k).text());
            }
            latest.merge(pid, i, (a, b) -> encounters.get(b).start().isBefore(encounters.get(a).start()) ? a : b);
        }
        copy(copyTimes, "pat_encounter (id, source_system, source_id, patient_id, encounter_class, department_id,"
                + " attending_id, started_at, ended_at, content_hash, created_at, updated_at)", out);
        copy(copyTimes, "pat_diagnosis (encounter_id, rank, icd10, text)", diagnoses);

        // ACC-4: every member of a new team gets a care relationship from the encounter's start (or their own)
        List<CareRelationships.Assignment> assignments = new ArrayList<>();
        List<Object[]> members = new ArrayList<>();
        for (CareTeamRow team : teams) {
            int e = encounterIndex.get(team.encounterSourceId());
            EncounterRow encounter = encounters.get(e);
            for (MemberRow m : team.members()) {
                Instant until = team.active() ? m.until() : (m.until() == null ? now : m.until());
                Instant from = m.from() == null ? encounter.start() : m.from();
                Instant end = until == null ? null : until.isBefore(from) ? from : until;
                assignments.add(new CareRelationships.Assignment(m.personId(),
                        Long.toString(patientId.get(encounter.patientSourceId())), from, end));
                members.add(new Object[] {team.sourceId(), encounterIds[e], m.personId(), m.role(), from, end});
            }
        }
        long careStarted = System.nanoTime();
        List<Long> relationships = care.addAll(assignments);
        long careMs = (System.nanoTime() - careStarted) / 1_000_000;
        out.setLength(0);
        for (int i = 0; i < members.size(); i++) {
            Object[] m = members.get(i);
            row(out, source, m[0], m[1], m[2], m[3], m[4], m[5], relationships.get(i), at, at);
        }
        copy(copyTimes, "pat_care_member (source_system, care_team_id, encounter_id, person_id, role, valid_from,"
                + " valid_until, relationship_id, created_at, updated_at)", out);

        long[] chargeIds = nextIds("pat_charge", charges.size());
        out.setLength(0);
        for (int i = 0; i < charges.size(); i++) {
            ChargeRow c = charges.get(i);
            int e = encounterIndex.get(c.encounterSourceId());
            row(out, chargeIds[i], source, c.sourceId(), patientId.get(encounters.get(e).patientSourceId()),
                    encounterIds[e], c.itemCode(), c.itemName(), c.category(), c.quantity(), c.unitPrice(), c.amount(),
                    c.date(), Rows.hash(c), at, at);
        }
        copy(copyTimes, "pat_charge (id, source_system, source_id, patient_id, encounter_id, item_code, item_name,"
                + " category, quantity, unit_price, amount, charged_on, content_hash, created_at, updated_at)", out);

        long registerStarted = System.nanoTime();
        List<ProtectedObject> register = new ArrayList<>(patients.size());
        for (int i = 0; i < patients.size(); i++) {
            Integer e = latest.get(patientIds[i]);
            register.add(new ProtectedObject(ResourceRef.patient(Long.toString(patientIds[i])),
                    patients.get(i).sensitive() ? SecretLevel.SECRET : SecretLevel.INTERNAL,
                    e == null ? null : encounters.get(e).departmentId(), null));
        }
        objects.registerAll(register);
        // PAT-3: the fee list beside each patient, as ImportWriter registers it (its own batch: one type per batch)
        objects.registerAll(feeLists.feeListsOf(register));
        long registerMs = (System.nanoTime() - registerStarted) / 1_000_000;
        long copyMs = (registerStarted - started) / 1_000_000 - careMs;
        return new Written(patients.size(), encounters.size(), members.size(), charges.size(), copyMs, careMs,
                registerMs, copyTimes);
    }

    /** The next n values of the table's id sequence, ascending: the ids rows get in the order they are given. */
    private long[] nextIds(String table, int n) {
        List<Long> ids = jdbc.queryForList("SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, ?)"
                + " ORDER BY 1", Long.class, table, n);
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    private void copy(Map<String, Long> times, String target, StringBuilder rows) {
        if (rows.isEmpty()) {
            return;
        }
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        long started = System.nanoTime();
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY " + target + " FROM STDIN", new ByteArrayInputStream(bytes));
            } catch (IOException e) {
                throw new DataAccessResourceFailureException("COPY into " + target + " failed", e);
            }
        });
        times.put(target.substring(0, target.indexOf(' ')), (System.nanoTime() - started) / 1_000_000);
    }

    /** One line in COPY's text format: tab-separated, {@code \N} for null, backslash escapes. */
    private static void row(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            Object v = values[i];
            if (v == null) {
                out.append("\\N");
            } else if (v instanceof Boolean b) {
                out.append(b ? 't' : 'f');
            } else if (v instanceof java.math.BigDecimal d) {
                out.append(d.toPlainString());
            } else {
                String s = v.toString();
                for (int k = 0; k < s.length(); k++) {
                    char c = s.charAt(k);
                    switch (c) {
                        case '\\' -> out.append("\\\\");
                        case '\t' -> out.append("\\t");
                        case '\n' -> out.append("\\n");
                        case '\r' -> out.append("\\r");
                        default -> out.append(c);
                    }
                }
            }
        }
        out.append('\n');
    }
}
