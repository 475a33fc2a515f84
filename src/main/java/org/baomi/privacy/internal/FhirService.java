package org.baomi.privacy.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.baomi.iam.FieldProblem;
import org.baomi.iam.StaffImport;
import org.baomi.privacy.FhirImport;
import org.baomi.privacy.ImportEntry;
import org.baomi.privacy.ImportReport;
import org.baomi.privacy.PrivacyPermissions;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** FHIR R4 JSON import; see {@link FhirImport}. */
@Service
class FhirService implements FhirImport {

    /** A Bundle larger than this is refused as a whole (a request should stay well under a minute). */
    static final int MAX_ENTRIES = 5000;

    private final ImportService imports;
    private final StaffFhir staff;
    private final JsonMapper json = JsonMapper.builder().build();

    FhirService(ImportService imports, StaffFhir staff) {
        this.imports = imports;
        this.staff = staff;
    }

    @Override
    public FhirResult importFhir(String expectedType, byte[] body) {
        boolean staffEndpoint = StaffFhir.isStaffType(expectedType);
        if (expectedType == null) {
            imports.requireScope(PrivacyPermissions.IMPORT_SCOPE, StaffImport.SCOPE);
        } else {
            imports.requireScope(staffEndpoint ? StaffImport.SCOPE : PrivacyPermissions.IMPORT_SCOPE);
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            return refused(expectedType, "privacy.fhir.not-json");
        }
        if (root == null || !root.isObject()) {
            return refused(expectedType, "privacy.fhir.not-object");
        }
        if (staffEndpoint) {
            String type = FhirReader.text(root, "resourceType");
            Map<Integer, FieldProblem> refused = expectedType.equals(type) ? Map.of() : Map.of(0, type == null
                    ? new FieldProblem("resourceType", "privacy.import.required")
                    : new FieldProblem("resourceType", "privacy.fhir.type-mismatch", type, expectedType));
            return new FhirResult(null, staff.importResources(List.of(root), refused, true));
        }
        if (expectedType != null) {
            return new FhirResult(null, imports.importEntries(List.of(FhirReader.read(root, expectedType)), true));
        }
        if (!"Bundle".equals(FhirReader.text(root, "resourceType"))) {
            return refused("Bundle", "privacy.fhir.bundle-expected");
        }
        String type = FhirReader.text(root, "type");
        if (!"batch".equals(type) && !"transaction".equals(type)) {
            return refused("Bundle", "privacy.fhir.bundle-type");
        }
        JsonNode entries = root.path("entry");
        if (!entries.isArray() || entries.isEmpty() || entries.size() > MAX_ENTRIES) {
            return refused("Bundle", "privacy.fhir.bundle-entries", MAX_ENTRIES);
        }
        int staffEntries = 0;
        int otherEntries = 0;
        for (JsonNode entry : entries) {
            // an entry naming no type at all is refused by whichever import the others go to
            String resourceType = FhirReader.text(entry.path("resource"), "resourceType");
            staffEntries += StaffFhir.isStaffType(resourceType) ? 1 : 0;
            otherEntries += resourceType != null && !StaffFhir.isStaffType(resourceType) ? 1 : 0;
        }
        if (staffEntries > 0 && otherEntries > 0) {
            // Two imports with two scopes, audits and all-or-nothing scopes: one Bundle is one of them.
            return refused("Bundle", "privacy.fhir.bundle-mixed");
        }
        if (staffEntries > 0) {
            List<JsonNode> resources = new ArrayList<>(entries.size());
            Map<Integer, FieldProblem> refused = new HashMap<>();
            for (JsonNode entry : entries) {
                String method = FhirReader.text(entry.path("request"), "method");
                if (method != null && !"POST".equals(method) && !"PUT".equals(method)) {
                    refused.put(resources.size(), new FieldProblem("request.method", "privacy.fhir.method", method));
                }
                resources.add(entry.path("resource"));
            }
            return new FhirResult(type, staff.importResources(resources, refused, "transaction".equals(type)));
        }
        List<ImportEntry> list = new ArrayList<>(entries.size());
        for (JsonNode entry : entries) {
            String method = FhirReader.text(entry.path("request"), "method");
            if (method != null && !"POST".equals(method) && !"PUT".equals(method)) {
                list.add(new ImportEntry(FhirReader.text(entry.path("resource"), "resourceType"), null,
                        List.of(new FieldProblem("request.method", "privacy.fhir.method", method))));
            } else {
                list.add(FhirReader.read(entry.path("resource"), null));
            }
        }
        return new FhirResult(type, imports.importEntries(list, "transaction".equals(type)));
    }

    private static FhirResult refused(String type, String key, Object... args) {
        return new FhirResult(null, new ImportReport(List.of(new ImportReport.Result(type, null,
                ImportReport.Outcome.REJECTED, List.of(new FieldProblem("resource", key, args)))), false));
    }
}
