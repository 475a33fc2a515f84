package org.baomi.audit.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.baomi.audit.AuditActor;
import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.audit.AuditVerification;
import org.baomi.audit.ChainBreakage;
import org.baomi.audit.VerificationMode;
import org.baomi.audit.VerificationProgress;
import org.baomi.audit.VerificationResult;
import org.baomi.audit.internal.chain.AnchorKeys;
import org.baomi.audit.internal.chain.ChainVerifier;
import org.baomi.shared.BaomiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Verification of the chain as the audit administrator and the daily schedule use it (AUD-3, AUD-4): permission
 * check, one run at a time per instance, the result stored in {@code aud_verification}, the run audited, and a
 * broken chain raised ({@link ChainAlerts}).
 */
@Service
class ChainVerificationService implements AuditVerification {

    private static final Logger log = LoggerFactory.getLogger(ChainVerificationService.class);

    enum Trigger { REQUEST, BACKGROUND, SCHEDULED }

    private final ChainVerifier verifier;
    private final AuditReaders readers;
    private final AuditTrail audit;
    private final ChainAlerts alerts;
    private final AnchorKeys keys;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "audit-verification");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<VerificationProgress> current = new AtomicReference<>();

    ChainVerificationService(ChainVerifier verifier, AuditReaders readers, AuditTrail audit, ChainAlerts alerts,
            AnchorKeys keys, JdbcClient jdbc, Clock clock) {
        this.verifier = verifier;
        this.readers = readers;
        this.audit = audit;
        this.alerts = alerts;
        this.keys = keys;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public VerificationResult verify(VerificationMode mode) {
        readers.require(PERMISSION);
        claim(mode);
        return run(mode, Trigger.REQUEST);
    }

    @Override
    public VerificationProgress start(VerificationMode mode) {
        readers.require(PERMISSION);
        VerificationProgress started = claim(mode);
        audit.recordIndependently(new AuditEntry(null, "audit.chain.verification-started", "audit-chain", null, null,
                AuditOutcome.ALLOWED, null, Map.of("mode", mode.name())));
        background.submit(() -> {
            try {
                run(mode, Trigger.BACKGROUND);
            } catch (RuntimeException e) {
                log.error("Background verification of the audit chain failed", e);
                current.set(null);
            }
        });
        return started;
    }

    @Override
    public Optional<VerificationProgress> progress() {
        readers.require(PERMISSION);
        return Optional.ofNullable(current.get());
    }

    @Override
    public Optional<VerificationResult> latest() {
        readers.require(PERMISSION);
        return latestStored();
    }

    @Override
    public String rotateAnchorKey() {
        readers.require(MANAGE_PERMISSION);
        AnchorKeys.SigningKey key = keys.rotate();
        keys.register(jdbc, key);
        audit.recordIndependently(new AuditEntry(null, "audit.chain.key-rotated", "anchor-key", key.keyId(), null,
                AuditOutcome.ALLOWED, null, Map.of("algorithm", key.algorithm().name())));
        return key.keyId();
    }

    @Override
    public String currentAnchorKey() {
        readers.require(MANAGE_PERMISSION);
        return keys.current().keyId();
    }

    /** The daily full verification (AUD-4), on one instance at a time. */
    @Scheduled(cron = "${baomi.audit.verification-cron:0 30 2 * * *}")
    @SchedulerLock(name = "audit.chain-verification", lockAtMostFor = "PT12H", lockAtLeastFor = "PT1M")
    public void scheduled() {
        try {
            claim(VerificationMode.FULL);
        } catch (BaomiException busy) {
            log.warn("Scheduled verification skipped: a verification is already running");
            return;
        }
        run(VerificationMode.FULL, Trigger.SCHEDULED);
    }

    /** The newest stored result, without a permission check (for the home page duty). */
    Optional<VerificationResult> latestStored() {
        return jdbc.sql("SELECT * FROM aud_verification ORDER BY id DESC LIMIT 1").query((rs, i) -> {
            long firstBroken = rs.getLong("first_broken_seq");
            Long first = rs.wasNull() ? null : firstBroken;
            long anchor = rs.getLong("anchor_id");
            Long anchorId = rs.wasNull() ? null : anchor;
            String breakage = rs.getString("breakage");
            return new VerificationResult(rs.getBoolean("intact"), VerificationMode.valueOf(rs.getString("mode")),
                    rs.getLong("entries_checked"), first, breakage == null ? null : ChainBreakage.valueOf(breakage),
                    anchorId, rs.getLong("verified_to_seq"), Duration.ofMillis(rs.getLong("duration_ms")),
                    rs.getTimestamp("finished_at").toInstant(), List.of());
        }).optional();
    }

    private synchronized VerificationProgress claim(VerificationMode mode) {
        VerificationProgress running = current.get();
        if (running != null && running.running()) {
            throw BaomiException.conflict("audit.chain.verification.busy");
        }
        VerificationProgress started = new VerificationProgress(true, mode, 0, 0, clock.instant(), null);
        current.set(started);
        return started;
    }

    private VerificationResult run(VerificationMode mode, Trigger trigger) {
        Instant startedAt = clock.instant();
        VerificationResult result;
        try {
            Long resumeFrom = mode == VerificationMode.INCREMENTAL ? resumeAnchor() : null;
            result = verifier.verify(mode, resumeFrom, (checked, total) ->
                    current.set(new VerificationProgress(true, mode, checked, total, startedAt, null)));
        } catch (RuntimeException e) {
            current.set(null);
            throw e;
        }
        store(result, trigger, startedAt);
        current.set(new VerificationProgress(false, mode, result.entriesChecked(), result.entriesChecked(), startedAt,
                result));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("mode", mode.name());
        details.put("trigger", trigger.name());
        details.put("intact", result.intact());
        details.put("entriesChecked", result.entriesChecked());
        details.put("verifiedToSequence", result.verifiedToSequence());
        if (result.anchorId() != null) {
            details.put("anchorId", result.anchorId());
        }
        if (!result.intact()) {
            details.put("firstBrokenSequence", result.firstBrokenSequence());
            details.put("breakage", result.breakage().name());
        }
        AuditActor actor = trigger == Trigger.REQUEST ? null : AuditActor.system();
        audit.recordIndependently(new AuditEntry(actor, "audit.chain.verified", "audit-chain", null, null,
                result.intact() ? AuditOutcome.ALLOWED : AuditOutcome.FAILED, null, details));
        if (!result.intact()) {
            alerts.broken(result.firstBrokenSequence(), result.breakage(), mode, Map.of("mode", mode.name(),
                    "problems", result.problems().size(), "detail", result.problems().get(0).detail()));
        }
        return result;
    }

    /** The newest anchor that an earlier intact run covered. */
    private Long resumeAnchor() {
        return jdbc.sql("SELECT resume_anchor_id FROM aud_verification WHERE intact ORDER BY id DESC LIMIT 1")
                .query((rs, i) -> {
                    long id = rs.getLong(1);
                    return rs.wasNull() ? null : id;
                }).optional().orElse(null);
    }

    private void store(VerificationResult result, Trigger trigger, Instant startedAt) {
        Long resume = result.intact() ? jdbc.sql("SELECT max(id) FROM aud_anchor WHERE seq <= :head")
                .param("head", result.verifiedToSequence()).query(Long.class).optional().orElse(null) : null;
        String detail = result.problems().isEmpty() ? null : result.problems().get(0).detail();
        jdbc.sql("""
                INSERT INTO aud_verification (mode, trigger, started_at, finished_at, intact, entries_checked,
                    first_broken_seq, breakage, breakage_detail, anchor_id, resume_anchor_id, verified_to_seq,
                    duration_ms)
                VALUES (:mode, :trigger, :started, :finished, :intact, :checked, :first, :breakage, :detail, :anchor,
                    :resume, :head, :duration)
                """).param("mode", result.mode().name()).param("trigger", trigger.name())
                .param("started", Timestamp.from(startedAt)).param("finished", Timestamp.from(result.finishedAt()))
                .param("intact", result.intact()).param("checked", result.entriesChecked())
                .param("first", result.firstBrokenSequence())
                .param("breakage", result.breakage() == null ? null : result.breakage().name())
                .param("detail", detail == null || detail.length() <= 400 ? detail : detail.substring(0, 400))
                .param("anchor", result.anchorId()).param("resume", resume)
                .param("head", result.verifiedToSequence()).param("duration", result.duration().toMillis())
                .update();
    }

    @PreDestroy
    void shutdown() {
        background.shutdownNow();
    }
}
