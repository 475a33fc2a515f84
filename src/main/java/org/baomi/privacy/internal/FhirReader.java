package org.baomi.privacy.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.baomi.iam.FieldProblem;
import org.baomi.privacy.CareTeamRecord;
import org.baomi.privacy.ChargeRecord;
import org.baomi.privacy.EncounterRecord;
import org.baomi.privacy.ImportEntry;
import org.baomi.privacy.PatientRecord;
import tools.jackson.databind.JsonNode;

/**
 * Maps FHIR R4 JSON resources to import records. Only what Baomi keeps is read; structure problems (not an
 * object, wrong or missing resourceType, references of the wrong type, values of the wrong JSON type) are reported
 * here, everything else by {@link ImportValidator}.
 */
final class FhirReader {

    /** Baomi's extensions and code systems. */
    static final String EXT = "https://baomi.example.org/fhir/StructureDefinition/";
    static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
    private static final Map<String, String> CLASSES = Map.of("AMB", "OUTPATIENT", "IMP", "INPATIENT",
            "EMER", "EMERGENCY", "ACUTE", "INPATIENT");

    private FhirReader() {
    }

    static ImportEntry read(JsonNode resource, String expectedType) {
        List<FieldProblem> problems = new ArrayList<>();
        if (resource == null || !resource.isObject()) {
            return new ImportEntry(expectedType, null, List.of(new FieldProblem("resource", "privacy.fhir.not-object")));
        }
        String type = text(resource, "resourceType");
        if (type == null) {
            return new ImportEntry(expectedType, null,
                    List.of(new FieldProblem("resourceType", "privacy.import.required")));
        }
        if (expectedType != null && !expectedType.equals(type)) {
            return new ImportEntry(type, null,
                    List.of(new FieldProblem("resourceType", "privacy.fhir.type-mismatch", type, expectedType)));
        }
        Object record = switch (type) {
            case ImportEntry.PATIENT -> patient(resource, problems);
            case ImportEntry.ENCOUNTER -> encounter(resource, problems);
            case ImportEntry.CARE_TEAM -> careTeam(resource, problems);
            case ImportEntry.CHARGE -> charge(resource, problems);
            default -> {
                problems.add(new FieldProblem("resourceType", "privacy.fhir.type-unsupported", type));
                yield null;
            }
        };
        return new ImportEntry(type, record, problems);
    }

    private static PatientRecord patient(JsonNode r, List<FieldProblem> problems) {
        String mrn = null;
        String idNumber = null;
        for (JsonNode identifier : r.path("identifier")) {
            String code = firstCode(identifier.path("type"));
            if ("MR".equals(code)) {
                mrn = text(identifier, "value");
            } else if ("NI".equals(code) || "CZ".equals(code)) {
                idNumber = text(identifier, "value");
            }
        }
        JsonNode name = r.path("name").path(0);
        String fullName = text(name, "text");
        if (fullName == null && !name.isMissingNode()) {
            StringBuilder sb = new StringBuilder(textOr(name, "family", ""));
            for (JsonNode given : name.path("given")) {
                sb.append(given.asString(""));
            }
            fullName = sb.isEmpty() ? null : sb.toString();
        }
        String phone = null;
        for (JsonNode telecom : r.path("telecom")) {
            if ("phone".equals(text(telecom, "system")) && phone == null) {
                phone = text(telecom, "value");
            }
        }
        JsonNode address = r.path("address").path(0);
        String addressText = text(address, "text");
        if (addressText == null && address.path("line").isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode line : address.path("line")) {
                sb.append(line.asString(""));
            }
            addressText = sb.toString();
        }
        List<String> flags = new ArrayList<>();
        String staffNo = null;
        for (JsonNode extension : r.path("extension")) {
            String url = text(extension, "url");
            if ((EXT + "patient-flag").equals(url)) {
                flags.add(textOr(extension, "valueCode", ""));
            } else if ((EXT + "staff-member").equals(url)) {
                staffNo = text(extension, "valueString");
            }
        }
        Boolean deceased = r.path("deceasedBoolean").isBoolean() ? r.path("deceasedBoolean").booleanValue() : null;
        String deceasedAt = text(r, "deceasedDateTime");
        String deceasedDate = deceasedAt == null ? null : deceasedAt.length() > 10 ? deceasedAt.substring(0, 10) : deceasedAt;
        return new PatientRecord(text(r, "id"), mrn, fullName, text(r, "gender"), text(r, "birthDate"), idNumber, phone,
                addressText, flags, staffNo, deceased, deceasedDate);
    }

    private static EncounterRecord encounter(JsonNode r, List<FieldProblem> problems) {
        String cls = null;
        String classCode = text(r.path("class"), "code");
        if (classCode != null) {
            cls = CLASSES.getOrDefault(classCode.toUpperCase(Locale.ROOT), classCode);
        }
        String attending = null;
        for (JsonNode participant : r.path("participant")) {
            boolean isAttending = false;
            for (JsonNode t : participant.path("type")) {
                isAttending |= "ATND".equals(firstCode(t));
            }
            if (isAttending && attending == null) {
                attending = reference(participant.path("individual"), "Practitioner", "participant.individual",
                        problems);
            }
        }
        String department = null;
        JsonNode provider = r.path("serviceProvider");
        if (!provider.isMissingNode()) {
            department = text(provider.path("identifier"), "value");
            if (department == null) {
                department = reference(provider, "Organization", "serviceProvider", problems);
            }
        }
        List<EncounterRecord.DiagnosisRecord> diagnoses = new ArrayList<>();
        for (JsonNode reason : r.path("reasonCode")) {
            for (JsonNode coding : reason.path("coding")) {
                if (ICD10.equals(text(coding, "system"))) {
                    diagnoses.add(new EncounterRecord.DiagnosisRecord(text(coding, "code"),
                            text(coding, "display") != null ? text(coding, "display") : text(reason, "text")));
                }
            }
        }
        return new EncounterRecord(text(r, "id"), reference(r.path("subject"), "Patient", "subject", problems), cls,
                department, attending, text(r.path("period"), "start"), text(r.path("period"), "end"), diagnoses);
    }

    private static CareTeamRecord careTeam(JsonNode r, List<FieldProblem> problems) {
        List<CareTeamRecord.Member> members = new ArrayList<>();
        for (JsonNode participant : r.path("participant")) {
            JsonNode role = participant.path("role").path(0);
            String roleText = firstCode(role) != null ? firstCode(role) : text(role, "text");
            members.add(new CareTeamRecord.Member(reference(participant.path("member"), "Practitioner",
                    "participant.member", problems), roleText, text(participant.path("period"), "start"),
                    text(participant.path("period"), "end")));
        }
        String status = text(r, "status");
        Boolean active = status == null ? null : !"inactive".equals(status) && !"entered-in-error".equals(status);
        return new CareTeamRecord(text(r, "id"), reference(r.path("encounter"), "Encounter", "encounter", problems),
                active, members);
    }

    private static ChargeRecord charge(JsonNode r, List<FieldProblem> problems) {
        JsonNode coding = r.path("code").path("coding").path(0);
        String category = null;
        BigDecimal unitPrice = null;
        for (JsonNode extension : r.path("extension")) {
            String url = text(extension, "url");
            if ((EXT + "charge-category").equals(url)) {
                category = text(extension, "valueCode");
            } else if ((EXT + "unit-price").equals(url)) {
                unitPrice = decimal(extension.path("valueMoney").path("value"), "unitPrice", problems);
            }
        }
        String date = text(r, "occurrenceDateTime");
        if (date == null) {
            date = text(r, "enteredDate");
        }
        if (date != null && date.length() > 10 && date.charAt(10) == 'T') {
            date = date.substring(0, 10);
        }
        return new ChargeRecord(text(r, "id"), reference(r.path("subject"), "Patient", "subject", problems),
                reference(r.path("context"), "Encounter", "context", problems), text(coding, "code"),
                text(coding, "display"), category, decimal(r.path("quantity").path("value"), "quantity", problems),
                unitPrice, decimal(r.path("priceOverride").path("value"), "priceOverride", problems), date);
    }

    /** The id of a relative reference "Type/id"; a reference of another type is a problem. */
    private static String reference(JsonNode ref, String type, String field, List<FieldProblem> problems) {
        String value = text(ref, "reference");
        if (value == null) {
            return null;
        }
        int slash = value.indexOf('/');
        if (slash < 0 || !value.substring(0, slash).equals(type) || value.indexOf('/', slash + 1) >= 0) {
            problems.add(new FieldProblem(field, "privacy.fhir.reference-invalid", value, type));
            return null;
        }
        return value.substring(slash + 1);
    }

    private static BigDecimal decimal(JsonNode node, String field, List<FieldProblem> problems) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            problems.add(new FieldProblem(field, "privacy.import.number-invalid"));
            return null;
        }
        return node.decimalValue();
    }

    private static String firstCode(JsonNode codeableConcept) {
        return text(codeableConcept.path("coding").path(0), "code");
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : value.isNumber() || value.isBoolean() ? value.asString() : null;
    }

    private static String textOr(JsonNode node, String field, String fallback) {
        String value = text(node, field);
        return value == null ? fallback : value;
    }
}
