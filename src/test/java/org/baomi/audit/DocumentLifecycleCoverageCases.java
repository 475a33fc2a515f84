package org.baomi.audit;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Map;

import org.baomi.audit.AuditCoverageTest.Case;
import org.baomi.audit.AuditCoverageTest.Who;
import org.baomi.document.DestructionMethod;
import org.baomi.document.DestructionRequest;
import org.baomi.document.Direction;
import org.baomi.document.CirculationDraft;
import org.baomi.document.CirculationMode;
import org.baomi.document.DocumentCirculation;
import org.baomi.document.DocumentDeclassificationReview;
import org.baomi.document.DocumentDestruction;
import org.baomi.document.DocumentDraft;
import org.baomi.document.DocumentLoss;
import org.baomi.document.DocumentRegister;
import org.baomi.document.LossKind;
import org.baomi.document.LossReport;
import org.baomi.document.DocumentYearEndReturn;
import org.baomi.document.ReturnItem;
import org.baomi.iam.internal.access.AccessChangeFeed;
import org.baomi.shared.SecretLevel;
import org.baomi.test.SignedIn;
import org.baomi.test.TestAccounts;

/**
 * The audit coverage cases of a document's end of life (issue 5; AUD-1, DOC-7, DOC-8), collected by
 * {@link AuditCoverageTest}. The office person registers and keeps their own contracts (秘密 by default).
 */
final class DocumentLifecycleCoverageCases {

    private DocumentLifecycleCoverageCases() {
    }

    static final List<Case> CASES = List.of(
            Case.recorded("DocumentDestruction.request", Who.OFFICE, "document.destruction.requested",
                    t -> requested(t)),
            Case.refused("DocumentDestruction.perform", Who.OFFICE, "document.destruction.refused",
                    t -> t.bean(DocumentDestruction.class).perform(requested(t))),
            Case.refused("DocumentDestruction.confirm", Who.DOCTOR, "document.destruction.refused", t -> {
                // a person without the supervising permission (DOC-7)
                long id = SignedIn.as(t.accounts.authenticationOf(t.person(Who.OFFICE)), () -> requested(t));
                t.bean(DocumentDestruction.class).confirm(id);
            }),
            Case.refused("DocumentDestruction.certificate", Who.DOCTOR, "document.destruction.refused", t -> {
                long id = SignedIn.as(t.accounts.authenticationOf(t.person(Who.OFFICE)), () -> requested(t));
                t.bean(DocumentDestruction.class).certificate(id, java.util.Locale.ENGLISH,
                        java.io.OutputStream.nullOutputStream());
            }),
            Case.recorded("DocumentDestruction.destructionsOf", Who.OFFICE, "document.destruction.listed",
                    t -> t.bean(DocumentDestruction.class).destructionsOf(registered(t))),
            Case.recorded("DocumentLoss.report", Who.OFFICE, "document.loss.reported",
                    t -> reported(t)),
            Case.recorded("DocumentLoss.closeIncident", Who.OFFICE, "document.incident.closed",
                    t -> t.bean(DocumentLoss.class).closeIncident(reported(t), "coverage")),
            Case.recorded("DocumentLoss.incidentsOf", Who.OFFICE, "document.incident.listed",
                    t -> t.bean(DocumentLoss.class).incidentsOf(registered(t))),
            Case.recorded("DocumentLoss.hold", Who.OFFICE, "document.hold.set",
                    t -> t.bean(DocumentLoss.class).hold(registered(t), "coverage")),
            Case.recorded("DocumentYearEndReturn.open", Who.OFFICE, "document.year-end.opened",
                    t -> campaign(t)),
            Case.recorded("DocumentYearEndReturn.items", Who.OFFICE, "document.year-end.listed",
                    t -> t.bean(DocumentYearEndReturn.class).items(campaign(t))),
            Case.recorded("DocumentYearEndReturn.export", Who.OFFICE, "document.year-end.exported",
                    t -> t.bean(DocumentYearEndReturn.class).export(campaign(t), java.util.Locale.ENGLISH)),
            Case.denied("DocumentYearEndReturn.campaignOf",
                    t -> t.bean(DocumentYearEndReturn.class).campaignOf(2026)),
            Case.denied("DocumentYearEndReturn.progress",
                    t -> t.bean(DocumentYearEndReturn.class).progress(1L)),
            Case.refused("DocumentYearEndReturn.confirmReturn", Who.DOCTOR, "document.year-end.refused", t -> {
                long item = SignedIn.as(t.accounts.authenticationOf(t.person(Who.OFFICE)), () -> returnItem(t));
                t.bean(DocumentYearEndReturn.class).confirmReturn(item);
            }),
            Case.recorded("DocumentDeclassificationReview.extend", Who.PRESIDENT,
                    "document.declassification.extended", t -> t.bean(DocumentDeclassificationReview.class)
                            .extend(asOffice(t), java.time.LocalDate.of(2035, 1, 1), "coverage")),
            Case.recorded("DocumentDeclassificationReview.dueForReview", Who.PRESIDENT,
                    "document.declassification.review-listed", t -> {
                        // CLS-4: a contract whose period ends within the 30 days, which the president may review
                        SignedIn.as(t.accounts.authenticationOf(t.person(Who.OFFICE)), () -> dueSoon(t));
                        t.bean(DocumentDeclassificationReview.class).dueForReview();
                    }),
            Case.recorded("DocumentYearEndReturn.toConfirm", Who.OFFICE, "document.year-end.listed", t -> {
                // the office person keeps the contract a fresh reader holds when the campaign opens
                circulatedToAFreshReader(t);
                campaign(t);
                t.bean(DocumentYearEndReturn.class).toConfirm();
            }),
            Case.recorded("DocumentDestruction.toConfirm", Who.OFFICE, "document.destruction.listed", t -> {
                // a destruction performed by somebody else awaits the office person's confirmation (DOC-7); the
                // row is written directly: the approval round-trip is DestructionTest's and WorklistWebTest's
                long document = registered(t);
                t.bean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("INSERT INTO doc_destruction "
                        + "(document_id, approval_id, requester_id, requester_name, method, place, reason, status, "
                        + "requested_at, performer_id, performer_name, performed_at) VALUES (:d, :a, 0, 'Coverage', "
                        + "'SHREDDING', 'Coverage room', 'coverage', 'PERFORMED', now(), 0, 'Coverage', now())")
                        .param("d", document).param("a", -System.nanoTime()).update();
                t.bean(DocumentDestruction.class).toConfirm();
            }),
            Case.recorded("DocumentDeclassificationReview.downgrade", Who.PRESIDENT,
                    "document.declassification.downgraded", t -> t.bean(DocumentDeclassificationReview.class)
                            .downgrade(asOffice(t), org.baomi.shared.SecretLevel.INTERNAL, "coverage")),
            Case.recorded("DocumentDeclassificationReview.letLapse", Who.PRESIDENT,
                    "document.declassification.lapse-confirmed", t -> t.bean(DocumentDeclassificationReview.class)
                            .letLapse(asOffice(t), "coverage")),
            Case.recorded("DocumentLoss.releaseHold", Who.OFFICE, "document.hold.released", t -> {
                long id = registered(t);
                t.bean(DocumentLoss.class).hold(id, "coverage");
                t.bean(DocumentLoss.class).releaseHold(id);
            }));

    static final Map<String, String> NOT_SECURITY_RELEVANT = Map.of(
            "DocumentYearEndReturn.outstandingItemsOf", "a count for the people module's departure check; reveals "
                    + "no document, and the caller audits the decision it takes with it");

    /** Campaign years of these cases: above the years tests open (YearEndReturnTest: 2090). */
    private static final AtomicInteger YEARS = new AtomicInteger(2091);

    private static long campaign(AuditCoverageTest t) {
        return t.bean(DocumentYearEndReturn.class).open(YEARS.incrementAndGet());
    }

    /** The office person's contract circulated to a fresh reader, who holds it: the reader. */
    private static TestAccounts.Created circulatedToAFreshReader(AuditCoverageTest t) {
        TestAccounts.Created reader = t.accounts.create(TestAccounts.person().clearance(SecretLevel.SECRET)
                .roles("staff", "doctor"));
        t.bean(AccessChangeFeed.class).poll();
        t.bean(DocumentCirculation.class).send(registered(t), new CirculationDraft(List.of(reader.staffNo()),
                CirculationMode.PARALLEL, false));
        return reader;
    }

    /** A contract of the office person whose period ends in ten days (CLS-4). */
    private static long dueSoon(AuditCoverageTest t) {
        java.time.Clock clock = t.bean(java.time.Clock.class);
        long id = t.bean(DocumentRegister.class).register(new DocumentDraft(Direction.RECEIPT,
                "Coverage due " + System.nanoTime(), null, "Coverage unit", "MGMT-CONTRACT", null,
                new org.baomi.document.ConfidentialityTerm(org.baomi.classification.PeriodKind.YEARS, null,
                        clock.instant().atZone(clock.getZone()).toLocalDate().plusDays(10), null), 1,
                t.person(Who.OFFICE).staffNo(), null, null));
        t.bean(AccessChangeFeed.class).poll();
        return id;
    }

    /** A year-end item: the office person's contract circulated to a fresh reader, listed by a new campaign. */
    private static long returnItem(AuditCoverageTest t) {
        TestAccounts.Created reader = circulatedToAFreshReader(t);
        long campaign = campaign(t);
        return t.bean(DocumentYearEndReturn.class).items(campaign).stream()
                .filter(i -> i.holderId() == reader.id()).mapToLong(ReturnItem::id).findFirst().orElseThrow();
    }

    /** A contract registered by the office person, for a case run by somebody else. */
    private static long asOffice(AuditCoverageTest t) {
        return SignedIn.as(t.accounts.authenticationOf(t.person(Who.OFFICE)), () -> registered(t));
    }

    private static long requested(AuditCoverageTest t) {
        return t.bean(DocumentDestruction.class).request(new DestructionRequest(registered(t),
                DestructionMethod.SHREDDING, "Coverage room", "coverage"));
    }

    private static long reported(AuditCoverageTest t) {
        return t.bean(DocumentLoss.class).report(new LossReport(registered(t), null, LossKind.LOST, "coverage"));
    }

    private static long registered(AuditCoverageTest t) {
        long id = t.bean(DocumentRegister.class).register(new DocumentDraft(Direction.RECEIPT,
                "Coverage lifecycle " + System.nanoTime(), null, "Coverage unit", "MGMT-CONTRACT", null, null, 1,
                t.person(Who.OFFICE).staffNo(), null, null));
        t.bean(AccessChangeFeed.class).poll();
        return id;
    }
}
