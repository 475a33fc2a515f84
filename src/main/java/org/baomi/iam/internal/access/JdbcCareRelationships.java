package org.baomi.iam.internal.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.CareRelationship;
import org.baomi.iam.CareRelationships;
import org.baomi.iam.ResourceRef;
import org.baomi.shared.BaomiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Care relationships in {@code iam_care_relationship} (ACC-4); see {@link CareRelationships}. */
@Service
class JdbcCareRelationships implements CareRelationships {

    private final JdbcClient jdbc;
    private final AccessChangeFeed feed;
    private final AuditTrail audit;

    JdbcCareRelationships(JdbcClient jdbc, AccessChangeFeed feed, AuditTrail audit) {
        this.jdbc = jdbc;
        this.feed = feed;
        this.audit = audit;
    }

    @Override
    @Transactional
    public long add(long personId, String patientId, Instant from, Instant until) {
        ResourceRef.patient(patientId);
        if (from == null || (until != null && until.isBefore(from))) {
            throw BaomiException.invalid("access.care.period-invalid");
        }
        if (feed.model().person(personId) == null) {
            throw BaomiException.invalid("access.person.unknown");
        }
        long id = jdbc.sql("""
                INSERT INTO iam_care_relationship (person_id, patient_id, valid_from, valid_until)
                VALUES (:person, :patient, :from, :until) RETURNING id
                """).param("person", personId).param("patient", patientId).param("from", Timestamp.from(from))
                .param("until", until == null ? null : Timestamp.from(until)).query(Long.class).single();
        // AUD-1, ACC-4: a care relationship opens the patient's record to the person, as a grant does
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("relationship", id);
        details.put("person", personId);
        details.put("from", from.toString());
        if (until != null) {
            details.put("until", until.toString());
        }
        audit.record(new AuditEntry(null, "access.care.added", ResourceRef.PATIENT, patientId, null, AuditOutcome.ALLOWED,
                null, details, patientId));
        feed.pollAfterCommit();
        return id;
    }

    @Override
    @Transactional
    public List<Long> addAll(List<Assignment> assignments) {
        if (assignments.isEmpty()) {
            return List.of();
        }
        int n = assignments.size();
        Long[] persons = new Long[n];
        String[] patients = new String[n];
        Timestamp[] froms = new Timestamp[n];
        Timestamp[] untils = new Timestamp[n];
        AccessModel model = feed.model();
        for (int i = 0; i < n; i++) {
            Assignment a = assignments.get(i);
            ResourceRef.patient(a.patientId());
            if (a.from() == null || (a.until() != null && a.until().isBefore(a.from()))) {
                throw BaomiException.invalid("access.care.period-invalid");
            }
            if (model.person(a.personId()) == null) {
                throw BaomiException.invalid("access.person.unknown");
            }
            persons[i] = a.personId();
            patients[i] = a.patientId();
            froms[i] = Timestamp.from(a.from());
            untils[i] = a.until() == null ? null : Timestamp.from(a.until());
        }
        // WITH ORDINALITY keeps the ids in the order given
        List<Long> ids = jdbc.sql("""
                WITH inserted AS (
                    INSERT INTO iam_care_relationship (person_id, patient_id, valid_from, valid_until)
                    SELECT t.person, t.patient, t.valid_from, t.valid_until
                    FROM unnest(CAST(:persons AS BIGINT[]), CAST(:patients AS TEXT[]),
                                CAST(:froms AS TIMESTAMPTZ[]), CAST(:untils AS TIMESTAMPTZ[]))
                         WITH ORDINALITY AS t(person, patient, valid_from, valid_until, ord)
                    ORDER BY t.ord
                    RETURNING id)
                SELECT id FROM inserted ORDER BY id
                """).param("persons", persons).param("patients", patients).param("froms", froms)
                .param("untils", untils).query(Long.class).list();
        // AUD-1, ACC-4: one record per batch listing each relationship, as add() records one
        List<Map<String, Object>> listed = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("relationship", ids.get(i));
            one.put("person", persons[i]);
            one.put("patient", patients[i]);
            listed.add(one);
        }
        audit.record(new AuditEntry(null, "access.care.added", ResourceRef.PATIENT, null, null, AuditOutcome.ALLOWED,
                null, Map.of("count", n, "relationships", listed), null));
        feed.pollAfterCommit();
        return ids;
    }

    @Override
    @Transactional
    public void endAll(List<Long> relationshipIds, Instant at) {
        if (relationshipIds.isEmpty()) {
            return;
        }
        Long[] ids = relationshipIds.toArray(new Long[0]);
        int updated = jdbc.sql("""
                UPDATE iam_care_relationship SET valid_until = :at
                WHERE id = ANY(CAST(:ids AS BIGINT[])) AND valid_until IS NULL AND valid_from <= :at
                """).param("at", Timestamp.from(at)).param("ids", ids).update();
        if (updated != new java.util.HashSet<>(relationshipIds).size()) {
            throw BaomiException.conflict("access.care.not-open");
        }
        audit.record(new AuditEntry(null, "access.care.ended", ResourceRef.PATIENT, null, null, AuditOutcome.ALLOWED,
                null, Map.of("count", ids.length, "relationships", List.of(ids), "at", at.toString()), null));
        feed.pollAfterCommit();
    }

    @Override
    @Transactional
    public void end(long relationshipId, Instant at) {
        int updated = jdbc.sql("""
                UPDATE iam_care_relationship SET valid_until = :at
                WHERE id = :id AND valid_until IS NULL AND valid_from <= :at
                """).param("at", Timestamp.from(at)).param("id", relationshipId).update();
        if (updated == 0) {
            throw BaomiException.conflict("access.care.not-open");
        }
        Map<String, Object> ended = jdbc.sql("SELECT person_id, patient_id FROM iam_care_relationship WHERE id = :id")
                .param("id", relationshipId).query().singleRow();
        String patientId = (String) ended.get("patient_id");
        audit.record(new AuditEntry(null, "access.care.ended", ResourceRef.PATIENT, patientId, null, AuditOutcome.ALLOWED,
                null, Map.of("relationship", relationshipId, "person", ended.get("person_id"), "at", at.toString()),
                patientId));
        feed.pollAfterCommit();
    }

    @Override
    public List<CareRelationship> ofPatient(String patientId) {
        ObjectEntry entry = feed.model().object(ResourceRef.patient(patientId));
        List<CareRelationship> result = new ArrayList<>();
        if (entry != null) {
            long[] care = entry.care;
            for (int i = 0; i < care.length; i += ObjectEntry.STRIDE) {
                long until = care[i + ObjectEntry.B];
                result.add(new CareRelationship(care[i + ObjectEntry.ID], care[i + ObjectEntry.PERSON], patientId,
                        Instant.ofEpochMilli(care[i + ObjectEntry.A]), until == Long.MAX_VALUE ? null : Instant.ofEpochMilli(until)));
            }
        }
        return result;
    }
}
