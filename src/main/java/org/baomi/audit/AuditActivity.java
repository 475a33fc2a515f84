package org.baomi.audit;

import java.time.Instant;
import java.util.List;

/**
 * Activity over time for the console's charts, for one filter (AUD-2, AUD-4 review).
 *
 * @param from          start of the charted period (the filter's, or {@link #DEFAULT_DAYS} days back)
 * @param to            its end (exclusive)
 * @param hourly        true: one bucket per hour; false: one per day (hospital time zone)
 * @param buckets       start of each bucket
 * @param allowed       entries allowed, one value per bucket
 * @param denied        entries denied, one value per bucket
 * @param failed        entries failed, one value per bucket
 * @param deniedActions the actions denied most often in the period, most first (at most {@link #TOP_ACTIONS})
 */
public record AuditActivity(Instant from, Instant to, boolean hourly, List<Instant> buckets, List<Long> allowed,
        List<Long> denied, List<Long> failed, List<ActionCount> deniedActions) {

    public static final int DEFAULT_DAYS = 30;
    /** Longest charted period; a longer filter is charted for its last year. */
    public static final int MAX_DAYS = 366;
    /** Up to this many days are charted per hour. */
    public static final int HOURLY_UP_TO_DAYS = 3;
    public static final int TOP_ACTIONS = 10;

    public AuditActivity {
        buckets = List.copyOf(buckets);
        allowed = List.copyOf(allowed);
        denied = List.copyOf(denied);
        failed = List.copyOf(failed);
        deniedActions = List.copyOf(deniedActions);
    }

    /** How often one action was denied. */
    public record ActionCount(String action, long count) {
    }
}
