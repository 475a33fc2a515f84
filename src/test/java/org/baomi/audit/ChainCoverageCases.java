package org.baomi.audit;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.baomi.audit.AuditCoverageTest.Case;
import org.baomi.audit.AuditCoverageTest.Who;

/**
 * The audit coverage cases of the tamper-evident chain (AUD-3, AUD-4), collected by {@link AuditCoverageTest}:
 * the audit administrator's verification and key rotation are recorded; the reads of its progress are guarded and
 * a refusal is recorded.
 */
final class ChainCoverageCases {

    private ChainCoverageCases() {
    }

    static final List<Case> CASES = List.of(
            Case.recorded("AuditVerification.verify", Who.AUDIT_ADMIN, "audit.chain.verified",
                    t -> t.bean(AuditVerification.class).verify(VerificationMode.INCREMENTAL)),
            Case.recorded("AuditVerification.start", Who.AUDIT_ADMIN, "audit.chain.verification-started", t -> {
                t.bean(AuditVerification.class).start(VerificationMode.INCREMENTAL);
                awaitEndOfRun(t);
            }),
            Case.denied("AuditVerification.progress", t -> t.bean(AuditVerification.class).progress()),
            Case.denied("AuditVerification.latest", t -> t.bean(AuditVerification.class).latest()),
            Case.recorded("AuditVerification.rotateAnchorKey", Who.SECURITY_ADMIN, "audit.chain.key-rotated",
                    t -> t.bean(AuditVerification.class).rotateAnchorKey()),
            Case.denied("AuditVerification.currentAnchorKey",
                    t -> t.bean(AuditVerification.class).currentAnchorKey()),
            // Issue 8 item 8: an evidence package is an export of trail content, recorded in its transaction.
            Case.recorded("AuditEvidence.export", Who.AUDIT_ADMIN, "audit.evidence.exported",
                    t -> t.bean(AuditEvidence.class).export(AuditFilter.none().withPatient("COV-EVIDENCE"), "COV-1")),
            // Issue 8 item 6: guarded; each archive file written is recorded (audit.archive.written), which a fresh
            // database with nothing 180 days old cannot show here (EvidencePackageTest covers the writer).
            Case.denied("AuditArchives.list", t -> t.bean(AuditArchives.class).list()),
            Case.denied("AuditArchives.eligibility", t -> t.bean(AuditArchives.class).eligibility()),
            Case.denied("AuditArchives.archiveEligible", t -> t.bean(AuditArchives.class).archiveEligible()),
            Case.recorded("AuditArchives.start", Who.AUDIT_ADMIN, "audit.archive.started", t -> {
                t.bean(AuditArchives.class).start();
                awaitEndOfArchive(t);
            }),
            Case.denied("AuditArchives.progress", t -> t.bean(AuditArchives.class).progress()),
            // A module-to-module call (an integration importing another system's log): the import is recorded.
            Case.recorded("AuditImport.importEvents", Who.MODULE, "audit.import",
                    t -> t.bean(AuditImport.class).importEvents("coverage", List.of(new AuditImport.ExternalAuditEvent(
                            java.time.Instant.parse("2026-11-01T00:00:00Z"), new AuditEntry(new AuditActor(1L,
                                    "External", null, ActorKind.PERSON, null, null), "external.read", "document",
                                    "EXT-1", null, AuditOutcome.ALLOWED, null, Map.of()))).iterator())));

    static final Map<String, String> NOT_SECURITY_RELEVANT = Map.ofEntries(
            Map.entry("AuditChain.sealPending", "seals what is already recorded (the sealer does it by itself every "
                    + "seal interval); shows nothing and changes no entry"),
            Map.entry("AuditChain.status", "head, segment, backlog and latest anchor: numbers about the chain, no "
                    + "entry content (documented)"),
            Map.entry("AuditChain.positionOf", "where an entry stands in the chain, no content; the console shows it "
                    + "only beside an entry read through the audited AuditReview.entry"),
            Map.entry("AuditChain.positionsOf", "as AuditChain.positionOf, for a page of the audited console"));

    /** A background archive run must not outlive its case either (a later start would be refused). */
    private static void awaitEndOfArchive(AuditCoverageTest t) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (t.bean(AuditArchives.class).progress().map(AuditArchives.ArchiveProgress::running).orElse(false)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the background archive run did not end within 2 minutes");
            }
            Thread.onSpinWait();
        }
    }

    /**
     * A background run must not outlive its case: a later verification (here or in another test) would be refused
     * as CONFLICT while it goes on.
     */
    private static void awaitEndOfRun(AuditCoverageTest t) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (t.bean(AuditVerification.class).progress().map(VerificationProgress::running).orElse(false)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the background verification did not end within 2 minutes");
            }
            Thread.onSpinWait();
        }
    }
}
