package org.baomi.privacy.internal;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.baomi.iam.FieldProblem;
import org.baomi.iam.StaffImport;
import org.baomi.iam.StaffImport.HrStaff;
import org.baomi.privacy.ImportReport;
import org.baomi.privacy.ImportReport.Outcome;
import org.baomi.privacy.ImportReport.Result;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The HR side of the FHIR import (issue 6 item 1, ORG-5): Practitioner and PractitionerRole resources, read here and
 * handed to iam's {@link StaffImport}, which validates the values, writes the accounts and audits the request. This
 * class reads the structure, joins a Practitioner and its PractitionerRole of one Bundle into one person, refuses
 * duplicates, and maps iam's answer back to the Bundle's entries. See docs/privacy.md for the mapping.
 */
@Component
class StaffFhir {

    /** The identifier system of staff numbers (工号). */
    static final String STAFF_NO_SYSTEM = "https://baomi.example.org/fhir/sid/staff-number";
    static final String PRACTITIONER = "Practitioner";
    static final String PRACTITIONER_ROLE = "PractitionerRole";
    private static final Set<String> TYPES = Set.of(PRACTITIONER, PRACTITIONER_ROLE);
    static final String DUPLICATE = "staff-import.error.duplicate";
    static final String STAFF_NO_MISSING = "staff-import.error.staff-no-missing";

    /** iam's field names to the FHIR elements they come from. */
    private static final Map<String, String> ELEMENTS = Map.of("staffNo", "identifier", "fullName", "name",
            "gender", "gender", "email", "telecom", "phone", "telecom", "departmentCode", "organization",
            "postCode", "code");
    private static final Set<String> PROFILE_FIELDS = Set.of("fullName", "gender", "email", "phone");
    private static final Set<String> PLACEMENT_FIELDS = Set.of("departmentCode", "postCode");

    private final StaffImport staff;

    StaffFhir(StaffImport staff) {
        this.staff = staff;
    }

    /**
     * Imports staff resources: each item a resource, or an entry-level problem already found by the caller.
     *
     * @param resources the resources, in order (a missing node where the entry has none)
     * @param refused   problems per index found before reading (such as an unsupported request method)
     */
    ImportReport importResources(List<JsonNode> resources, Map<Integer, FieldProblem> refused, boolean atomic) {
        int n = resources.size();
        Read[] read = new Read[n];
        for (int i = 0; i < n; i++) {
            read[i] = refused.containsKey(i) ? new Read(FhirReader.text(resources.get(i), "resourceType"),
                    FhirReader.text(resources.get(i), "id"), null, null, null, null,
                    new ArrayList<>(List.of(refused.get(i))))
                    : read(resources.get(i));
        }
        // A role names its practitioner by staff number, or by the id of a Practitioner of the same Bundle.
        Map<String, String> staffNoById = new HashMap<>();
        for (Read r : read) {
            if (PRACTITIONER.equals(r.type) && r.id != null && r.staffNo != null) {
                staffNoById.putIfAbsent(r.id, r.staffNo);
            }
        }
        for (int i = 0; i < n; i++) {
            Read r = read[i];
            if (PRACTITIONER_ROLE.equals(r.type) && r.staffNo == null && r.practitionerRef != null) {
                read[i] = r.withStaffNo(staffNoById.getOrDefault(r.practitionerRef, r.practitionerRef));
            }
        }
        // One person per staff number: at most one Practitioner and one PractitionerRole each.
        Map<String, List<Integer>> byStaffNo = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (read[i].problems.isEmpty() && read[i].staffNo != null) {
                byStaffNo.computeIfAbsent(key(read[i].staffNo), k -> new ArrayList<>()).add(i);
            }
        }
        List<HrStaff> people = new ArrayList<>();
        List<List<Integer>> entriesOf = new ArrayList<>();
        for (List<Integer> group : byStaffNo.values()) {
            long practitioners = group.stream().filter(i -> PRACTITIONER.equals(read[i].type)).count();
            boolean duplicate = practitioners > 1 || group.size() - practitioners > 1;
            if (duplicate) {
                for (int i : group) {
                    read[i].problems.add(new FieldProblem("identifier", DUPLICATE, read[i].staffNo));
                }
                continue;
            }
            StaffImport.Profile profile = null;
            StaffImport.Placement placement = null;
            for (int i : group) {
                profile = read[i].profile != null ? read[i].profile : profile;
                placement = read[i].placement != null ? read[i].placement : placement;
            }
            people.add(new HrStaff(read[group.get(0)].staffNo, profile, placement, List.of()));
            entriesOf.add(group);
        }
        for (int i = 0; i < n; i++) {
            if (!read[i].problems.isEmpty()) {
                // refused here: handed over alone so that iam counts, audits and (atomic) refuses the whole request
                people.add(new HrStaff(null, null, null, read[i].problems));
                entriesOf.add(List.of(i));
            }
        }
        List<StaffImport.Result> results = staff.importStaff(people, atomic);
        Result[] out = new Result[n];
        for (int p = 0; p < results.size(); p++) {
            StaffImport.Result result = results.get(p);
            List<Integer> group = entriesOf.get(p);
            for (int i : group) {
                List<FieldProblem> problems = new ArrayList<>();
                for (FieldProblem problem : result.problems()) {
                    if (belongsTo(problem, read[i].type, group.size())) {
                        problems.add(element(problem));
                    }
                }
                if (problems.isEmpty() && !atomic) {
                    // the other resource of the person was refused: in a batch this one says why too, never a bare
                    // 400 (a transaction answers with one OperationOutcome, where the reason is listed once)
                    result.problems().forEach(problem -> problems.add(element(problem)));
                }
                Outcome outcome = Outcome.valueOf(result.outcome().name());
                out[i] = new Result(read[i].type, read[i].id, outcome, problems);
            }
        }
        boolean written = results.stream().anyMatch(r -> r.outcome() != StaffImport.Outcome.REJECTED
                && r.outcome() != StaffImport.Outcome.NOT_WRITTEN);
        return new ImportReport(List.of(out), written);
    }

    /** With a Practitioner and its role in one person, a problem is shown on the resource it comes from. */
    private static boolean belongsTo(FieldProblem problem, String type, int groupSize) {
        if (groupSize == 1) {
            return true;
        }
        if (PROFILE_FIELDS.contains(problem.field())) {
            return PRACTITIONER.equals(type);
        }
        if (PLACEMENT_FIELDS.contains(problem.field())) {
            return PRACTITIONER_ROLE.equals(type);
        }
        return true;
    }

    /** Whether a resource of this type (null: unknown) belongs to the HR import. */
    static boolean isStaffType(String type) {
        return type != null && TYPES.contains(type);
    }

    private static FieldProblem element(FieldProblem problem) {
        return new FieldProblem(ELEMENTS.getOrDefault(problem.field(), problem.field()), problem.messageKey(),
                problem.args());
    }

    private static String key(String staffNo) {
        return staffNo.strip().toUpperCase(java.util.Locale.ROOT);
    }

    private static Read read(JsonNode r) {
        List<FieldProblem> problems = new ArrayList<>();
        if (r == null || !r.isObject()) {
            problems.add(new FieldProblem("resource", "privacy.fhir.not-object"));
            return new Read(null, null, null, null, null, null, problems);
        }
        String type = FhirReader.text(r, "resourceType");
        String id = FhirReader.text(r, "id");
        if (!isStaffType(type)) {
            problems.add(type == null ? new FieldProblem("resourceType", "privacy.import.required")
                    : new FieldProblem("resourceType", "privacy.fhir.type-unsupported", type));
            return new Read(type, id, null, null, null, null, problems);
        }
        if (PRACTITIONER.equals(type)) {
            String staffNo = staffNo(r.path("identifier"));
            if (staffNo == null) {
                problems.add(new FieldProblem("identifier", STAFF_NO_MISSING, STAFF_NO_SYSTEM));
            }
            String phone = null;
            String email = null;
            for (JsonNode telecom : r.path("telecom")) {
                String system = FhirReader.text(telecom, "system");
                if ("phone".equals(system) && phone == null) {
                    phone = FhirReader.text(telecom, "value");
                } else if ("email".equals(system) && email == null) {
                    email = FhirReader.text(telecom, "value");
                }
            }
            JsonNode active = r.path("active");
            if (!active.isMissingNode() && !active.isNull() && !active.isBoolean()) {
                problems.add(new FieldProblem("active", "privacy.fhir.boolean-invalid"));
            }
            return new Read(type, id, staffNo, null, new StaffImport.Profile(name(r.path("name")),
                    FhirReader.text(r, "gender"), email, phone, !active.isBoolean() || active.booleanValue()), null,
                    problems);
        }
        JsonNode practitioner = r.path("practitioner");
        String staffNo = staffNo(List.of(practitioner.path("identifier")));
        String ref = null;
        if (staffNo == null) {
            String value = FhirReader.text(practitioner, "reference");
            if (value != null && value.startsWith(PRACTITIONER + "/") && value.indexOf('/', PRACTITIONER.length() + 1) < 0
                    && value.length() > PRACTITIONER.length() + 1) {
                ref = value.substring(PRACTITIONER.length() + 1);
            } else if (value != null) {
                problems.add(new FieldProblem("practitioner", "privacy.fhir.reference-invalid", value, PRACTITIONER));
            } else {
                problems.add(new FieldProblem("practitioner", "privacy.import.required"));
            }
        }
        JsonNode organization = r.path("organization");
        String department = FhirReader.text(organization.path("identifier"), "value");
        if (department == null) {
            String value = FhirReader.text(organization, "reference");
            department = value != null && value.startsWith("Organization/") ? value.substring("Organization/".length())
                    : null;
        }
        if (department == null) {
            problems.add(new FieldProblem("organization", "privacy.import.required"));
        }
        String post = FhirReader.text(r.path("code").path(0).path("coding").path(0), "code");
        if (post == null) {
            problems.add(new FieldProblem("code", "privacy.import.required"));
        }
        return new Read(type, id, staffNo, ref, null, new StaffImport.Placement(department, post), problems);
    }

    private static String staffNo(Iterable<JsonNode> identifiers) {
        for (JsonNode identifier : identifiers) {
            if (STAFF_NO_SYSTEM.equals(FhirReader.text(identifier, "system"))) {
                return FhirReader.text(identifier, "value");
            }
        }
        return null;
    }

    /**
     * The official name (else the first): its text, else family and given names — written together without a space
     * when they are Chinese (姓 then 名), with a space otherwise.
     */
    static String name(JsonNode names) {
        JsonNode chosen = names.path(0);
        for (JsonNode name : names) {
            if ("official".equals(FhirReader.text(name, "use"))) {
                chosen = name;
                break;
            }
        }
        String text = FhirReader.text(chosen, "text");
        if (text != null) {
            return text;
        }
        String family = FhirReader.text(chosen, "family");
        StringBuilder given = new StringBuilder();
        for (JsonNode g : chosen.path("given")) {
            given.append(g.asString(""));
        }
        if (family == null && given.isEmpty()) {
            return null;
        }
        String f = family == null ? "" : family;
        boolean han = !f.isEmpty() && UnicodeScript.of(f.codePointAt(0)) == UnicodeScript.HAN;
        return han || f.isEmpty() || given.isEmpty() ? f + given : given + " " + f;
    }

    private record Read(String type, String id, String staffNo, String practitionerRef, StaffImport.Profile profile,
            StaffImport.Placement placement, List<FieldProblem> problems) {

        Read withStaffNo(String no) {
            return new Read(type, id, no, practitionerRef, profile, placement, problems);
        }
    }
}
