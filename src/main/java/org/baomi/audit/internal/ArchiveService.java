package org.baomi.audit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.baomi.audit.AuditActor;
import org.baomi.audit.AuditArchives;
import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.audit.internal.chain.ArchiveWriter;
import org.baomi.audit.internal.chain.AuditChainProperties;
import org.baomi.audit.internal.chain.ProofPackages;
import org.baomi.shared.BaomiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Archive export (issue 8 item 6, AUD-3): the audit administrator's button and the monthly job write signed archive
 * files of the batches older than the retention period, one {@link ArchiveWriter} step at a time, each step's file
 * recorded in {@code aud_archive} and audited in one transaction. One run at a time per instance; across instances
 * the job holds a ShedLock lease and concurrent writers would collide on {@code aud_archive}'s keys.
 */
@Service
class ArchiveService implements AuditArchives {

    private static final Logger log = LoggerFactory.getLogger(ArchiveService.class);

    private final AuditReaders readers;
    private final AuditTrail audit;
    private final ArchiveWriter writer;
    private final JdbcClient jdbc;
    private final AuditChainProperties chainProperties;
    private final AuditArchiveProperties properties;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicReference<ArchiveProgress> current = new AtomicReference<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "audit-archive");
        thread.setDaemon(true);
        return thread;
    });

    ArchiveService(AuditReaders readers, AuditTrail audit, ProofPackages packages, JdbcClient jdbc,
            PlatformTransactionManager transactions, AuditChainProperties chainProperties,
            AuditArchiveProperties properties, Clock clock) {
        this.readers = readers;
        this.audit = audit;
        this.jdbc = jdbc;
        this.chainProperties = chainProperties;
        this.properties = properties;
        this.clock = clock;
        this.writer = new ArchiveWriter(jdbc, new TransactionTemplate(transactions), packages, properties.dir(), clock);
    }

    @Override
    public List<ArchiveFile> list() {
        readers.require(PERMISSION);
        HexFormat hex = HexFormat.of();
        return jdbc.sql("""
                SELECT id, segment_id, first_seq, last_seq, entries, anchor_id, file_name, file_sha256, created_at
                FROM aud_archive ORDER BY id DESC LIMIT 200
                """).query((rs, i) -> new ArchiveFile(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getString(7), hex.formatHex(rs.getBytes(8)),
                        rs.getObject(9, OffsetDateTime.class).toInstant())).list();
    }

    @Override
    public Eligibility eligibility() {
        readers.require(PERMISSION);
        Instant cutoff = cutoff();
        ArchiveWriter.Eligible eligible = writer.eligible(cutoff);
        return new Eligibility(eligible.batches(), eligible.entries(), cutoff, chainProperties.retentionDays());
    }

    @Override
    public ArchiveRun archiveEligible() {
        readers.require(PERMISSION);
        return run(null, progress -> { });
    }

    @Override
    public ArchiveProgress start() {
        readers.require(PERMISSION);
        if (!running.compareAndSet(false, true)) {
            throw BaomiException.conflict("audit.archive.error.running");
        }
        long eligible;
        try {
            eligible = writer.eligible(cutoff()).entries();
            audit.recordIndependently(new AuditEntry(null, "audit.archive.started", "audit-archive", null, null,
                    AuditOutcome.ALLOWED, null, Map.of("eligibleEntries", eligible)));
        } catch (RuntimeException e) {
            running.set(false);
            throw e;
        }
        ArchiveProgress started = new ArchiveProgress(true, 0, 0, eligible, null);
        current.set(started);
        // The claim passes to the background run, which releases it when it ends.
        background.submit(() -> {
            try {
                ArchiveRun done = runClaimed(AuditActor.system(), p -> current.set(new ArchiveProgress(true, p.files(),
                        p.entries(), eligible, null)));
                current.set(new ArchiveProgress(false, done.files(), done.entries(), eligible, null));
            } catch (BaomiException refused) {
                ArchiveProgress last = current.get();
                current.set(new ArchiveProgress(false, last.files(), last.entries(), eligible, refused.messageKey()));
            } catch (RuntimeException e) {
                log.error("Background audit archive failed", e);
                ArchiveProgress last = current.get();
                current.set(new ArchiveProgress(false, last.files(), last.entries(), eligible,
                        "audit.archive.error.failed"));
            }
        });
        return started;
    }

    @Override
    public Optional<ArchiveProgress> progress() {
        readers.require(PERMISSION);
        return Optional.ofNullable(current.get());
    }

    @PreDestroy
    void stopBackground() {
        background.shutdownNow();
    }

    /** The monthly job (default 03:00 on the 1st), on one instance at a time. */
    @Scheduled(cron = "${baomi.audit.archive.cron:0 0 3 1 * *}")
    @SchedulerLock(name = "audit.archive", lockAtMostFor = "PT12H", lockAtLeastFor = "PT1M")
    void scheduled() {
        try {
            ArchiveRun done = run(AuditActor.system(), progress -> { });
            if (done.files() > 0) {
                log.info("Audit archive: {} files, {} entries", done.files(), done.entries());
            }
        } catch (RuntimeException e) {
            log.error("Scheduled audit archive failed", e);
        }
    }

    private Instant cutoff() {
        return clock.instant().minus(Duration.ofDays(chainProperties.retentionDays()));
    }

    private ArchiveRun run(AuditActor actor, Consumer<ArchiveRun> afterFile) {
        if (!running.compareAndSet(false, true)) {
            throw BaomiException.conflict("audit.archive.error.running");
        }
        return runClaimed(actor, afterFile);
    }

    /** Archives file after file, then releases the claim; {@code afterFile} hears the running totals. */
    private ArchiveRun runClaimed(AuditActor actor, Consumer<ArchiveRun> afterFile) {
        try {
            Instant cutoff = cutoff();
            int files = 0;
            long entries = 0;
            while (true) {
                Optional<ArchiveWriter.Written> written;
                try {
                    written = writer.writeNext(cutoff, properties.maxEntries(), null, w -> record(actor, w));
                } catch (ProofPackages.AnchorUnusableException unusable) {
                    audit.recordIndependently(new AuditEntry(actor, "audit.archive.failed", "audit-archive", null,
                            null, AuditOutcome.FAILED, "audit.archive.error.unusable",
                            Map.of("reason", unusable.getMessage())));
                    throw BaomiException.conflict("audit.archive.error.unusable");
                }
                if (written.isEmpty()) {
                    return new ArchiveRun(files, entries);
                }
                files++;
                entries += written.get().entries();
                afterFile.accept(new ArchiveRun(files, entries));
            }
        } finally {
            running.set(false);
        }
    }

    private void record(AuditActor actor, ArchiveWriter.Written w) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("file", w.fileName());
        facts.put("firstSeq", w.firstSeq());
        facts.put("lastSeq", w.lastSeq());
        facts.put("entries", w.entries());
        facts.put("anchor", w.anchorId());
        facts.put("sha256", w.sha256());
        audit.record(new AuditEntry(actor, "audit.archive.written", "audit-archive", Long.toString(w.id()), null,
                AuditOutcome.ALLOWED, null, facts));
    }
}
