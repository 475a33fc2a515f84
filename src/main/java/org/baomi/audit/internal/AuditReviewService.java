package org.baomi.audit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baomi.audit.AuditActivity;
import org.baomi.audit.AuditChainPosition;
import org.baomi.audit.AuditChainPositions;
import org.baomi.audit.AuditCount;
import org.baomi.audit.AuditCursor;
import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditEntryDetail;
import org.baomi.audit.AuditExportFormat;
import org.baomi.audit.AuditExportSink;
import org.baomi.audit.AuditExportSink.AuditExportInfo;
import org.baomi.audit.AuditFilter;
import org.baomi.audit.AuditListRow;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditPeopleDirectory;
import org.baomi.audit.AuditPermissions;
import org.baomi.audit.AuditRecord;
import org.baomi.audit.AuditReview;
import org.baomi.audit.AuditSlice;
import org.baomi.audit.AuditTrail;
import org.baomi.shared.BaomiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

@Service
class AuditReviewService implements AuditReview {

    private static final Logger log = LoggerFactory.getLogger(AuditReviewService.class);
    /** Charts over a very long period of a very large trail give up rather than hold a connection for minutes. */
    private static final int CHART_TIMEOUT_MS = 15_000;
    private static final int EXPORT_COUNT_CAP = 10 * EXPORT_LIMIT;

    private final AuditReaders readers;
    private final ConsoleQueries queries;
    private final AuditTrail audit;
    private final ObjectProvider<AuditChainPositions> chain;
    private final ObjectProvider<AuditPeopleDirectory> people;
    private final Clock clock;

    AuditReviewService(AuditReaders readers, ConsoleQueries queries, AuditTrail audit,
            ObjectProvider<AuditChainPositions> chain, ObjectProvider<AuditPeopleDirectory> people, Clock clock) {
        this.readers = readers;
        this.queries = queries;
        this.audit = audit;
        this.chain = chain;
        this.people = people;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditPeopleDirectory.AuditPerson> people(String text) {
        readers.require(AuditPermissions.ENTRY_READ);
        String wanted = AuditFilter.checkText(text);
        AuditPeopleDirectory directory = people.getIfAvailable();
        if (wanted == null || directory == null) {
            return List.of();
        }
        return List.copyOf(directory.find(wanted, PEOPLE_LIMIT));
    }

    @Override
    @Transactional
    public AuditSlice entries(AuditFilter filter, AuditCursor before, AuditCursor after, int size) {
        readers.require(AuditPermissions.ENTRY_READ);
        if (before != null && after != null) {
            throw BaomiException.invalid("audit.filter.error.cursor");
        }
        int limit = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        // One row more than shown tells whether another page follows in the direction of travel.
        List<AuditListRow> found = queries.page(filter, before, after, limit + 1);
        boolean more = found.size() > limit;
        List<AuditListRow> rows;
        AuditCursor older;
        AuditCursor newer;
        if (after == null) {
            rows = more ? found.subList(0, limit) : found;
            older = more ? rows.get(rows.size() - 1).cursor() : null;
            newer = before == null || rows.isEmpty() ? null : rows.get(0).cursor();
        } else {
            // Newer pages come back newest first too; the surplus row is the newest one.
            rows = more ? found.subList(1, found.size()) : found;
            newer = more && !rows.isEmpty() ? rows.get(0).cursor() : null;
            older = rows.isEmpty() ? null : rows.get(rows.size() - 1).cursor();
        }
        AuditCount matched = queries.count(filter, COUNT_CAP);
        // AUD-2: reading the trail is an operation like any other; the record of it commits with the read.
        Map<String, Object> facts = filter.describe();
        if (before != null) {
            facts.put("before", before.text());
        }
        if (after != null) {
            facts.put("after", after.text());
        }
        facts.put("shown", rows.size());
        facts.put("matched", matched.value());
        if (matched.capped()) {
            facts.put("matchedCapped", true);
        }
        audit.record(AuditEntry.allowed("audit.entries.viewed", "audit-trail", null, facts));
        return new AuditSlice(rows, matched, older, newer);
    }

    @Override
    @Transactional
    public AuditEntryDetail entry(long sequence) {
        readers.require(AuditPermissions.ENTRY_READ);
        AuditRecord record = queries.find(sequence)
                .orElseThrow(() -> BaomiException.notFound("audit.entry.not-found", sequence));
        AuditChainPositions positions = chain.getIfAvailable();
        AuditChainPosition position = positions == null ? null : positions.positionOf(sequence).orElse(null);
        audit.record(AuditEntry.allowed("audit.entry.viewed", "audit-entry", sequence, Map.of()));
        return new AuditEntryDetail(record, position);
    }

    @Override
    @Transactional
    public AuditActivity activity(AuditFilter filter) {
        readers.require(AuditPermissions.ENTRY_READ);
        ZoneId zone = clock.getZone();
        Instant to = filter.to() != null ? filter.to()
                : LocalDate.now(clock).plusDays(1).atStartOfDay(zone).toInstant();
        Instant earliest = to.minus(Duration.ofDays(AuditActivity.MAX_DAYS));
        Instant from = filter.from() != null ? filter.from() : to.minus(Duration.ofDays(AuditActivity.DEFAULT_DAYS));
        if (from.isBefore(earliest)) {
            from = earliest;
        }
        AuditFilter charted = filter.withPeriod(from, to);
        boolean hourly = Duration.between(from, to).compareTo(Duration.ofDays(AuditActivity.HOURLY_UP_TO_DAYS)) <= 0;
        Map<String, Object> facts = charted.describe();
        facts.put("hourly", hourly);
        audit.record(AuditEntry.allowed("audit.entries.charted", "audit-trail", null, facts));
        queries.limitStatementTime(CHART_TIMEOUT_MS);
        try {
            List<Instant> buckets = buckets(from, to, hourly, zone);
            long[][] counts = new long[AuditOutcome.values().length][buckets.size()];
            for (ConsoleQueries.BucketCount c : queries.countByBucket(charted)) {
                int index = indexOf(buckets, Instant.ofEpochSecond(c.bucket() * ConsoleQueries.BUCKET_SECONDS));
                if (index >= 0) {
                    counts[c.outcome().ordinal()][index] += c.count();
                }
            }
            return new AuditActivity(from, to, hourly, buckets, list(counts[AuditOutcome.ALLOWED.ordinal()]),
                    list(counts[AuditOutcome.DENIED.ordinal()]), list(counts[AuditOutcome.FAILED.ordinal()]),
                    queries.deniedActions(charted, AuditActivity.TOP_ACTIONS));
        } catch (DataAccessException e) {
            if (cancelled(e)) {
                throw BaomiException.invalid("audit.chart.too-slow");
            }
            throw e;
        }
    }

    /** The last zero-based page of offset paging (the security administrator's views). */
    static int lastPage(long total, int size) {
        return total == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, (total - 1) / size);
    }

    /** PostgreSQL's statement_timeout (SQLSTATE 57014), whichever exception Spring translated it to. */
    private static boolean cancelled(DataAccessException e) {
        return e instanceof QueryTimeoutException
                || e.getMostSpecificCause() instanceof java.sql.SQLException sql && "57014".equals(sql.getSQLState());
    }

    /** Start of each hour or day (hospital time zone) from the one holding {@code from} up to {@code to}. */
    static List<Instant> buckets(Instant from, Instant to, boolean hourly, ZoneId zone) {
        List<Instant> out = new ArrayList<>();
        var start = hourly ? from.atZone(zone).truncatedTo(ChronoUnit.HOURS)
                : from.atZone(zone).toLocalDate().atStartOfDay(zone);
        for (var t = start; t.toInstant().isBefore(to); t = hourly ? t.plusHours(1) : t.plusDays(1)) {
            out.add(t.toInstant());
        }
        return out;
    }

    /** The bucket holding the instant: the last start not after it. */
    private static int indexOf(List<Instant> buckets, Instant at) {
        int low = 0;
        int high = buckets.size() - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (!buckets.get(mid).isAfter(at)) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }

    private static List<Long> list(long[] values) {
        List<Long> out = new ArrayList<>(values.length);
        for (long v : values) {
            out.add(v);
        }
        return out;
    }

    /**
     * Repeatable read: the count and the rows come from one snapshot, so entries written meanwhile neither shift
     * the rows nor make the count wrong. The record of the export is written before the first row, in the same
     * transaction, and left out of the rows.
     */
    @Override
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public AuditExportInfo export(AuditFilter filter, AuditExportFormat format, AuditExportSink sink) {
        readers.require(AuditPermissions.ENTRY_READ);
        // Counted further than exported, so the record says how much was left out (up to a bound, for speed).
        AuditCount matched = queries.count(filter, EXPORT_COUNT_CAP);
        AuditExportInfo info = new AuditExportInfo(Math.min(matched.value(), EXPORT_LIMIT), EXPORT_LIMIT,
                matched.value() > EXPORT_LIMIT);
        Map<String, Object> facts = new LinkedHashMap<>(filter.describe());
        facts.put("format", format.name());
        facts.put("rows", info.rows());
        facts.put("matched", matched.value());
        if (matched.capped()) {
            facts.put("matchedCapped", true);
        }
        facts.put("truncated", info.truncated());
        long own = audit.record(AuditEntry.allowed("audit.entries.exported", "audit-trail", null, facts));
        try {
            sink.begin(info);
            queries.stream(filter, own, EXPORT_LIMIT, sink::row);
            sink.end();
        } catch (java.io.IOException | ConsoleQueries.ExportAborted e) {
            // AUD-1: the reader went away mid-file; what left may be part of the trail, so the record commits.
            log.info("Audit export ended early by the client: {}", e.getMessage());
        }
        return info;
    }
}
