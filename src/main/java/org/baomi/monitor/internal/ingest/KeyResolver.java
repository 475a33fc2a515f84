package org.baomi.monitor.internal.ingest;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.baomi.iam.DepartmentLookup;
import org.baomi.iam.StaffKeys;
import org.baomi.privacy.PatientKeys;
import org.springframework.stereotype.Component;

/**
 * Staff numbers, MRNs and department codes to Baomi's ids, for ingest at tens of thousands of events a second:
 * found keys are kept in memory (a staff number or MRN never moves to another person or patient: both are unique
 * and kept for good), and the misses of a request are looked up together, in one query per kind. Misses are not
 * remembered, so a person or patient registered after an event was seen resolves on the next request.
 */
@Component
class KeyResolver {

    /** Above this many cached keys of a kind the cache starts over (a bound on memory, not a tuning knob). */
    private static final int MAX_CACHED = 2_000_000;

    private final StaffKeys staff;
    private final PatientKeys patients;
    private final DepartmentLookup departments;
    private final Map<String, Long> personIds = new ConcurrentHashMap<>();
    private final Map<String, Long> patientIds = new ConcurrentHashMap<>();
    private final Map<String, Long> departmentIds = new ConcurrentHashMap<>();

    KeyResolver(StaffKeys staff, PatientKeys patients, DepartmentLookup departments) {
        this.staff = staff;
        this.patients = patients;
        this.departments = departments;
    }

    /**
     * Sets person, patient and department ids of the rows where they resolve. A row is looked up in the caches
     * first, and only the misses are collected and queried: at tens of thousands of events a second nearly every
     * key is a hit, so no set of all of a request's keys is built (issue 7).
     */
    void resolve(Collection<AccessEventRow> rows) {
        Set<String> users = null;
        Set<String> mrns = null;
        Set<String> codes = null;
        for (AccessEventRow row : rows) {
            row.personId = personIds.get(row.userRef);
            if (row.personId == null) {
                users = add(users, row.userRef);
            }
            row.patientId = patientIds.get(row.patientRef);
            if (row.patientId == null) {
                mrns = add(mrns, row.patientRef);
            }
            if (row.departmentRef != null) {
                row.departmentId = departmentIds.get(row.departmentRef);
                if (row.departmentId == null) {
                    codes = add(codes, row.departmentRef);
                }
            }
        }
        if (users == null && mrns == null && codes == null) {
            return;
        }
        Map<String, Long> persons = users == null ? Map.of() : personIds(users);
        Map<String, Long> pats = mrns == null ? Map.of() : patientIds(mrns);
        Map<String, Long> depts = codes == null ? Map.of() : departmentIds(codes);
        for (AccessEventRow row : rows) {
            if (row.personId == null) {
                row.personId = persons.get(row.userRef);
            }
            if (row.patientId == null) {
                row.patientId = pats.get(row.patientRef);
            }
            if (row.departmentRef != null && row.departmentId == null) {
                row.departmentId = depts.get(row.departmentRef);
            }
        }
    }

    private static Set<String> add(Set<String> set, String key) {
        Set<String> target = set == null ? new HashSet<>() : set;
        target.add(key);
        return target;
    }

    Map<String, Long> personIds(Set<String> staffNumbers) {
        return lookUp(personIds, staffNumbers, staff::personIds);
    }

    Map<String, Long> patientIds(Set<String> mrns) {
        return lookUp(patientIds, mrns, patients::patientIds);
    }

    Map<String, Long> departmentIds(Set<String> codes) {
        return lookUp(departmentIds, codes, missing -> {
            Map<String, Long> found = new java.util.HashMap<>();
            for (String code : missing) {
                departments.byCode(code).ifPresent(d -> found.put(code, d.id()));
            }
            return found;
        });
    }

    private static Map<String, Long> lookUp(Map<String, Long> cache, Set<String> keys,
            Function<Set<String>, Map<String, Long>> query) {
        Map<String, Long> found = new java.util.HashMap<>();
        Set<String> missing = new HashSet<>();
        for (String key : keys) {
            Long id = cache.get(key);
            if (id != null) {
                found.put(key, id);
            } else {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            Map<String, Long> fetched = query.apply(missing);
            if (cache.size() + fetched.size() > MAX_CACHED) {
                cache.clear();
            }
            cache.putAll(fetched);
            found.putAll(fetched);
        }
        return found;
    }
}
