package org.baomi.monitor.internal.detect;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baomi.audit.AuditActor;
import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.monitor.Detector;
import org.baomi.monitor.DetectionRunSummary;
import org.baomi.monitor.DetectionRuns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link DetectionRuns}: reads the context and the events, runs {@link DetectionEngine}, writes {@code mon_alert}
 * through {@link AlertStore} and the run with its audit record (AUD-2), all in one transaction.
 */
@Service
class ScoringService implements DetectionRuns {

    static final String AUDIT_ACTION = "monitor.scoring.completed";
    /** The persons' history an incremental run reads before the first new event (usual hours, usual day). */
    static final Duration HISTORY = Duration.ofDays(30);

    private final ContextLoader contexts;
    private final EventReader events;
    private final AlertStore alerts;
    private final DetectionSettingsSource settings;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    ScoringService(ContextLoader contexts, EventReader events, AlertStore alerts, DetectionSettingsSource settings,
            AuditTrail audit, JdbcClient jdbc, Clock clock) {
        this.contexts = contexts;
        this.events = events;
        this.alerts = alerts;
        this.settings = settings;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public DetectionRunSummary rescoreAll() {
        long lastId = events.lastId();
        Instant[] window = events.windowAfter(0);
        if (window == null) {
            return empty(true);
        }
        return run(true, window[0], window[0], window[1], lastId);
    }

    @Override
    @Transactional
    public DetectionRunSummary scoreNew() {
        long after = jdbc.sql("SELECT coalesce(max(last_event_id), 0) FROM mon_scoring_run").query(Long.class)
                .single();
        long lastId = events.lastId();
        Instant[] fresh = lastId > after ? events.windowAfter(after) : null;
        if (fresh == null) {
            return empty(false);
        }
        return run(false, fresh[0].minus(HISTORY), fresh[0], fresh[1], lastId);
    }

    /** Scores [readFrom, to]; writes and withdraws alerts of the days from {@code scoredFrom}'s day to {@code to}'s. */
    private DetectionRunSummary run(boolean full, Instant readFrom, Instant scoredFrom, Instant to, long lastId) {
        Instant started = clock.instant();
        ContextLoader.Loaded loaded = contexts.load(readFrom.minus(HISTORY));
        AccessEvents read = events.read(readFrom, to);
        DetectionResult result = DetectionEngine.score(loaded.context(), read, settings.current());
        LocalDate firstDay = scoredFrom.atZone(clock.getZone()).toLocalDate();
        LocalDate lastDay = to.atZone(clock.getZone()).toLocalDate();
        List<DetectionAlert> kept = new ArrayList<>();
        for (DetectionAlert a : result.alerts()) {
            if (!a.day().isBefore(firstDay)) {
                kept.add(a);
            }
        }
        Instant now = clock.instant();
        alerts.upsert(kept, loaded.staffNos(), loaded.mrns(), now);
        int withdrawn = alerts.withdrawOthers(firstDay, lastDay, kept.stream().map(DetectionAlert::alertKey).toList(),
                now);
        Map<Detector, Integer> perDetector = new DetectionResult(kept, 0, 0, 0).perDetector();
        long unresolved = events.unresolved(readFrom, to);
        long runId = jdbc.sql("INSERT INTO mon_scoring_run (kind, window_from, window_to, last_event_id, events, "
                + "explained, unresolved, alerts, withdrawn, started_at, finished_at) VALUES (:kind, :from, :to, "
                + ":last, :events, :explained, :unresolved, :alerts, :withdrawn, :started, :finished) RETURNING id")
                .param("kind", full ? "FULL" : "INCREMENTAL").param("from", Timestamp.from(readFrom))
                .param("to", Timestamp.from(to)).param("last", lastId).param("events", result.events())
                .param("explained", result.explained()).param("unresolved", unresolved)
                .param("alerts", kept.size()).param("withdrawn", withdrawn).param("started", Timestamp.from(started))
                .param("finished", Timestamp.from(clock.instant())).query(Long.class).single();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", full ? "FULL" : "INCREMENTAL");
        details.put("from", readFrom.toString());
        details.put("to", to.toString());
        details.put("events", result.events());
        details.put("explained", result.explained());
        details.put("unresolved", unresolved);
        details.put("alerts", kept.size());
        details.put("perDetector", perDetector.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                e -> e.getKey().name(), Map.Entry::getValue)));
        details.put("withdrawn", withdrawn);
        audit.record(new AuditEntry(AuditActor.system(), AUDIT_ACTION, "monitor-scoring-run", Long.toString(runId),
                null, AuditOutcome.ALLOWED, null, details));
        return new DetectionRunSummary(runId, full, readFrom, to, result.events(), result.explained(), unresolved,
                perDetector, withdrawn);
    }

    private static DetectionRunSummary empty(boolean full) {
        Map<Detector, Integer> none = new LinkedHashMap<>();
        for (Detector d : Detector.values()) {
            none.put(d, 0);
        }
        return new DetectionRunSummary(0, full, null, null, 0, 0, 0, none, 0);
    }
}
