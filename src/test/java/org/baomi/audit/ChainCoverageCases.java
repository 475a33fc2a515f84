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
            Case.recorded("AuditVerification.rotateAnchorKey", Who.AUDIT_ADMIN, "audit.chain.key-rotated",
                    t -> t.bean(AuditVerification.class).rotateAnchorKey()),
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
