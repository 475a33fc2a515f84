package org.baomi.privacy.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.baomi.iam.FieldProblem;
import org.baomi.iam.DepartmentLookup;
import org.baomi.iam.StaffLookup;
import org.baomi.iam.StaffPrincipal;
import org.baomi.privacy.CareTeamRecord;
import org.baomi.privacy.ChargeRecord;
import org.baomi.privacy.EncounterRecord;
import org.baomi.privacy.ImportEntry;
import org.baomi.privacy.PatientRecord;
import org.baomi.privacy.internal.Rows.CareTeamRow;
import org.baomi.privacy.internal.Rows.ChargeRow;
import org.baomi.privacy.internal.Rows.EncounterRow;
import org.baomi.privacy.internal.Rows.MemberRow;
import org.baomi.privacy.internal.Rows.PatientRow;
import org.springframework.stereotype.Component;

/**
 * Validates import entries one by one (issue 6 item 1: "a clear error per rejected item"): required values,
 * formats, the ID number's check digit, codes, dates, and references — to patients and encounters of the same
 * request (whatever their position) or imported before, to departments and to active staff. Entries are checked in
 * the order patients, encounters, care teams, charges, so that a reference to a rejected entry is itself rejected.
 */
@Component
class ImportValidator {

    private static final Pattern SOURCE_ID = Pattern.compile("^[A-Za-z0-9\\-.]{1,64}$");
    private static final Pattern ICD10 = Pattern.compile("^[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?$");
    private static final Pattern PHONE = Pattern.compile("^[0-9+\\- ]{5,30}$");
    private static final Pattern CODE = Pattern.compile("^[A-Za-z0-9\\-._]{1,40}$");
    private static final Set<String> GENDERS = Set.of("MALE", "FEMALE", "OTHER", "UNKNOWN");
    private static final Set<String> FLAGS = Set.of("VIP", "PUBLIC_FIGURE", "PSYCHIATRIC", "INFECTIOUS");
    private static final Set<String> CLASSES = Set.of("OUTPATIENT", "INPATIENT", "EMERGENCY");
    private static final Set<String> CATEGORIES = Set.of("DRUG", "EXAMINATION", "TREATMENT", "BED", "MATERIAL", "OTHER");
    private static final LocalDate EARLIEST = LocalDate.of(1880, 1, 1);

    private final PatientStore store;
    private final StaffLookup staff;
    private final DepartmentLookup departmentLookup;
    private final Clock clock;

    ImportValidator(PatientStore store, StaffLookup staff, DepartmentLookup departmentLookup, Clock clock) {
        this.store = store;
        this.staff = staff;
        this.departmentLookup = departmentLookup;
        this.clock = clock;
    }

    /** Rows per entry (null where rejected) and problems per entry (empty where accepted). */
    record Validated(Record[] rows, List<List<FieldProblem>> problems) {

        boolean allValid() {
            return problems.stream().allMatch(List::isEmpty);
        }
    }

    Validated validate(List<ImportEntry> entries, String source) {
        int n = entries.size();
        Record[] rows = new Record[n];
        List<List<FieldProblem>> problems = new ArrayList<>(n);
        for (ImportEntry entry : entries) {
            problems.add(new ArrayList<>(entry.problems()));
        }
        Context ctx = new Context(source, entries);
        Set<String> seen = new HashSet<>();
        for (String type : List.of(ImportEntry.PATIENT, ImportEntry.ENCOUNTER, ImportEntry.CARE_TEAM,
                ImportEntry.CHARGE)) {
            for (int i = 0; i < n; i++) {
                ImportEntry entry = entries.get(i);
                if (!type.equals(entry.type()) || entry.record() == null || !problems.get(i).isEmpty()) {
                    continue;
                }
                List<FieldProblem> found = problems.get(i);
                Object record = entry.record();
                Record row = null;
                if (record instanceof PatientRecord p) {
                    row = patient(p, ctx, found);
                } else if (record instanceof EncounterRecord e) {
                    row = encounter(e, ctx, found);
                } else if (record instanceof CareTeamRecord c) {
                    row = careTeam(c, ctx, found);
                } else if (record instanceof ChargeRecord c) {
                    row = charge(c, ctx, found);
                }
                String sourceId = sourceIdOf(entry.record());
                if (found.isEmpty() && !seen.add(type + "|" + sourceId)) {
                    found.add(new FieldProblem("id", "privacy.import.duplicate", sourceId));
                }
                if (found.isEmpty()) {
                    rows[i] = row;
                    ctx.accept(row);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (rows[i] == null && problems.get(i).isEmpty()) {
                problems.get(i).add(new FieldProblem("resourceType", "privacy.import.type-unsupported"));
            }
        }
        return new Validated(rows, problems);
    }

    static String sourceIdOf(Object record) {
        if (record instanceof PatientRecord p) {
            return p.sourceId();
        } else if (record instanceof EncounterRecord e) {
            return e.sourceId();
        } else if (record instanceof CareTeamRecord c) {
            return c.sourceId();
        } else if (record instanceof ChargeRecord c) {
            return c.sourceId();
        }
        return null;
    }

    private PatientRow patient(PatientRecord p, Context ctx, List<FieldProblem> found) {
        sourceId(p.sourceId(), found);
        String mrn = required(p.mrn(), "mrn", 40, found);
        if (mrn != null && !CODE.matcher(mrn).matches()) {
            found.add(new FieldProblem("mrn", "privacy.import.code-invalid"));
        } else if (mrn != null && !ctx.mrnFree(mrn, p.sourceId())) {
            found.add(new FieldProblem("mrn", "privacy.import.mrn-taken", mrn));
        }
        String name = required(p.name(), "name", 100, found);
        String gender = choice(p.gender(), "gender", GENDERS, true, found);
        LocalDate birth = date(p.birthDate(), "birthDate", true, found);
        if (birth != null && (birth.isAfter(LocalDate.now(clock)) || birth.isBefore(EARLIEST))) {
            found.add(new FieldProblem("birthDate", "privacy.import.date-out-of-range"));
        }
        String idNumber = blankToNull(p.idNumber());
        if (idNumber != null) {
            idNumber = idNumber.toUpperCase(Locale.ROOT);
            if (!IdNumbers.valid(idNumber)) {
                found.add(new FieldProblem("idNumber", "privacy.import.id-number-invalid"));
            } else if (birth != null && !birth.equals(IdNumbers.birthDate(idNumber))) {
                found.add(new FieldProblem("idNumber", "privacy.import.id-number-birth-mismatch"));
            }
        }
        String phone = blankToNull(p.phone());
        if (phone != null && !PHONE.matcher(phone).matches()) {
            found.add(new FieldProblem("phone", "privacy.import.phone-invalid"));
        }
        String address = optional(p.address(), "address", 300, found);
        Set<String> flags = new HashSet<>();
        for (String flag : p.flags() == null ? List.<String>of() : p.flags()) {
            String code = flag == null ? "" : flag.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            if (!FLAGS.contains(code)) {
                found.add(new FieldProblem("flags", "privacy.import.code-unknown", String.valueOf(flag)));
            }
            flags.add(code);
        }
        Long staffAccount = null;
        if (blankToNull(p.staffNo()) != null) {
            staffAccount = ctx.staff(p.staffNo()).map(StaffPrincipal::accountId).orElse(null);
            if (staffAccount == null) {
                found.add(new FieldProblem("staffNo", "privacy.import.staff-unknown", p.staffNo()));
            }
        }
        boolean deceased = Boolean.TRUE.equals(p.deceased()) || blankToNull(p.deceasedDate()) != null;
        LocalDate deceasedOn = date(p.deceasedDate(), "deceasedDate", false, found);
        if (deceasedOn != null && birth != null && deceasedOn.isBefore(birth)) {
            found.add(new FieldProblem("deceasedDate", "privacy.import.date-order"));
        }
        return new PatientRow(p.sourceId(), mrn, name, gender, birth, idNumber, phone, address, flags.contains("VIP"),
                staffAccount, flags.contains("PUBLIC_FIGURE"), flags.contains("PSYCHIATRIC"),
                flags.contains("INFECTIOUS"), deceased, deceasedOn);
    }

    private EncounterRow encounter(EncounterRecord e, Context ctx, List<FieldProblem> found) {
        sourceId(e.sourceId(), found);
        if (required(e.patientSourceId(), "subject", 64, found) != null && !ctx.patientKnown(e.patientSourceId())) {
            found.add(new FieldProblem("subject", "privacy.import.reference-unknown", "Patient/" + e.patientSourceId()));
        }
        String cls = choice(e.encounterClass(), "class", CLASSES, true, found);
        Long department = null;
        if (required(e.departmentCode(), "serviceProvider", 40, found) != null) {
            Optional<DepartmentLookup.Department> unit = ctx.department(e.departmentCode());
            if (unit.isEmpty()) {
                found.add(new FieldProblem("serviceProvider", "privacy.import.department-unknown", e.departmentCode()));
            } else if (!"CLINICAL".equals(unit.get().kind())) {
                // ACC-4: encounters, and so care relationships, belong to clinical departments
                found.add(new FieldProblem("serviceProvider", "privacy.import.department-not-clinical",
                        e.departmentCode()));
            } else {
                department = unit.get().id();
            }
        }
        Long attending = null;
        if (blankToNull(e.attendingStaffNo()) != null) {
            attending = ctx.staff(e.attendingStaffNo()).map(StaffPrincipal::accountId).orElse(null);
            if (attending == null) {
                found.add(new FieldProblem("participant", "privacy.import.staff-unknown", e.attendingStaffNo()));
            }
        }
        Instant start = instant(e.start(), "period.start", true, found);
        Instant end = instant(e.end(), "period.end", false, found);
        if (start != null && end != null && end.isBefore(start)) {
            found.add(new FieldProblem("period.end", "privacy.import.date-order"));
        }
        List<EncounterRecord.DiagnosisRecord> diagnoses = new ArrayList<>();
        for (EncounterRecord.DiagnosisRecord d : e.diagnoses() == null ? List.<EncounterRecord.DiagnosisRecord>of()
                : e.diagnoses()) {
            String code = d == null || d.icd10() == null ? "" : d.icd10().strip().toUpperCase(Locale.ROOT);
            if (!ICD10.matcher(code).matches()) {
                found.add(new FieldProblem("reasonCode", "privacy.import.icd10-invalid", code));
                continue;
            }
            String text = required(d.text(), "reasonCode", 200, found);
            diagnoses.add(new EncounterRecord.DiagnosisRecord(code, text));
        }
        return new EncounterRow(e.sourceId(), e.patientSourceId(), cls, department == null ? 0 : department, attending,
                start, end, List.copyOf(diagnoses));
    }

    private CareTeamRow careTeam(CareTeamRecord c, Context ctx, List<FieldProblem> found) {
        sourceId(c.sourceId(), found);
        Instant encounterStart = null;
        if (required(c.encounterSourceId(), "encounter", 64, found) != null) {
            encounterStart = ctx.encounterStart(c.encounterSourceId());
            if (encounterStart == null) {
                found.add(new FieldProblem("encounter", "privacy.import.reference-unknown",
                        "Encounter/" + c.encounterSourceId()));
            }
        }
        List<MemberRow> members = new ArrayList<>();
        Set<Long> people = new HashSet<>();
        for (CareTeamRecord.Member m : c.members() == null ? List.<CareTeamRecord.Member>of() : c.members()) {
            if (m == null || blankToNull(m.staffNo()) == null) {
                found.add(new FieldProblem("participant.member", "privacy.import.required"));
                continue;
            }
            Long person = ctx.staff(m.staffNo()).map(StaffPrincipal::accountId).orElse(null);
            if (person == null) {
                found.add(new FieldProblem("participant.member", "privacy.import.reference-unknown",
                        "Practitioner/" + m.staffNo()));
                continue;
            }
            if (!people.add(person)) {
                found.add(new FieldProblem("participant.member", "privacy.import.duplicate", m.staffNo()));
            }
            String role = blankToNull(m.role()) == null ? "member" : optional(m.role(), "participant.role", 40, found);
            Instant from = instant(m.from(), "participant.period.start", false, found);
            Instant until = instant(m.until(), "participant.period.end", false, found);
            from = from == null ? encounterStart : from;
            if (from != null && until != null && until.isBefore(from)) {
                found.add(new FieldProblem("participant.period.end", "privacy.import.date-order"));
            }
            members.add(new MemberRow(person, role, from, until));
        }
        return new CareTeamRow(c.sourceId(), c.encounterSourceId(), !Boolean.FALSE.equals(c.active()),
                List.copyOf(members));
    }

    private ChargeRow charge(ChargeRecord c, Context ctx, List<FieldProblem> found) {
        sourceId(c.sourceId(), found);
        if (required(c.encounterSourceId(), "context", 64, found) != null) {
            String patient = ctx.encounterPatient(c.encounterSourceId());
            if (patient == null) {
                found.add(new FieldProblem("context", "privacy.import.reference-unknown",
                        "Encounter/" + c.encounterSourceId()));
            } else if (blankToNull(c.patientSourceId()) != null && !patient.equals(c.patientSourceId())) {
                found.add(new FieldProblem("subject", "privacy.import.reference-mismatch", "Patient/" + c.patientSourceId()));
            }
        }
        String code = required(c.itemCode(), "code", 40, found);
        if (code != null && !CODE.matcher(code).matches()) {
            found.add(new FieldProblem("code", "privacy.import.code-invalid"));
        }
        String name = required(c.itemName(), "code.display", 200, found);
        String category = choice(c.category(), "category", CATEGORIES, true, found);
        BigDecimal quantity = c.quantity();
        if (quantity == null) {
            found.add(new FieldProblem("quantity", "privacy.import.required"));
        } else if (quantity.signum() <= 0 || quantity.scale() > 3 || quantity.precision() - quantity.scale() > 9) {
            found.add(new FieldProblem("quantity", "privacy.import.number-invalid"));
        }
        BigDecimal unit = c.unitPrice();
        BigDecimal amount = c.amount();
        if (unit == null && amount == null) {
            found.add(new FieldProblem("priceOverride", "privacy.import.required"));
        }
        if ((unit != null && (unit.signum() < 0 || unit.precision() - unit.scale() > 10))
                || (amount != null && amount.precision() - amount.scale() > 12)) {
            found.add(new FieldProblem("priceOverride", "privacy.import.number-invalid"));
        }
        LocalDate date = date(c.date(), "occurrence", true, found);
        if (found.isEmpty()) {
            if (unit == null) {
                unit = amount.divide(quantity, 2, RoundingMode.HALF_UP);
            }
            BigDecimal computed = unit.multiply(quantity).setScale(2, RoundingMode.HALF_UP);
            if (amount == null) {
                amount = computed;
            } else if (amount.subtract(computed).abs().compareTo(new BigDecimal("0.01")) > 0
                    && c.unitPrice() != null) {
                found.add(new FieldProblem("priceOverride", "privacy.import.amount-mismatch"));
            }
            unit = unit.setScale(2, RoundingMode.HALF_UP);
            amount = amount.setScale(2, RoundingMode.HALF_UP);
        }
        return new ChargeRow(c.sourceId(), c.encounterSourceId(), code, name, category, quantity, unit, amount, date);
    }

    private static void sourceId(String id, List<FieldProblem> found) {
        if (id == null || id.isBlank()) {
            found.add(new FieldProblem("id", "privacy.import.required"));
        } else if (!SOURCE_ID.matcher(id).matches()) {
            found.add(new FieldProblem("id", "privacy.import.id-invalid"));
        }
    }

    private static String required(String value, String field, int max, List<FieldProblem> found) {
        String v = blankToNull(value);
        if (v == null) {
            found.add(new FieldProblem(field, "privacy.import.required"));
            return null;
        }
        return optional(v, field, max, found);
    }

    private static String optional(String value, String field, int max, List<FieldProblem> found) {
        String v = blankToNull(value);
        if (v != null && v.length() > max) {
            found.add(new FieldProblem(field, "privacy.import.too-long", max));
            return null;
        }
        return v;
    }

    private static String choice(String value, String field, Set<String> allowed, boolean needed,
            List<FieldProblem> found) {
        String v = blankToNull(value);
        if (v == null) {
            if (needed) {
                found.add(new FieldProblem(field, "privacy.import.required"));
            }
            return null;
        }
        String code = v.toUpperCase(Locale.ROOT).replace('-', '_');
        if (!allowed.contains(code)) {
            found.add(new FieldProblem(field, "privacy.import.code-unknown", v));
            return null;
        }
        return code;
    }

    private static LocalDate date(String value, String field, boolean needed, List<FieldProblem> found) {
        String v = blankToNull(value);
        if (v == null) {
            if (needed) {
                found.add(new FieldProblem(field, "privacy.import.required"));
            }
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            found.add(new FieldProblem(field, "privacy.import.date-invalid", v));
            return null;
        }
    }

    private Instant instant(String value, String field, boolean needed, List<FieldProblem> found) {
        String v = blankToNull(value);
        if (v == null) {
            if (needed) {
                found.add(new FieldProblem(field, "privacy.import.required"));
            }
            return null;
        }
        try {
            return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(clock.getZone()).toInstant()
                    : OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            found.add(new FieldProblem(field, "privacy.import.date-invalid", v));
            return null;
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** What the request knows besides the database: accepted entries, and caches of staff and departments. */
    private final class Context {

        private final String source;
        private final Set<String> patients = new HashSet<>();
        private final Map<String, EncounterRow> encounters = new HashMap<>();
        private final Map<String, Optional<StaffPrincipal>> staffCache = new HashMap<>();
        private final Set<String> existingPatients;
        private final Map<String, PatientStore.EncounterRef> existingEncounters;
        private final Map<String, String> mrnOwners;
        private final Map<String, String> batchMrns = new HashMap<>();
        private final Map<String, Optional<DepartmentLookup.Department>> departments = new HashMap<>();

        Context(String source, List<ImportEntry> entries) {
            this.source = source;
            Set<String> patientRefs = new HashSet<>();
            Set<String> encounterRefs = new HashSet<>();
            Set<String> mrns = new HashSet<>();
            for (ImportEntry entry : entries) {
                Object record = entry.record();
                if (record instanceof PatientRecord p && p.mrn() != null) {
                    mrns.add(p.mrn().strip());
                } else if (record instanceof EncounterRecord e && e.patientSourceId() != null) {
                    patientRefs.add(e.patientSourceId());
                } else if (record instanceof CareTeamRecord c && c.encounterSourceId() != null) {
                    encounterRefs.add(c.encounterSourceId());
                } else if (record instanceof ChargeRecord c && c.encounterSourceId() != null) {
                    encounterRefs.add(c.encounterSourceId());
                }
            }
            existingPatients = store.existingPatients(source, patientRefs);
            existingEncounters = store.existingEncounters(source, encounterRefs);
            mrnOwners = store.mrnOwners(mrns);
        }

        void accept(Record row) {
            if (row instanceof PatientRow p) {
                patients.add(p.sourceId());
                batchMrns.put(p.mrn(), p.sourceId());
            } else if (row instanceof EncounterRow e) {
                encounters.put(e.sourceId(), e);
            }
        }

        boolean mrnFree(String mrn, String sourceId) {
            String owner = mrnOwners.get(mrn);
            String inBatch = batchMrns.get(mrn);
            return (owner == null || owner.equals(source + "|" + sourceId))
                    && (inBatch == null || inBatch.equals(sourceId));
        }

        boolean patientKnown(String sourceId) {
            return patients.contains(sourceId) || existingPatients.contains(sourceId);
        }

        Instant encounterStart(String sourceId) {
            EncounterRow row = encounters.get(sourceId);
            if (row != null) {
                return row.start();
            }
            PatientStore.EncounterRef ref = existingEncounters.get(sourceId);
            return ref == null ? null : ref.start();
        }

        String encounterPatient(String sourceId) {
            EncounterRow row = encounters.get(sourceId);
            if (row != null) {
                return row.patientSourceId();
            }
            PatientStore.EncounterRef ref = existingEncounters.get(sourceId);
            return ref == null ? null : ref.patientSourceId();
        }

        Optional<StaffPrincipal> staff(String staffNo) {
            return staffCache.computeIfAbsent(staffNo.strip(), staff::activeByStaffNo);
        }

        Optional<DepartmentLookup.Department> department(String code) {
            return departments.computeIfAbsent(code.strip(), departmentLookup::byCode);
        }
    }
}
