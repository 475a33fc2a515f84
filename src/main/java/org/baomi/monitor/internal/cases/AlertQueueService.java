package org.baomi.monitor.internal.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.iam.OrganisationQueries;
import org.baomi.iam.OrganisationUnit;
import org.baomi.monitor.AlertQuery;
import org.baomi.monitor.AlertQueryEvidence;
import org.baomi.monitor.AlertQueryPage;
import org.baomi.monitor.AlertQueryRow;
import org.baomi.monitor.AlertQueryService;
import org.baomi.monitor.AlertQueryTrends;
import org.baomi.monitor.Detector;
import org.baomi.monitor.PrivacyCasePermissions;
import org.baomi.shared.CsvWriter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The alert queue, its CSV export and the trend charts (issue 7 items 6, 7; AUD-2); every read audited. */
@Service
class AlertQueueService implements AlertQueryService {

    /** Beyond this page the queue is not browsed but filtered. */
    static final int MAX_PAGE = 10_000;

    private final AlertRows rows;
    private final CaseAccess access;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final OrganisationQueries organisation;
    private final Clock clock;

    AlertQueueService(AlertRows rows, CaseAccess access, AuditTrail audit, MessageSource messages, JdbcClient jdbc,
            OrganisationQueries organisation, Clock clock) {
        this.rows = rows;
        this.access = access;
        this.audit = audit;
        this.messages = messages;
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.clock = clock;
    }

    @Override
    @Transactional
    public AlertQueryPage search(AlertQuery query) {
        access.personOrClient(PrivacyCasePermissions.ALERT_READ);
        validate(query, AlertQuery.MAX_SIZE);
        List<AlertQueryRow> found = rows.render(rows.page(query), LocaleContextHolder.getLocale());
        long total = found.isEmpty() && query.page() == 0 ? 0 : rows.count(query);
        Map<String, Object> details = filters(query);
        details.put("page", query.page());
        details.put("total", total);
        details.put("alerts", found.stream().map(AlertQueryRow::id).toList());
        details.put("patients", found.stream().map(AlertQueryRow::patientId).filter(Objects::nonNull).distinct()
                .toList());
        audit.record(AuditEntry.allowed("monitor.alerts.viewed", "monitor-alert", null, details));
        return new AlertQueryPage(found, total, query.page(), query.size());
    }

    @Override
    @Transactional
    public byte[] exportCsv(AlertQuery query, Locale locale) {
        access.person(PrivacyCasePermissions.ALERT_READ);
        AlertQuery all = new AlertQuery(query.from(), query.to(), query.detector(), query.person(), query.patient(),
                query.status(), query.sort(), 0, MAX_EXPORT);
        validate(all, MAX_EXPORT);
        List<AlertQueryRow> found = rows.render(rows.page(all), locale);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
        CsvWriter csv = new CsvWriter();
        csv.line(List.of("id", "detector", "user", "personId", "person", "patient", "patientId", "score", "first",
                "last", "status", "case", "evidence", "events").stream()
                .map(h -> messages.getMessage("monitor.cases.csv." + h, null, h, locale)).toList());
        for (AlertQueryRow r : found) {
            csv.line(Long.toString(r.id()), messages.getMessage(r.detector().messageKey(), null, r.detector().name(),
                    locale), r.userRef(), r.personId() == null ? "" : r.personId().toString(), r.personName(),
                    r.patientRef(), r.patientId() == null ? "" : r.patientId().toString(), r.score().toPlainString(),
                    time.format(r.firstAt()), time.format(r.lastAt()),
                    messages.getMessage(r.status().messageKey(), null, r.status().name(), locale),
                    r.caseId() == null ? "" : r.caseId().toString(),
                    r.evidence().stream().map(AlertQueryEvidence::text).collect(Collectors.joining(" / ")),
                    r.eventIds().stream().map(String::valueOf).collect(Collectors.joining(" ")));
        }
        Map<String, Object> details = filters(query);
        details.put("count", found.size());
        details.put("alerts", found.stream().map(AlertQueryRow::id).toList());
        audit.record(AuditEntry.allowed("monitor.alerts.exported", "monitor-alert", null, details));
        return csv.toBytes();
    }

    @Override
    @Transactional
    public AlertQueryTrends trends(int weeks) {
        access.person(PrivacyCasePermissions.ALERT_READ);
        if (weeks < 1 || weeks > 52) {
            throw new InvalidInputException(List.of(new FieldProblem("weeks", "monitor.cases.error.weeks", 52)));
        }
        ZoneId zone = clock.getZone();
        LocalDate thisWeek = LocalDate.now(clock).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<LocalDate> mondays = new ArrayList<>();
        for (int i = weeks - 1; i >= 0; i--) {
            mondays.add(thisWeek.minusWeeks(i));
        }
        Timestamp from = Timestamp.from(mondays.get(0).atStartOfDay(zone).toInstant());
        Map<LocalDate, Integer> index = new HashMap<>();
        for (int i = 0; i < mondays.size(); i++) {
            index.put(mondays.get(i), i);
        }
        Map<Detector, List<Long>> byDetector = new EnumMap<>(Detector.class);
        for (Detector d : Detector.values()) {
            byDetector.put(d, zeros(weeks));
        }
        String tz = zone.getId();
        jdbc.sql("""
                SELECT detector, CAST(date_trunc('week', last_at AT TIME ZONE :tz) AS date) AS week, count(*) AS n
                FROM mon_alert WHERE last_at >= :from GROUP BY 1, 2
                """).param("tz", tz).param("from", from).query(rs -> {
                    Integer i = index.get(rs.getDate("week").toLocalDate());
                    if (i != null) {
                        byDetector.get(Detector.valueOf(rs.getString("detector"))).set(i, rs.getLong("n"));
                    }
                });
        List<Long> opened = weekly("opened_at", tz, from, index, weeks);
        List<Long> closed = weekly("closed_at", tz, from, index, weeks);
        Locale locale = LocaleContextHolder.getLocale();
        Map<Long, String> names = new HashMap<>();
        for (OrganisationUnit unit : organisation.departments()) {
            names.put(unit.id(), unit.name().in(locale));
        }
        List<Map.Entry<String, Long>> top = jdbc.sql("""
                SELECT department_id, count(*) AS n FROM mon_case WHERE opened_at >= :from
                GROUP BY department_id ORDER BY n DESC, department_id LIMIT 10
                """).param("from", from).query((rs, n) -> Map.entry(names.getOrDefault(
                        rs.getObject("department_id", Long.class), "?"), rs.getLong("n"))).list();
        audit.record(AuditEntry.allowed("monitor.trends.viewed", "monitor-alert", null, Map.of("weeks", weeks)));
        return new AlertQueryTrends(mondays, byDetector, opened, closed, top);
    }

    private List<Long> weekly(String column, String tz, Timestamp from, Map<LocalDate, Integer> index, int weeks) {
        List<Long> counts = zeros(weeks);
        // column is one of two constants of this class, never request text
        jdbc.sql("SELECT CAST(date_trunc('week', " + column + " AT TIME ZONE :tz) AS date) AS week, count(*) AS n "
                + "FROM mon_case WHERE " + column + " >= :from GROUP BY 1").param("tz", tz).param("from", from)
                .query(rs -> {
                    Integer i = index.get(rs.getDate("week").toLocalDate());
                    if (i != null) {
                        counts.set(i, rs.getLong("n"));
                    }
                });
        return counts;
    }

    private static List<Long> zeros(int n) {
        List<Long> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(0L);
        }
        return list;
    }

    /** Refuses a malformed query field by field (problem+json on the API, messages on the page). */
    static void validate(AlertQuery q, int maxSize) {
        List<FieldProblem> problems = new ArrayList<>();
        if (q.page() < 0 || q.page() > MAX_PAGE) {
            problems.add(new FieldProblem("page", "monitor.cases.error.page", MAX_PAGE));
        }
        if (q.size() < 1 || q.size() > maxSize) {
            problems.add(new FieldProblem("size", "monitor.cases.error.size", AlertQuery.MAX_SIZE));
        }
        if (q.from() != null && q.to() != null && !q.to().isAfter(q.from())) {
            problems.add(new FieldProblem("to", "monitor.cases.error.range"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static Map<String, Object> filters(AlertQuery q) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", q.from() == null ? null : q.from().toString());
        details.put("to", q.to() == null ? null : q.to().toString());
        details.put("detector", q.detector() == null ? null : q.detector().name());
        details.put("person", q.person());
        details.put("patient", q.patient());
        details.put("status", q.status() == null ? null : q.status().name());
        details.put("sort", q.sort().name());
        details.values().removeIf(Objects::isNull);
        return details;
    }
}
