package org.baomi.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditPage;
import org.baomi.audit.AuditPermissions;
import org.baomi.audit.AuditQueries;
import org.baomi.audit.AuditRecord;
import org.baomi.audit.AuditSearch;
import org.baomi.audit.AuditTrail;
import org.baomi.audit.SecurityEventFilter;
import org.baomi.audit.SecurityEventKind;
import org.baomi.audit.SecurityEvents;
import org.baomi.audit.SecurityEventsOverview;
import org.baomi.audit.SecurityEventsOverview.Chart;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class SecurityEventService implements SecurityEvents {

    private static final int TOP_SOURCES = 10;
    private static final Set<String> ALL_ACTIONS = Arrays.stream(SecurityEventKind.values())
            .map(SecurityEventKind::action).collect(Collectors.toUnmodifiableSet());

    private final AuditReaders readers;
    private final AuditQueries queries;
    private final SecurityEventQueries aggregates;
    private final AuditTrail audit;
    private final Clock clock;

    SecurityEventService(AuditReaders readers, AuditQueries queries, SecurityEventQueries aggregates,
            AuditTrail audit, Clock clock) {
        this.readers = readers;
        this.queries = queries;
        this.aggregates = aggregates;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public SecurityEventsOverview overview(SecurityEventFilter filter, int page) {
        readers.require(AuditPermissions.SECURITY_EVENT_READ);
        Set<String> selected = filter.kind() == null ? ALL_ACTIONS : Set.of(filter.kind().action());

        Map<SecurityEventKind, Long> totals = new EnumMap<>(SecurityEventKind.class);
        for (SecurityEventKind kind : SecurityEventKind.values()) {
            totals.put(kind, 0L);
        }
        aggregates.countByAction(ALL_ACTIONS, filter.from(), filter.to(), filter.actorText())
                .forEach((action, n) -> SecurityEventKind.ofAction(action).ifPresent(k -> totals.put(k, n)));

        AuditSearch search = new AuditSearch(selected, Set.of(), null, filter.from(), filter.to(),
                filter.actorText(), 0, PAGE_SIZE);
        long matched = queries.count(search);
        int shown = Math.max(0, Math.min(page, AuditReviewService.lastPage(matched, PAGE_SIZE)));
        List<AuditRecord> records = queries.search(new AuditSearch(selected, Set.of(), null, filter.from(),
                filter.to(), filter.actorText(), shown, PAGE_SIZE));

        SecurityEventsOverview overview = new SecurityEventsOverview(totals, chart(),
                aggregates.topSources(selected, filter.from(), filter.to(), filter.actorText(), TOP_SOURCES),
                new AuditPage(records, matched, shown, PAGE_SIZE));
        Map<String, Object> facts = filter.describe();
        facts.put("page", shown);
        facts.put("matched", matched);
        audit.record(AuditEntry.allowed("audit.security-events.viewed", "audit-trail", null, facts));
        return overview;
    }

    /** ACC-8: the last 30 days in the hospital's time zone, today included. */
    private Chart chart() {
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        LocalDate first = today.minusDays(SecurityEventsOverview.CHART_DAYS - 1L);
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = today.plusDays(1).atStartOfDay(zone).toInstant();
        List<LocalDate> days = first.datesUntil(today.plusDays(1)).toList();
        Map<SecurityEventKind, long[]> counts = new EnumMap<>(SecurityEventKind.class);
        for (SecurityEventKind kind : SecurityEventKind.values()) {
            counts.put(kind, new long[days.size()]);
        }
        for (SecurityEventQueries.BucketCount bucket : aggregates.countByBucket(ALL_ACTIONS, from, to)) {
            LocalDate day = Instant.ofEpochSecond(bucket.bucket() * SecurityEventQueries.BUCKET_SECONDS)
                    .atZone(zone).toLocalDate();
            int index = (int) (day.toEpochDay() - first.toEpochDay());
            SecurityEventKind.ofAction(bucket.action()).ifPresent(kind -> {
                if (index >= 0 && index < days.size()) {
                    counts.get(kind)[index] += bucket.count();
                }
            });
        }
        Map<SecurityEventKind, List<Long>> series = new EnumMap<>(SecurityEventKind.class);
        counts.forEach((kind, values) -> series.put(kind, Arrays.stream(values).boxed().toList()));
        return new Chart(days, series);
    }

    @Override
    @Transactional
    public AuditPage auditAdministratorActivity(int page) {
        readers.require(AuditPermissions.ADMIN_ACTIVITY_READ);
        Set<Long> administrators = readers.auditAdministratorIds();
        AuditPage result;
        if (administrators.isEmpty()) {
            // An empty actor set means "anyone" to the query layer; nobody to watch means nothing to show.
            result = AuditPage.empty(PAGE_SIZE);
        } else {
            long matched = queries.count(new AuditSearch(Set.of(), administrators, null, null, null, null, 0, PAGE_SIZE));
            int shown = Math.max(0, Math.min(page, AuditReviewService.lastPage(matched, PAGE_SIZE)));
            result = new AuditPage(queries.search(new AuditSearch(Set.of(), administrators, null, null, null, null,
                    shown, PAGE_SIZE)), matched, shown, PAGE_SIZE);
        }
        audit.record(AuditEntry.allowed("audit.admin-activity.viewed", "audit-trail", null,
                Map.of("page", result.page(), "matched", result.total(), "administrators", administrators.size())));
        return result;
    }

    @Override
    public boolean canReadAdministratorActivity() {
        return readers.has(AuditPermissions.ADMIN_ACTIVITY_READ);
    }
}
