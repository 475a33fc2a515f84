package org.baomi.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Possible intrusions as the security administrator sees them (ACC-8).
 *
 * @param totals     how many of each kind within the filter's time range and text
 * @param chart      the last 30 days, per day and kind, whatever the filter
 * @param topSources the addresses and (claimed) names behind most events that match the filter
 * @param events     one page of the matching events, newest first
 */
public record SecurityEventsOverview(Map<SecurityEventKind, Long> totals, Chart chart, List<SourceCount> topSources,
        AuditPage events) {

    public static final int CHART_DAYS = 30;

    public SecurityEventsOverview {
        totals = Map.copyOf(totals);
        topSources = List.copyOf(topSources);
    }

    /** Counts per day (hospital time zone) for each kind; every list has one value per day. */
    public record Chart(List<LocalDate> days, Map<SecurityEventKind, List<Long>> counts) {
        public Chart {
            days = List.copyOf(days);
            counts = Map.copyOf(counts);
        }
    }

    /** A group of events from one address under one (claimed) name. */
    public record SourceCount(String sourceAddress, String actorName, long count, Instant lastSeen) {
    }
}
