package org.baomi.monitor.internal.ingest;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.ApiCallers;
import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.monitor.IngestCareContexts;
import org.baomi.monitor.IngestFormat;
import org.baomi.monitor.IngestOutcome;
import org.baomi.monitor.IngestRejection;
import org.baomi.monitor.IngestReport;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link IngestCareContexts}: orders, appointments and referrals into {@code mon_care_context}, validated item by
 * item; references must resolve (a context for nobody explains nothing). Feeds are small next to access logs, so
 * the rows go in as a JDBC batch, which tells per row whether it was new.
 */
@Service
class CareContextService implements IngestCareContexts {

    static final String IMPORTED = "monitor.care-contexts.imported";
    static final String REJECTED = "monitor.care-contexts.rejected";

    static final String[] FIELDS = {"kind", "person", "department", "patient", "validFrom", "validUntil", "sourceId"};
    private static final Set<String> KINDS = Set.of("ORDER", "APPOINTMENT", "REFERRAL");

    private final ApiCallers callers;
    private final ItemParser parser;
    private final KeyResolver resolver;
    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    CareContextService(ApiCallers callers, JsonMapper json, KeyResolver resolver, JdbcTemplate jdbc, AuditTrail audit,
            Clock clock, PlatformTransactionManager transactions) {
        this.callers = callers;
        this.parser = new ItemParser(json, FIELDS);
        this.resolver = resolver;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** A valid context. */
    private record Row(int index, String kind, String personRef, Long personId, String departmentRef,
            Long departmentId, String patientRef, long patientId, Instant from, Instant until, String sourceId) {
    }

    @Override
    public IngestReport importCareContexts(byte[] body, IngestFormat format) {
        String source = IngestScopes.require(callers, audit, SCOPE);
        List<RawItem> items;
        try {
            items = parser.parse(body, format);
        } catch (InvalidInputException e) {
            audit.recordIndependently(new AuditEntry(null, REJECTED, "care-context-import", null, null,
                    AuditOutcome.FAILED, e.problems().get(0).messageKey(), Map.of("source", source,
                            "format", format.name())));
            throw e;
        }
        Instant latest = clock.instant().plus(java.time.Duration.ofDays(3660));
        List<List<FieldProblem>> problems = new ArrayList<>();
        List<String[]> checked = new ArrayList<>();
        Set<String> staff = new HashSet<>();
        Set<String> mrns = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (RawItem item : items) {
            List<FieldProblem> found = item.problems();
            String[] v = item.values();
            String[] c = new String[FIELDS.length];
            if (found.isEmpty()) {
                String kind = Checks.required(v[0], "kind", 12, found);
                if (kind != null && !KINDS.contains(kind.toUpperCase(Locale.ROOT))) {
                    found.add(new FieldProblem("kind", "monitor.care.kind-unknown", Checks.clipped(kind)));
                }
                c[0] = kind == null ? null : kind.toUpperCase(Locale.ROOT);
                c[1] = Checks.optional(v[1], "person", 64, found);
                c[2] = Checks.optional(v[2], "department", 40, found);
                if (c[1] == null && c[2] == null && blank(v[1]) && blank(v[2])) {
                    found.add(new FieldProblem("person", "monitor.care.person-or-department"));
                }
                c[3] = Checks.required(v[3], "patient", 64, found);
                Instant from = Checks.time(v[4], "validFrom", latest, found);
                Instant until = Checks.time(v[5], "validUntil", latest, found);
                if (from != null && until != null && until.isBefore(from)) {
                    found.add(new FieldProblem("validUntil", "monitor.care.period-reversed"));
                }
                c[4] = from == null ? null : from.toString();
                c[5] = until == null ? null : until.toString();
                c[6] = Checks.required(v[6], "sourceId", 100, found);
            }
            if (found.isEmpty()) {
                if (c[1] != null) {
                    staff.add(c[1]);
                }
                if (c[2] != null) {
                    codes.add(c[2]);
                }
                mrns.add(c[3]);
            }
            problems.add(found);
            checked.add(c);
        }
        Map<String, Long> persons = resolver.personIds(staff);
        Map<String, Long> patients = resolver.patientIds(mrns);
        Map<String, Long> departments = resolver.departmentIds(codes);
        IngestOutcome[] outcomes = new IngestOutcome[items.size()];
        List<IngestRejection> rejected = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int duplicates = 0;
        for (int i = 0; i < items.size(); i++) {
            String[] c = checked.get(i);
            List<FieldProblem> found = problems.get(i);
            if (found.isEmpty()) {
                if (c[1] != null && !persons.containsKey(c[1])) {
                    found.add(new FieldProblem("person", "monitor.care.person-unknown", c[1]));
                }
                if (c[2] != null && !departments.containsKey(c[2])) {
                    found.add(new FieldProblem("department", "monitor.care.department-unknown", c[2]));
                }
                if (!patients.containsKey(c[3])) {
                    found.add(new FieldProblem("patient", "monitor.care.patient-unknown", c[3]));
                }
            }
            if (!found.isEmpty()) {
                outcomes[i] = IngestOutcome.REJECTED;
                rejected.add(new IngestRejection(i, items.get(i).line(), found));
            } else if (seen.putIfAbsent(c[6], i) != null) {
                outcomes[i] = IngestOutcome.DUPLICATE;
                duplicates++;
            } else {
                rows.add(new Row(i, c[0], c[1], c[1] == null ? null : persons.get(c[1]), c[2],
                        c[2] == null ? null : departments.get(c[2]), c[3], patients.get(c[3]), Instant.parse(c[4]),
                        Instant.parse(c[5]), c[6]));
            }
        }
        Timestamp now = Timestamp.from(clock.instant());
        int[] counts = tx.execute(status -> {
            int[] written = rows.isEmpty() ? new int[0] : jdbc.batchUpdate("""
                    INSERT INTO mon_care_context (source_system, source_id, kind, person_id, person_ref, department_id,
                        department_ref, patient_id, patient_ref, valid_from, valid_until, received_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (source_system, source_id) DO NOTHING
                    """, rows.stream().map(r -> new Object[] {source, r.sourceId(), r.kind(), r.personId(),
                        r.personRef(), r.departmentId(), r.departmentRef(), r.patientId(), r.patientRef(),
                        Timestamp.from(r.from()), Timestamp.from(r.until()), now}).toList());
            int accepted = (int) Arrays.stream(written).filter(n -> n > 0).count();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("source", source);
            details.put("format", format.name());
            details.put("received", items.size());
            details.put("accepted", accepted);
            details.put("rejected", rejected.size());
            audit.record(new AuditEntry(null, IMPORTED, "care-context-import", null, null,
                    accepted > 0 || rejected.isEmpty() ? AuditOutcome.ALLOWED : AuditOutcome.FAILED,
                    accepted > 0 || rejected.isEmpty() ? null : "monitor.ingest.nothing-accepted", details));
            return written;
        });
        int accepted = 0;
        for (int r = 0; r < rows.size(); r++) {
            boolean isNew = counts[r] > 0;
            outcomes[rows.get(r).index()] = isNew ? IngestOutcome.ACCEPTED : IngestOutcome.DUPLICATE;
            if (isNew) {
                accepted++;
            } else {
                duplicates++;
            }
        }
        return new IngestReport(items.size(), accepted, duplicates, rejected, Arrays.asList(outcomes));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
