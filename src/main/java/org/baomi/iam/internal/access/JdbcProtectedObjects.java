package org.baomi.iam.internal.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.ProtectedObject;
import org.baomi.iam.ProtectedObjects;
import org.baomi.iam.ResourceRef;
import org.baomi.shared.BaomiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The object register in {@code iam_protected_object} and {@code iam_object_distribution}; see {@link ProtectedObjects}. */
@Service
class JdbcProtectedObjects implements ProtectedObjects {

    private final JdbcClient jdbc;
    private final AccessChangeFeed feed;
    private final AuditTrail audit;
    private final Clock clock;

    JdbcProtectedObjects(JdbcClient jdbc, AccessChangeFeed feed, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.feed = feed;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void register(ProtectedObject object) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO iam_protected_object (object_type, object_id, level, department_id, custodian_id, created_at,
                                                  updated_at)
                VALUES (:type, :id, :level, :department, :custodian, :now, :now)
                ON CONFLICT (object_type, object_id) DO UPDATE
                SET level = EXCLUDED.level, department_id = EXCLUDED.department_id,
                    custodian_id = EXCLUDED.custodian_id, updated_at = EXCLUDED.updated_at
                """).param("type", object.ref().type()).param("id", object.ref().id())
                .param("level", object.level().name()).param("department", object.departmentId())
                .param("custodian", object.custodianId()).param("now", now).update();
        // AUD-1: level, department and custodian decide who may see the object, as a grant does
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("level", object.level().name());
        if (object.departmentId() != null) {
            details.put("department", object.departmentId());
        }
        if (object.custodianId() != null) {
            details.put("custodian", object.custodianId());
        }
        audit.record(new AuditEntry(null, "access.object.registered", object.ref().type(), object.ref().id(),
                object.level(), AuditOutcome.ALLOWED, null, details, patientIdOf(object.ref())));
        feed.pollAfterCommit();
    }

    @Override
    @Transactional
    public void registerAll(List<ProtectedObject> objects) {
        if (objects.isEmpty()) {
            return;
        }
        String type = objects.get(0).ref().type();
        int n = objects.size();
        String[] ids = new String[n];
        String[] levels = new String[n];
        Long[] departments = new Long[n];
        Long[] custodians = new Long[n];
        for (int i = 0; i < n; i++) {
            ProtectedObject object = objects.get(i);
            if (!object.ref().type().equals(type)) {
                throw BaomiException.invalid("access.resource.type-invalid");
            }
            ids[i] = object.ref().id();
            levels[i] = object.level().name();
            departments[i] = object.departmentId();
            custodians[i] = object.custodianId();
        }
        // one statement for the whole batch: imports register hundreds of patients per request (issue 6)
        jdbc.sql("""
                INSERT INTO iam_protected_object (object_type, object_id, level, department_id, custodian_id, created_at,
                                                  updated_at)
                SELECT :type, t.id, t.level, t.department, t.custodian, :now, :now
                FROM unnest(CAST(:ids AS TEXT[]), CAST(:levels AS TEXT[]), CAST(:departments AS BIGINT[]),
                            CAST(:custodians AS BIGINT[])) AS t(id, level, department, custodian)
                ON CONFLICT (object_type, object_id) DO UPDATE
                SET level = EXCLUDED.level, department_id = EXCLUDED.department_id,
                    custodian_id = EXCLUDED.custodian_id, updated_at = EXCLUDED.updated_at
                WHERE (iam_protected_object.level, iam_protected_object.department_id, iam_protected_object.custodian_id)
                      IS DISTINCT FROM (EXCLUDED.level, EXCLUDED.department_id, EXCLUDED.custodian_id)
                """).param("type", type).param("ids", ids).param("levels", levels).param("departments", departments)
                .param("custodians", custodians).param("now", Timestamp.from(clock.instant())).update();
        // AUD-1: one record per batch, naming every object (the audit volume of an import stays one row per request)
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("count", n);
        details.put("ids", List.of(ids));
        audit.record(new AuditEntry(null, "access.objects.registered", type, null, null, AuditOutcome.ALLOWED, null,
                details, null));
        feed.pollAfterCommit();
    }

    @Override
    @Transactional
    public void setDistribution(ResourceRef ref, Set<Long> personIds) {
        if (!exists(ref)) {
            throw BaomiException.notFound("access.object.not-found");
        }
        jdbc.sql("DELETE FROM iam_object_distribution WHERE object_type = :type AND object_id = :id")
                .param("type", ref.type()).param("id", ref.id()).update();
        for (Long personId : new TreeSet<>(personIds)) {
            jdbc.sql("INSERT INTO iam_object_distribution (object_type, object_id, person_id) VALUES (:type, :id, :person)")
                    .param("type", ref.type()).param("id", ref.id()).param("person", personId).update();
        }
        // an emptied list leaves no row for the trigger to report
        jdbc.sql("UPDATE iam_protected_object SET updated_at = :now WHERE object_type = :type AND object_id = :id")
                .param("now", Timestamp.from(clock.instant())).param("type", ref.type()).param("id", ref.id()).update();
        jdbc.sql("INSERT INTO iam_access_change (kind, key1, key2) VALUES ('DISTRIBUTION', :type, :id)")
                .param("type", ref.type()).param("id", ref.id()).update();
        // AUD-1, DOC-5: the distribution list is who may read the object; every change of it is traceable
        audit.record(new AuditEntry(null, "access.distribution.changed", ref.type(), ref.id(), null, AuditOutcome.ALLOWED,
                null, Map.of("persons", List.copyOf(new TreeSet<>(personIds))), patientIdOf(ref)));
        feed.pollAfterCommit();
    }

    private static String patientIdOf(ResourceRef ref) {
        return ResourceRef.PATIENT.equals(ref.type()) ? ref.id() : null;
    }

    @Override
    public Optional<ProtectedObject> find(ResourceRef ref) {
        ObjectEntry entry = feed.model().object(ref);
        if (entry == null) {
            return Optional.empty();
        }
        ObjectEntry.Core core = entry.core;
        return Optional.of(new ProtectedObject(entry.ref, core.level(),
                core.departmentId() == AccessModel.NONE ? null : core.departmentId(),
                core.custodianId() == AccessModel.NONE ? null : core.custodianId()));
    }

    @Override
    public Set<Long> distributionOf(ResourceRef ref) {
        ObjectEntry entry = feed.model().object(ref);
        return entry == null ? Set.of() : Set.copyOf(Arrays.stream(entry.distribution).boxed().toList());
    }

    boolean exists(ResourceRef ref) {
        return jdbc.sql("SELECT COUNT(*) FROM iam_protected_object WHERE object_type = :type AND object_id = :id")
                .param("type", ref.type()).param("id", ref.id()).query(Long.class).single() > 0;
    }
}
