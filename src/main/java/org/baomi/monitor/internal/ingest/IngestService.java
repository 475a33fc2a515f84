package org.baomi.monitor.internal.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.ApiCallers;
import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.monitor.AccessEventIngest;
import org.baomi.monitor.IngestFormat;
import org.baomi.monitor.IngestOutcome;
import org.baomi.monitor.IngestRejection;
import org.baomi.monitor.IngestReport;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link AccessEventIngest}: parse (streaming), validate each event, then in ONE transaction resolve the
 * references, insert the good events and write the request's audit record; the report goes back after the commit
 * (durable on acknowledgement, AUD-1: the events and their audit record commit together or not at all).
 */
@Service
class IngestService implements AccessEventIngest {

    static final String IMPORTED = "monitor.access-events.imported";
    static final String REJECTED = "monitor.access-events.rejected";

    private final ApiCallers callers;
    private final ItemParser parser;
    private final AuditEventFhirReader fhir;
    private final EventValidator validator;
    private final KeyResolver resolver;
    private final EventWriter writer;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    IngestService(ApiCallers callers, JsonMapper json, EventValidator validator, KeyResolver resolver,
            EventWriter writer, AuditTrail audit, Clock clock, PlatformTransactionManager transactions) {
        this.callers = callers;
        this.parser = new ItemParser(json, EventValidator.FIELDS);
        this.fhir = new AuditEventFhirReader(json);
        this.validator = validator;
        this.resolver = resolver;
        this.writer = writer;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    @Override
    public IngestReport importEvents(byte[] body, IngestFormat format) {
        String source = IngestScopes.require(callers, audit, SCOPE);
        List<RawItem> items;
        try {
            items = parser.parse(body, format);
        } catch (InvalidInputException e) {
            refused(source, format.name(), e);
            throw e;
        }
        return ingest(source, format.name(), items, EventValidator.FIELDS, false);
    }

    @Override
    public AccessEventFhirResult importFhir(byte[] body) {
        String source = IngestScopes.require(callers, audit, SCOPE);
        String[] bundleType = new String[1];
        List<RawItem> items;
        try {
            items = fhir.read(body, bundleType);
        } catch (InvalidInputException e) {
            refused(source, "FHIR", e);
            throw e;
        }
        return new AccessEventFhirResult(bundleType[0],
                ingest(source, "FHIR", items, AuditEventFhirReader.NAMES, true));
    }

    private IngestReport ingest(String source, String format, List<RawItem> items, String[] names,
            boolean perItem) {
        EventValidator.Batch batch = validator.batch(source);
        IngestOutcome[] outcomes = new IngestOutcome[items.size()];
        List<IngestRejection> rejected = new ArrayList<>();
        List<AccessEventRow> rows = new ArrayList<>(items.size());
        Map<String, Integer> firstOfKey = new HashMap<>(items.size() * 2);
        int duplicates = 0;
        for (RawItem item : items) {
            List<FieldProblem> problems = item.problems();
            AccessEventRow row = problems.isEmpty() ? batch.check(item, names, problems) : null;
            if (row == null) {
                outcomes[item.index()] = IngestOutcome.REJECTED;
                rejected.add(new IngestRejection(item.index(), item.line(), problems));
            } else if (firstOfKey.putIfAbsent(EventWriter.identity(row), item.index()) != null) {
                outcomes[item.index()] = IngestOutcome.DUPLICATE; // the same event twice in one request
                duplicates++;
            } else {
                rows.add(row);
            }
        }
        Instant receivedAt = clock.instant();
        Set<String> written = perItem ? new HashSet<>() : null;
        int inserted = tx.execute(status -> {
            resolver.resolve(rows);
            int n = writer.write(rows, receivedAt, written);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("source", source);
            details.put("format", format);
            details.put("received", items.size());
            details.put("accepted", n);
            details.put("duplicates", rows.size() - n + (items.size() - rows.size() - rejected.size()));
            details.put("rejected", rejected.size());
            // AUD-1: one record per request with its counts, not per event (the EMR's traffic would swamp the trail)
            audit.record(new AuditEntry(null, IMPORTED, "access-event-import", null, null,
                    n > 0 || rejected.isEmpty() ? AuditOutcome.ALLOWED : AuditOutcome.FAILED,
                    n > 0 || rejected.isEmpty() ? null : "monitor.ingest.nothing-accepted", details));
            return n;
        });
        duplicates += rows.size() - inserted;
        for (AccessEventRow row : rows) {
            outcomes[row.index] = written == null || written.contains(EventWriter.identity(row))
                    ? IngestOutcome.ACCEPTED : IngestOutcome.DUPLICATE;
        }
        return new IngestReport(items.size(), inserted, duplicates, rejected, Arrays.asList(outcomes));
    }

    private void refused(String source, String format, InvalidInputException e) {
        audit.recordIndependently(new AuditEntry(null, REJECTED, "access-event-import", null, null,
                AuditOutcome.FAILED, e.problems().isEmpty() ? null : e.problems().get(0).messageKey(),
                Map.of("source", source, "format", format)));
    }
}
