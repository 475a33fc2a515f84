package org.baomi.privacy.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.baomi.iam.ResourceRef;
import org.baomi.iam.StaffLookup;
import org.baomi.iam.StaffPrincipal;
import org.baomi.privacy.PatientFilter;
import org.baomi.privacy.PatientListing;
import org.baomi.privacy.PatientPages;
import org.baomi.privacy.PatientPurpose;
import org.baomi.privacy.PatientView;
import org.baomi.privacy.PrivacyPermissions;
import org.baomi.shared.BaomiException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 6 item 2 and PAT-3: search among one's own patients and a patient's record by purpose. Deny by default:
 * the purpose's permission, then the decision point, then the audit record in the same transaction.
 */
@Service
class PatientPageService implements PatientPages {

    /** The policy's reading window after a care relationship ends (ACC-4); the decision point decides exactly. */
    private static final Duration CARE_WINDOW = Duration.ofDays(30);
    private static final Pattern MRN = Pattern.compile("[A-Za-z0-9-]{1,40}");
    private static final Pattern DEPARTMENT = Pattern.compile("[A-Z0-9_-]{1,40}");

    private final PatientReader reader;
    private final AccessPolicy access;
    private final PermissionGuard guard;
    private final AuditTrail audit;
    private final DepartmentLookup departments;
    private final OrganisationQueries organisation;
    private final StaffLookup staff;
    private final Clock clock;
    private final ReachablePatients reachable;

    PatientPageService(PatientReader reader, AccessPolicy access, PermissionGuard guard, AuditTrail audit,
            DepartmentLookup departments, OrganisationQueries organisation, StaffLookup staff, Clock clock,
            ReachablePatients reachable) {
        this.reachable = reachable;
        this.reader = reader;
        this.access = access;
        this.guard = guard;
        this.audit = audit;
        this.departments = departments;
        this.organisation = organisation;
        this.staff = staff;
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<PatientListing> search(PatientFilter filter) {
        StaffPrincipal person = guard.require(PrivacyPermissions.PATIENT_READ);
        PatientReader.Criteria criteria = criteria(person, filter == null ? PatientFilter.NONE : filter);
        List<PatientListing> candidates = reachable.candidates(person.accountId(), criteria);
        List<AccessRequest> requests = candidates.stream().map(p -> new AccessRequest(person.accountId(),
                AccessAction.READ, ResourceRef.patient(Long.toString(p.id())),
                AccessContext.NONE.withPurpose(PatientPurpose.TREATMENT.name()))).toList();
        // ACC-4: the care-team tables only propose; the decision point disposes (medical post, clearance, window).
        List<AccessDecision> decisions = access.decideAll(requests);
        List<PatientListing> allowed = new ArrayList<>();
        for (int i = 0; i < candidates.size() && allowed.size() < MAX_RESULTS; i++) {
            if (decisions.get(i).allowed()) {
                allowed.add(candidates.get(i));
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("mrn", filter == null ? null : filter.mrn());
        details.put("name", filter == null ? null : filter.name());
        details.put("department", filter == null ? null : filter.departmentCode());
        details.put("from", filter == null || filter.from() == null ? null : filter.from().toString());
        details.put("to", filter == null || filter.to() == null ? null : filter.to().toString());
        details.put("count", allowed.size());
        details.put("patients", allowed.stream().map(PatientListing::id).toList());
        details.values().removeIf(java.util.Objects::isNull);
        audit.record(AuditEntry.allowed("privacy.patient.searched", ResourceRef.PATIENT, null, details));
        return allowed;
    }

    @Override
    @Transactional
    public PatientView view(long patientId, PatientPurpose purpose, Long breakGlassId) {
        if (purpose == null) {
            throw BaomiException.invalid("privacy.patients.error.purpose");
        }
        StaffPrincipal person = guard.require(purpose.permission());
        PatientView full = reader.full(patientId)
                .orElseThrow(() -> BaomiException.notFound("privacy.patients.error.not-found"));
        AccessContext context = AccessContext.NONE.withPurpose(purpose.name()).withBreakGlass(breakGlassId);
        // PAT-3: billing asks about the fee list object, treatment about the patient (FeeListObjects)
        AccessDecision decision = access.require(new AccessRequest(person.accountId(), AccessAction.READ,
                purpose.resource(patientId), context));
        boolean identifiers = person.hasPermission(PrivacyPermissions.IDENTIFIER_READ);
        PatientView shaped = PatientMasking.shape(named(full), purpose, identifiers);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("purpose", purpose.name());
        details.put("identifiers", identifiers);
        details.put("diagnoses", shaped.diagnosesShown());
        details.put("charges", shaped.chargesShown());
        if (decision.breakGlassId() != null) {
            details.put("breakGlassId", decision.breakGlassId());
        }
        if (decision.grantId() != null) {
            details.put("grantId", decision.grantId());
        }
        audit.record(AuditEntry.allowed("privacy.patient.viewed", ResourceRef.PATIENT, patientId, details)
                .withPatient(Long.toString(patientId)));
        return shaped;
    }

    private PatientView named(PatientView full) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<Long, String> names = new HashMap<>();
        for (OrganisationUnit unit : organisation.departments()) {
            names.put(unit.id(), unit.name().in(locale));
        }
        // one query for all attending doctors' names, not one principal per doctor (issue 6 page benchmark)
        Map<Long, String> attending = staff.activeNames(full.encounters().stream()
                .map(PatientView.Encounter::attending).filter(java.util.Objects::nonNull).map(Long::valueOf).toList());
        List<PatientView.Encounter> encounters = new ArrayList<>();
        for (PatientView.Encounter e : full.encounters()) {
            String doctor = e.attending() == null ? null : attending.get(Long.valueOf(e.attending()));
            encounters.add(new PatientView.Encounter(e.id(), e.encounterClass(), e.departmentId(),
                    names.get(e.departmentId()), doctor, e.start(), e.end(), e.diagnoses()));
        }
        return new PatientView(full.id(), full.mrn(), full.name(), full.gender(), full.birthDate(), full.idNumber(),
                full.phone(), full.address(), true, full.flags(), full.deceased(), full.deceasedOn(), null,
                encounters, true, full.charges(), true);
    }

    /** Validates the filter (translated errors, never a 500) and turns it into search criteria. */
    private PatientReader.Criteria criteria(StaffPrincipal person, PatientFilter f) {
        String mrn = blankToNull(f.mrn());
        if (mrn != null && !MRN.matcher(mrn).matches()) {
            throw BaomiException.invalid("privacy.patients.error.mrn");
        }
        String name = blankToNull(f.name());
        if (name != null && name.length() > 100) {
            throw BaomiException.invalid("privacy.patients.error.name");
        }
        Long department = null;
        String code = blankToNull(f.departmentCode());
        if (code != null) {
            if (!DEPARTMENT.matcher(code).matches()) {
                throw BaomiException.invalid("privacy.patients.error.department");
            }
            department = departments.byCode(code).map(DepartmentLookup.Department::id)
                    .orElseThrow(() -> BaomiException.invalid("privacy.patients.error.department"));
        }
        if (f.from() != null && f.to() != null && f.to().isBefore(f.from())) {
            throw BaomiException.invalid("privacy.patients.error.dates");
        }
        ZoneId zone = clock.getZone();
        Instant from = f.from() == null ? null : f.from().atStartOfDay(zone).toInstant();
        Instant to = f.to() == null ? null : f.to().plusDays(1).atStartOfDay(zone).toInstant();
        String pattern = name == null ? null
                : "%" + name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return new PatientReader.Criteria(person.accountId(), clock.instant().minus(CARE_WINDOW), mrn, pattern,
                department, from, to);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
