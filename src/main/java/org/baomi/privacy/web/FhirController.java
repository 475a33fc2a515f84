package org.baomi.privacy.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.baomi.iam.FieldProblem;
import org.baomi.privacy.FhirImport;
import org.baomi.privacy.ImportEntry;
import org.baomi.privacy.ImportReport;
import org.baomi.privacy.ImportReport.Outcome;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * FHIR R4 endpoints for the HIS/EMR (issue 6 item 1): {@code POST /fhir/{type}} for one Patient, Encounter, CareTeam
 * or ChargeItem, {@code POST /fhir} for a Bundle (batch or transaction). Token scope
 * {@code integration:patient:import}; staff from HR (Practitioner, PractitionerRole, alone or in a Bundle of staff
 * only) with scope {@code integration:staff:import} (ORG-5: issued by the system administrator). Answers are FHIR
 * JSON: an OperationOutcome for a single resource or a refused
 * request (one issue per problem, translated, with the element as expression), a batch-response or
 * transaction-response Bundle otherwise. The same endpoints answer under {@code /api/v1/privacy/fhir}.
 */
@RestController
@Tag(name = "FHIR import", description = "Patient, Encounter, CareTeam, ChargeItem and Bundles from the HIS/EMR")
class FhirController {

    static final String FHIR_JSON = "application/fhir+json";
    static final String PRACTITIONER = "Practitioner";
    static final String PRACTITIONER_ROLE = "PractitionerRole";

    private final FhirImport fhir;
    private final MessageSource messages;

    FhirController(FhirImport fhir, MessageSource messages) {
        this.fhir = fhir;
        this.messages = messages;
    }

    @PostMapping(path = {"/fhir", "/api/v1/privacy/fhir"}, produces = {FHIR_JSON, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Import a Bundle", description = "Scope integration:patient:import, or "
            + "integration:staff:import for a Bundle of Practitioner and PractitionerRole resources only. type "
            + "batch: each entry "
            + "on its own (batch-response with a status and, when rejected, an OperationOutcome per entry); type "
            + "transaction: all or nothing (400 with an OperationOutcome listing every problem).")
    ResponseEntity<Map<String, Object>> bundle(@RequestBody(required = false) byte[] body) {
        return respond(fhir.importFhir(null, body == null ? new byte[0] : body));
    }

    @PostMapping(path = {"/fhir/{type}", "/api/v1/privacy/fhir/{type}"},
            produces = {FHIR_JSON, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Import one resource", description = "Scope integration:patient:import "
            + "(integration:staff:import for Practitioner and PractitionerRole). 201 when created, "
            + "200 when updated or unchanged, 400 with an OperationOutcome when refused.")
    ResponseEntity<Map<String, Object>> resource(@PathVariable String type,
            @RequestBody(required = false) byte[] body) {
        if (!List.of(ImportEntry.PATIENT, ImportEntry.ENCOUNTER, ImportEntry.CARE_TEAM, ImportEntry.CHARGE,
                PRACTITIONER, PRACTITIONER_ROLE).contains(type)) {
            return ResponseEntity.status(404).contentType(MediaType.parseMediaType(FHIR_JSON))
                    .body(outcome(List.of(new FieldProblem("resourceType", "privacy.fhir.type-unsupported", type)), ""));
        }
        return respond(fhir.importFhir(type, body == null ? new byte[0] : body));
    }

    private ResponseEntity<Map<String, Object>> respond(FhirImport.FhirResult result) {
        MediaType fhirJson = MediaType.parseMediaType(FHIR_JSON);
        List<ImportReport.Result> results = result.results();
        if (result.bundleType() == null || (!result.report().written() && "transaction".equals(result.bundleType()))) {
            List<FieldProblem> problems = new ArrayList<>();
            List<String> prefixes = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                for (FieldProblem p : results.get(i).problems()) {
                    problems.add(p);
                    prefixes.add(result.bundleType() == null ? (results.get(i).type() == null ? "" : results.get(i).type())
                            : "Bundle.entry[" + i + "].resource");
                }
            }
            if (!problems.isEmpty()) {
                return ResponseEntity.badRequest().contentType(fhirJson).body(outcome(problems, prefixes));
            }
            ImportReport.Result only = results.get(0);
            Map<String, Object> info = outcome(List.of(), "informational");
            return ResponseEntity.status(only.outcome() == Outcome.CREATED ? 201 : 200).contentType(fhirJson)
                    .header("Location", "/fhir/" + only.type() + "/" + only.sourceId()).body(info);
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            ImportReport.Result r = results.get(i);
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("status", switch (r.outcome()) {
                case CREATED -> "201 Created";
                case UPDATED, UNCHANGED -> "200 OK";
                case REJECTED, NOT_WRITTEN -> "400 Bad Request";
            });
            if (r.sourceId() != null && r.type() != null && r.outcome() != Outcome.REJECTED) {
                response.put("location", r.type() + "/" + r.sourceId());
            }
            if (!r.problems().isEmpty()) {
                response.put("outcome", outcome(r.problems(), "Bundle.entry[" + i + "].resource"));
            }
            entries.add(Map.of("response", response));
        }
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", result.bundleType() + "-response");
        bundle.put("entry", entries);
        return ResponseEntity.ok().contentType(fhirJson).body(bundle);
    }

    private Map<String, Object> outcome(List<FieldProblem> problems, String prefix) {
        return outcome(problems, java.util.Collections.nCopies(problems.size(), prefix));
    }

    /** An OperationOutcome: one error issue per problem, its text translated in the request's language. */
    private Map<String, Object> outcome(List<FieldProblem> problems, List<String> prefixes) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, Object>> issues = new ArrayList<>();
        for (int i = 0; i < problems.size(); i++) {
            FieldProblem p = problems.get(i);
            Map<String, Object> issue = new LinkedHashMap<>();
            issue.put("severity", "error");
            issue.put("code", issueCode(p.messageKey()));
            issue.put("details", Map.of("coding", List.of(Map.of("system", "https://baomi.example.org/message-key",
                    "code", p.messageKey())), "text", messages.getMessage(p.messageKey(), p.args(), p.messageKey(),
                    locale)));
            String prefix = prefixes.get(i);
            issue.put("expression", List.of(prefix.isEmpty() ? p.field() : prefix + "." + p.field()));
            issues.add(issue);
        }
        if (issues.isEmpty()) {
            issues.add(Map.of("severity", "information", "code", "informational"));
        }
        return Map.of("resourceType", "OperationOutcome", "issue", issues);
    }

    private static String issueCode(String key) {
        if (key.endsWith("required")) {
            return "required";
        }
        if (key.startsWith("privacy.fhir.")) {
            return "structure";
        }
        if (key.contains("reference") || key.endsWith("-unknown")) {
            return "not-found";
        }
        return "value";
    }
}
