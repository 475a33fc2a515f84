package org.baomi.privacy.internal.research;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessContext;
import org.baomi.iam.AccessDecision;
import org.baomi.iam.AccessPolicy;
import org.baomi.iam.AccessRequest;
import org.baomi.iam.DepartmentLookup;
import org.baomi.iam.OrganisationQueries;
import org.baomi.iam.OrganisationUnit;
import org.baomi.iam.PermissionGuard;
import org.baomi.iam.ProtectedObject;
import org.baomi.iam.ProtectedObjects;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.StaffPrincipal;
import org.baomi.privacy.PrivacyPermissions;
import org.baomi.privacy.ResearchCohort;
import org.baomi.privacy.ResearchExportFile;
import org.baomi.privacy.ResearchExportRequest;
import org.baomi.privacy.ResearchExports;
import org.baomi.shared.BaomiException;
import org.baomi.shared.CsvWriter;
import org.baomi.shared.SecretLevel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 6 item 3: de-identified research exports (see {@link ResearchExports} for the method). Deny by default: the
 * permission, then the decision point (an approved {@value ResearchExports#APPROVAL_KIND} grant), then the audit
 * record listing every exported patient in the same transaction.
 */
@Service
class ResearchExportService implements ResearchExports {

    private static final Pattern DEPARTMENT = Pattern.compile("[A-Z0-9_-]{1,40}");
    /** An ICD-10 category or sub-category prefix: a letter, then up to two digits, then optionally . and digits. */
    private static final Pattern ICD10_PREFIX = Pattern.compile("[A-Z]([0-9]{1,2}|[0-9]{2}\\.[0-9]{1,4})?");
    private static final List<String> HEADER = List.of("pseudonym", "gender", "birth_band", "city", "department",
            "encounter_class", "admission_month", "discharge_month", "icd10");

    private final ResearchStore store;
    private final ProtectedObjects objects;
    private final AccessPolicy access;
    private final PermissionGuard guard;
    private final AuditTrail audit;
    private final DepartmentLookup departments;
    private final OrganisationQueries organisation;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ResearchExportService(ResearchStore store, ProtectedObjects objects, AccessPolicy access, PermissionGuard guard,
            AuditTrail audit, DepartmentLookup departments, OrganisationQueries organisation, Clock clock) {
        this.store = store;
        this.objects = objects;
        this.access = access;
        this.guard = guard;
        this.audit = audit;
        this.departments = departments;
        this.organisation = organisation;
        this.clock = clock;
    }

    @Override
    @Transactional
    public long request(ResearchCohort cohort) {
        StaffPrincipal person = guard.require(PrivacyPermissions.RESEARCH_EXPORT);
        if (cohort == null || cohort.from() == null || cohort.to() == null) {
            throw BaomiException.invalid("privacy.research.error.period-required");
        }
        if (cohort.to().isBefore(cohort.from())) {
            throw BaomiException.invalid("privacy.research.error.period-order");
        }
        if (ChronoUnit.DAYS.between(cohort.from(), cohort.to()) >= MAX_DAYS) {
            throw BaomiException.invalid("privacy.research.error.period-too-long");
        }
        String code = blankToNull(cohort.departmentCode());
        Long departmentId = null;
        if (code != null) {
            if (!DEPARTMENT.matcher(code).matches()) {
                throw BaomiException.invalid("privacy.research.error.department");
            }
            DepartmentLookup.Department d = departments.byCode(code)
                    .orElseThrow(() -> BaomiException.invalid("privacy.research.error.department"));
            if (!"CLINICAL".equals(d.kind())) {
                throw BaomiException.invalid("privacy.research.error.department");
            }
            departmentId = d.id();
        }
        String prefix = blankToNull(cohort.icd10Prefix());
        if (prefix != null) {
            prefix = prefix.toUpperCase(java.util.Locale.ROOT);
            if (!ICD10_PREFIX.matcher(prefix).matches()) {
                throw BaomiException.invalid("privacy.research.error.icd10");
            }
        }
        long id = store.insert(person.accountId(), departmentId, code, cohort.from(), cohort.to(), prefix,
                clock.instant());
        objects.registerAll(List.of(new ProtectedObject(new ResourceRef(OBJECT_TYPE, Long.toString(id)),
                SecretLevel.INTERNAL, null, person.accountId())));
        Map<String, Object> details = filters(code, cohort.from().toString(), cohort.to().toString(), prefix);
        audit.record(AuditEntry.allowed("privacy.research.requested", OBJECT_TYPE, id, details));
        return id;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ResearchExportRequest> mine() {
        StaffPrincipal person = guard.require(PrivacyPermissions.RESEARCH_EXPORT);
        return store.of(person.accountId());
    }

    @Override
    @Transactional
    public ResearchExportFile download(long requestId) {
        StaffPrincipal person = guard.require(PrivacyPermissions.RESEARCH_EXPORT);
        ResearchStore.Stored stored = store.find(requestId).filter(s -> s.requesterId() == person.accountId())
                .orElseThrow(() -> BaomiException.notFound("privacy.research.error.not-found"));
        AccessDecision decision = access.require(new AccessRequest(person.accountId(), AccessAction.EXPORT,
                new ResourceRef(OBJECT_TYPE, Long.toString(requestId)), AccessContext.NONE.withPurpose("RESEARCH")));
        ResearchExportRequest r = stored.request();
        ZoneId zone = clock.getZone();
        Instant from = r.from().atStartOfDay(zone).toInstant();
        Instant until = r.to().plusDays(1).atStartOfDay(zone).toInstant();
        String pattern = r.icd10Prefix() == null ? null : r.icd10Prefix() + "%";
        if (store.count(stored.departmentId(), from, until, pattern) > MAX_ROWS) {
            throw BaomiException.invalid("privacy.research.error.too-large");
        }
        Map<Long, String> codes = new HashMap<>();
        for (OrganisationUnit unit : organisation.departments()) {
            codes.put(unit.id(), unit.code());
        }
        byte[] key = new byte[32];
        random.nextBytes(key);
        Deidentifier deid = new Deidentifier(key);
        Arrays.fill(key, (byte) 0);
        List<Generalised> rows = new ArrayList<>();
        store.cohort(stored.departmentId(), from, until, pattern, zone.getId(), row -> rows.add(new Generalised(
                row.patientId(), List.of(deid.pseudonym(row.patientId()), row.gender(),
                        Deidentifier.birthBand(row.birthDate()), Deidentifier.city(row.address()),
                        codes.getOrDefault(row.departmentId(), ""), row.encounterClass(),
                        Deidentifier.month(row.start()), Deidentifier.month(row.end()),
                        row.diagnoses() == null ? "" : row.diagnoses()))));
        List<Generalised> kept = KAnonymity.suppress(rows, K);
        CsvWriter csv = new CsvWriter();
        csv.line(HEADER);
        TreeSet<Long> patients = new TreeSet<>();
        for (Generalised g : kept) {
            csv.line(g.cells());
            patients.add(g.patientId());
        }
        store.downloaded(requestId);
        Map<String, Object> details = filters(r.departmentCode(), r.from().toString(), r.to().toString(),
                r.icd10Prefix());
        details.put("k", K);
        details.put("rows", kept.size());
        details.put("suppressed", rows.size() - kept.size());
        details.put("grantId", decision.grantId());
        details.put("patients", List.copyOf(patients));
        details.values().removeIf(java.util.Objects::isNull);
        // AUD-1: every patient in the file is named (details.patients), as for imports
        audit.record(AuditEntry.allowed("privacy.research.exported", OBJECT_TYPE, requestId, details));
        return new ResearchExportFile("research-export-" + requestId + ".csv", csv.toBytes(), kept.size(),
                rows.size() - kept.size());
    }

    /** A generalised row and the patient it came from (the id never leaves this class but in the audit record). */
    record Generalised(long patientId, List<String> cells) {

        /** The quasi-identifiers: gender, birth band, city, admission month (columns 1, 2, 3, 6). */
        List<String> quasiIdentifiers() {
            return List.of(cells.get(1), cells.get(2), cells.get(3), cells.get(6));
        }
    }

    private static Map<String, Object> filters(String department, String from, String to, String prefix) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("department", department);
        details.put("from", from);
        details.put("to", to);
        details.put("icd10Prefix", prefix);
        details.values().removeIf(java.util.Objects::isNull);
        return details;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
