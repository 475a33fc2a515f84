package org.baomi.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Archives of the trail (issue 8 item 6; AUD-3, Cybersecurity Law Art. 21): entries older than the online retention
 * period ({@code baomi.audit.retention-days}, at least 180) are exported, whole sealed batches at a time, into signed
 * archive files in {@code baomi.audit.archive.dir} that the offline verifier checks against the anchors. Nothing is
 * deleted: the archived entries stay in the online tables (docs/audit-chain.md, "Archives").
 *
 * <p>Every method needs {@link #PERMISSION} ({@code audit:archive:manage}, the audit administrator role only; an API
 * token needs it as a scope); a refusal is audited in its own transaction and thrown as FORBIDDEN.
 */
public interface AuditArchives {

    String PERMISSION = "audit:archive:manage";

    /** The newest archive files first, at most 200. Not recorded: names, ranges and counts, no entry content. */
    List<ArchiveFile> list();

    /** What is eligible now: anchored batches sealed before now minus the retention period, not yet archived. */
    Eligibility eligibility();

    /**
     * Writes archive files for every eligible batch (each file at most {@code baomi.audit.archive.max-entries}
     * entries, within one segment). Records {@code audit.archive.written} per file with its range, entry count,
     * anchor and SHA-256; a run that cannot build a proof records {@code audit.archive.failed} and is refused.
     *
     * @throws org.baomi.shared.BaomiException FORBIDDEN (audited); CONFLICT {@code audit.archive.error.running} when a
     *                                         run is going on, {@code audit.archive.error.unusable} when an anchor
     *                                         is missing, differs or is not trusted
     */
    ArchiveRun archiveEligible();

    /**
     * Starts {@link #archiveEligible()} in the background and returns at once; {@link #progress()} follows it.
     * Records {@code audit.archive.started} by the caller; the files are then recorded as written by the system.
     *
     * @throws org.baomi.shared.BaomiException FORBIDDEN (audited); CONFLICT {@code audit.archive.error.running}
     */
    ArchiveProgress start();

    /** The running or last background run of this instance (not recorded: counts only). */
    Optional<ArchiveProgress> progress();

    /**
     * A background run.
     *
     * @param eligibleEntries entries eligible when it started
     * @param errorKey        message key of the reason it stopped early, null otherwise
     */
    record ArchiveProgress(boolean running, int files, long entries, long eligibleEntries, String errorKey) {

        /** Done entries out of the eligible ones, 0 to 100 (100 once finished). */
        public int percent() {
            if (!running) {
                return 100;
            }
            return eligibleEntries == 0 ? 0 : (int) Math.min(99, entries * 100 / eligibleEntries);
        }
    }

    /** One archive file as recorded in {@code aud_archive}. */
    record ArchiveFile(long id, int segment, long firstSequence, long lastSequence, long entries, long anchorId,
            String fileName, String sha256, Instant createdAt) {
    }

    /**
     * @param cutoff batches sealed before this instant are old enough
     */
    record Eligibility(long batches, long entries, Instant cutoff, int retentionDays) {
    }

    record ArchiveRun(int files, long entries) {
    }
}
