package org.baomi.privacy.internal;

import java.util.ArrayList;
import java.util.List;

import org.baomi.iam.FieldProblem;
import org.baomi.privacy.FhirImport;
import org.baomi.privacy.ImportEntry;
import org.baomi.privacy.ImportReport;
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
    private final JsonMapper json = JsonMapper.builder().build();

    FhirService(ImportService imports) {
        this.imports = imports;
    }

    @Override
    public FhirResult importFhir(String expectedType, byte[] body) {
        imports.requireScope();
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            return refused(expectedType, "privacy.fhir.not-json");
        }
        if (root == null || !root.isObject()) {
            return refused(expectedType, "privacy.fhir.not-object");
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
