package org.baomi.monitor.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.monitor.AccessEventIngest;
import org.baomi.monitor.AccessEventIngest.AccessEventFhirResult;
import org.baomi.monitor.IngestOutcome;
import org.baomi.monitor.IngestRejection;
import org.baomi.monitor.IngestReport;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * FHIR R4 {@code AuditEvent} ingest (issue 7 item 1): {@code POST /fhir/AuditEvent} takes one AuditEvent or a Bundle
 * of type batch whose entries are AuditEvents. AuditEvent Bundles have their own endpoint here rather than going
 * through {@code POST /fhir} (the patient directory's import of Patient, Encounter, CareTeam and ChargeItem): the two
 * are different modules with different scopes and semantics (that import is all-or-nothing for transactions and
 * updates records; access events are append-only and each entry stands alone). Scope
 * {@code integration:access-event:import}. Answers: one resource — 201 when stored, 200 when already stored, 400
 * with an OperationOutcome listing its problems; a Bundle — a batch-response with a status per entry and an
 * OperationOutcome for each rejected entry. Also served under {@code /api/v1/privacy/fhir/AuditEvent}.
 */
@RestController
@Tag(name = "FHIR AuditEvent", description = "Access logs as FHIR R4 AuditEvent from the EMR")
class AuditEventFhirController {

    static final String FHIR_JSON = "application/fhir+json";

    private final AccessEventIngest events;
    private final MessageSource messages;
    private final long maxBytes;

    AuditEventFhirController(AccessEventIngest events, MessageSource messages,
            @Value("${baomi.api.max-body-size:256KB}") DataSize maxBodySize) {
        this.events = events;
        this.messages = messages;
        this.maxBytes = maxBodySize.toBytes();
    }

    @PostMapping(path = {"/fhir/AuditEvent", "/api/v1/privacy/fhir/AuditEvent"},
            produces = {FHIR_JSON, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Import AuditEvents", description = "Scope integration:access-event:import. One AuditEvent "
            + "(201 stored, 200 duplicate, 400 OperationOutcome) or a batch Bundle of them (batch-response).")
    ResponseEntity<Map<String, Object>> importAuditEvents(HttpServletRequest request) throws IOException {
        MediaType fhirJson = MediaType.parseMediaType(FHIR_JSON);
        byte[] body = bounded(request);
        if (body == null) {
            // /fhir is outside the API's body-limit filter: the same limit, enforced here
            return ResponseEntity.status(413).contentType(fhirJson).body(outcome(List.of(new FieldProblem("",
                    "monitor.fhir.too-large", maxBytes / 1024)), ""));
        }
        AccessEventFhirResult result;
        try {
            result = events.importFhir(body);
        } catch (InvalidInputException e) {
            return ResponseEntity.badRequest().contentType(fhirJson).body(outcome(e.problems(), ""));
        }
        IngestReport report = result.report();
        if (result.bundleType() == null) {
            if (!report.rejected().isEmpty()) {
                return ResponseEntity.badRequest().contentType(fhirJson)
                        .body(outcome(report.rejected().get(0).problems(), "AuditEvent"));
            }
            return ResponseEntity.status(report.accepted() == 1 ? 201 : 200).contentType(fhirJson)
                    .body(outcome(List.of(), ""));
        }
        Map<Integer, IngestRejection> rejections = new LinkedHashMap<>();
        for (IngestRejection r : report.rejected()) {
            rejections.put(r.index(), r);
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < report.outcomes().size(); i++) {
            IngestOutcome o = report.outcomes().get(i);
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("status", switch (o) {
                case ACCEPTED -> "201 Created";
                case DUPLICATE -> "200 OK";
                case REJECTED -> "400 Bad Request";
            });
            if (o == IngestOutcome.REJECTED) {
                response.put("outcome", outcome(rejections.get(i).problems(), "Bundle.entry[" + i + "].resource"));
            }
            entries.add(Map.of("response", response));
        }
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", result.bundleType() + "-response");
        bundle.put("entry", entries);
        return ResponseEntity.ok().contentType(fhirJson).body(bundle);
    }

    /** The body, or null when it is over the limit (declared or read). */
    private byte[] bounded(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            return body.length > maxBytes ? null : body;
        }
    }

    /** An OperationOutcome: one error issue per problem, translated, with the element as expression. */
    private Map<String, Object> outcome(List<FieldProblem> problems, String prefix) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, Object>> issues = new ArrayList<>();
        for (FieldProblem p : problems) {
            Map<String, Object> issue = new LinkedHashMap<>();
            issue.put("severity", "error");
            issue.put("code", p.messageKey().endsWith("required") ? "required"
                    : p.messageKey().startsWith("monitor.fhir.") ? "structure" : "value");
            issue.put("details", Map.of("coding", List.of(Map.of("system", "https://baomi.example.org/message-key",
                    "code", p.messageKey())), "text", messages.getMessage(p.messageKey(), p.args(), p.messageKey(),
                    locale)));
            if (!p.field().isEmpty()) {
                issue.put("expression", List.of(prefix.isEmpty() ? p.field() : prefix + "." + p.field()));
            }
            issues.add(issue);
        }
        if (issues.isEmpty()) {
            issues.add(Map.of("severity", "information", "code", "informational"));
        }
        return Map.of("resourceType", "OperationOutcome", "issue", issues);
    }
}
