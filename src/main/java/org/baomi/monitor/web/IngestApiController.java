package org.baomi.monitor.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.baomi.iam.FieldProblem;
import org.baomi.monitor.AccessEventIngest;
import org.baomi.monitor.IngestCareContexts;
import org.baomi.monitor.IngestFormat;
import org.baomi.monitor.IngestRejection;
import org.baomi.monitor.IngestReport;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ingest of access events and explanation feeds from the EMR/HIS (issue 7 items 1 and 2; PAT-4, AUD-2). Bodies are a
 * JSON array ({@code application/json}) or NDJSON ({@code application/x-ndjson}); each item is validated on its own.
 * The answer (200, sent after the commit) counts what was accepted and what was a duplicate, and lists every
 * rejected item with its index, line and field problems, translated in the request's language. A body that is not
 * JSON at all, not an array, or empty is a 400 problem+json and nothing is written; over the API's body limit, 413.
 */
@RestController
@RequestMapping(path = "/api/v1/privacy", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Access-event ingest", description = "Access logs and orders/appointments/referrals from the EMR/HIS")
class IngestApiController {

    static final String NDJSON = "application/x-ndjson";

    private final AccessEventIngest events;
    private final IngestCareContexts contexts;
    private final MessageSource messages;

    IngestApiController(AccessEventIngest events, IngestCareContexts contexts, MessageSource messages) {
        this.events = events;
        this.contexts = contexts;
        this.messages = messages;
    }

    @PostMapping(path = "/access-events", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import access events (JSON array)", description = "Scope integration:access-event:import. "
            + "Items: time (ISO-8601 with offset), user (staff number), patient (MRN), action (READ, CREATE, UPDATE, "
            + "DELETE, PRINT, EXPORT, QUERY), workstation, optional sourceSystem, department, eventId. Idempotent by "
            + "source system and event id (else content digest). Audited once per request.")
    Map<String, Object> eventsJson(@RequestBody(required = false) byte[] body) {
        return answer(events.importEvents(body, IngestFormat.JSON_ARRAY));
    }

    @PostMapping(path = "/access-events", consumes = NDJSON)
    @Operation(summary = "Import access events (NDJSON)", description = "As the JSON array, one event per line; a "
            + "broken line is rejected alone.")
    Map<String, Object> eventsNdjson(@RequestBody(required = false) byte[] body) {
        return answer(events.importEvents(body, IngestFormat.NDJSON));
    }

    @PostMapping(path = "/care-contexts", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import orders, appointments, referrals (JSON array)", description = "Scope "
            + "integration:care-context:import. Items: kind (ORDER, APPOINTMENT, REFERRAL), person (staff number) "
            + "and/or department (code), patient (MRN), validFrom, validUntil (ISO-8601 with offset), sourceId. "
            + "Idempotent by source system and sourceId.")
    Map<String, Object> contextsJson(@RequestBody(required = false) byte[] body) {
        return answer(contexts.importCareContexts(body, IngestFormat.JSON_ARRAY));
    }

    @PostMapping(path = "/care-contexts", consumes = NDJSON)
    @Operation(summary = "Import orders, appointments, referrals (NDJSON)", description = "As the JSON array, one "
            + "item per line.")
    Map<String, Object> contextsNdjson(@RequestBody(required = false) byte[] body) {
        return answer(contexts.importCareContexts(body, IngestFormat.NDJSON));
    }

    private Map<String, Object> answer(IngestReport report) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, Object>> rejected = new ArrayList<>(report.rejected().size());
        for (IngestRejection r : report.rejected()) {
            List<Map<String, Object>> errors = new ArrayList<>();
            for (FieldProblem p : r.problems()) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("field", p.field());
                error.put("messageKey", p.messageKey());
                error.put("message", messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale));
                errors.add(error);
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("index", r.index());
            item.put("line", r.line());
            item.put("errors", errors);
            rejected.add(item);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("received", report.received());
        answer.put("accepted", report.accepted());
        answer.put("duplicates", report.duplicates());
        answer.put("rejected", rejected);
        return answer;
    }
}
