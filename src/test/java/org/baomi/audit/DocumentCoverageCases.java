package org.baomi.audit;

import java.util.List;
import java.util.Map;

import org.baomi.audit.AuditCoverageTest.Case;
import org.baomi.audit.AuditCoverageTest.Who;
import org.baomi.document.CirculationDraft;
import org.baomi.document.CirculationMode;
import org.baomi.document.Direction;
import org.baomi.document.CopyKind;
import org.baomi.document.CopyRequest;
import org.baomi.document.DocumentCirculation;
import org.baomi.document.DocumentCopies;
import org.baomi.document.DocumentDeclassification;
import org.baomi.document.DocumentDraft;
import org.baomi.document.DocumentFilter;
import org.baomi.document.DocumentRegister;
import org.baomi.iam.internal.access.AccessChangeFeed;
import org.baomi.shared.SecretLevel;
import org.baomi.test.SignedIn;
import org.baomi.test.TestAccounts;

/**
 * The audit coverage cases of the document register and circulation (issue 5; AUD-1, DOC-2, DOC-5), collected by
 * {@link AuditCoverageTest}. The office person registers documents they keep themselves (a received contract,
 * 秘密 by default, needs no classifier), so each case has its own documents.
 */
final class DocumentCoverageCases {

    private DocumentCoverageCases() {
    }

    static final List<Case> CASES = List.of(
            // issue 5 item 4: only an API client with the scope acts for a named person; anybody else is refused and
            // the refusal audited (the client's own calls: DocumentApiTest)
            Case.refused("DocumentsOnBehalf.search", Who.OFFICE, "access.denied", t -> t.bean(
                    org.baomi.document.DocumentsOnBehalf.class).search(t.person(Who.OFFICE).staffNo(),
                    DocumentFilter.firstPage())),
            Case.refused("DocumentsOnBehalf.document", Who.OFFICE, "access.denied", t -> t.bean(
                    org.baomi.document.DocumentsOnBehalf.class).document(t.person(Who.OFFICE).staffNo(), 1L)),
            Case.refused("DocumentsOnBehalf.file", Who.OFFICE, "access.denied", t -> t.bean(
                    org.baomi.document.DocumentsOnBehalf.class).file(t.person(Who.OFFICE).staffNo(), 1L,
                    delivery -> java.io.OutputStream.nullOutputStream())),
            Case.recorded("DocumentRegister.register", Who.OFFICE, "document.registered",
                    t -> t.bean(DocumentRegister.class).register(draft(t, "MGMT-CONTRACT"))),
            Case.recorded("DocumentRegister.show", Who.OFFICE, "document.viewed",
                    t -> t.bean(DocumentRegister.class).show(registered(t, "MGMT-CONTRACT"))),
            Case.recorded("DocumentRegister.search", Who.OFFICE, "document.register.searched",
                    t -> t.bean(DocumentRegister.class).search(DocumentFilter.firstPage())),
            Case.recorded("DocumentRegister.export", Who.OFFICE, "document.register.exported",
                    t -> t.bean(DocumentRegister.class).export(DocumentFilter.firstPage(), java.util.Locale.ENGLISH)),
            Case.recorded("DocumentCirculation.send", Who.OFFICE, "document.circulated",
                    t -> t.bean(DocumentCirculation.class).send(registered(t, "MGMT-CONTRACT"),
                            new CirculationDraft(List.of(reader(t).staffNo()), CirculationMode.PARALLEL, false))),
            Case.recorded("DocumentCirculation.widen", Who.OFFICE, "document.circulation.widened",
                    t -> t.bean(DocumentCirculation.class).widen(circulating(t, "MGMT-CONTRACT", reader(t)),
                            List.of(reader(t).staffNo()))),
            Case.recorded("DocumentCirculation.close", Who.OFFICE, "document.returned",
                    t -> t.bean(DocumentCirculation.class).close(circulating(t, "MGMT-CONTRACT", reader(t)))),
            Case.recorded("DocumentCirculation.sign", Who.DOCTOR, "document.signed", t -> {
                // an internal notice circulated by the office to the doctor, who signs it
                TestAccounts.Created doctor = t.person(Who.DOCTOR);
                long circulation = SignedIn.as(t.accounts.authenticationOf(t.person(Who.OFFICE)),
                        () -> circulating(t, "MGMT-GENERAL", doctor));
                t.bean(DocumentCirculation.class).sign(circulation);
            }),
            Case.recorded("DocumentCopies.request", Who.OFFICE, "document.copy.requested",
                    t -> t.bean(DocumentCopies.class).request(new CopyRequest(registered(t, "MGMT-CONTRACT"),
                            CopyKind.COPY, 1, null, "coverage"))),
            Case.refused("DocumentCopies.makeCopy", Who.OFFICE, "document.copy.refused",
                    t -> t.bean(DocumentCopies.class).makeCopy(registered(t, "MGMT-CONTRACT"), CopyKind.COPY)),
            Case.refused("DocumentCopies.returnCopy", Who.DOCTOR, "document.copy.refused",
                    t -> t.bean(DocumentCopies.class).returnCopy(approvedCopy(t))),
            Case.refused("DocumentCopies.returnCarriedOut", Who.DOCTOR, "document.copy.refused",
                    t -> t.bean(DocumentCopies.class).returnCarriedOut(carriedOut(t))),
            Case.recorded("DocumentCopies.copiesOf", Who.OFFICE, "access.decision",
                    t -> t.bean(DocumentCopies.class).copiesOf(registered(t, "MGMT-CONTRACT"))),
            Case.recorded("DocumentCopies.carryOutsOf", Who.OFFICE, "access.decision",
                    t -> t.bean(DocumentCopies.class).carryOutsOf(registered(t, "MGMT-CONTRACT"))),
            Case.recorded("DocumentDeclassification.declassifyDue", Who.MODULE, "document.declassified", t -> {
                long document = SignedIn.as(t.accounts.authenticationOf(t.person(Who.OFFICE)),
                        () -> registered(t, "MGMT-CONTRACT"));
                t.jdbc.sql("UPDATE doc_document SET declassify_on = DATE '2000-01-01' WHERE id = :id")
                        .param("id", document).update();
                t.bean(DocumentDeclassification.class).declassifyDue();
            }),
            Case.recorded("DocumentCirculation.flagOverdue", Who.MODULE, "document.circulation.overdue", t -> {
                long circulation = SignedIn.as(t.accounts.authenticationOf(t.person(Who.OFFICE)),
                        () -> circulating(t, "MGMT-CONTRACT", reader(t)));
                t.jdbc.sql("UPDATE doc_circulation SET due_at = started_at - INTERVAL '1 minute' WHERE id = :id")
                        .param("id", circulation).update();
                t.bean(DocumentCirculation.class).flagOverdue();
            }));

    static final Map<String, String> NOT_SECURITY_RELEVANT = Map.ofEntries(
            Map.entry("DocumentRegister.kept", "the caller's own documents' register entries; opening any is "
                    + "audited (DocumentRegister.show)"),
            Map.entry("DocumentRegister.defaultsFor", "a category's default level and period: public regulatory text"),
            Map.entry("DocumentCirculation.inbox", "the caller's own circulation inbox; opening any document is "
                    + "audited (DocumentRegister.show)"));

    /** A copy record made directly (the approval round trip is CopyTest's): a copy the office person holds. */
    private static long approvedCopy(AuditCoverageTest t) {
        long document = SignedIn.as(t.accounts.authenticationOf(t.person(Who.OFFICE)),
                () -> registered(t, "MGMT-CONTRACT"));
        long request = t.jdbc.sql("INSERT INTO doc_copy_request (document_id, kind, approval_id, requester_id, "
                + "requester_name, copies, status, requested_at) VALUES (:d, 'COPY', -:d, :p, 'Coverage', 1, "
                + "'APPROVED', now()) RETURNING id").param("d", document).param("p", t.person(Who.OFFICE).id())
                .query(Long.class).single();
        return t.jdbc.sql("INSERT INTO doc_copy (document_id, request_id, kind, copy_no, of_total, holder_id, "
                + "holder_name, status, authorised_at) VALUES (:d, :r, 'COPY', 1, 1, :p, 'Coverage', 'AUTHORISED', "
                + "now()) RETURNING id").param("d", document).param("r", request).param("p", t.person(Who.OFFICE).id())
                .query(Long.class).single();
    }

    private static long carriedOut(AuditCoverageTest t) {
        long document = SignedIn.as(t.accounts.authenticationOf(t.person(Who.OFFICE)),
                () -> registered(t, "MGMT-CONTRACT"));
        long request = t.jdbc.sql("INSERT INTO doc_copy_request (document_id, kind, approval_id, requester_id, "
                + "requester_name, destination, status, requested_at) VALUES (:d, 'CARRY_OUT', -:d, :p, 'Coverage', "
                + "'Coverage', 'APPROVED', now()) RETURNING id").param("d", document)
                .param("p", t.person(Who.OFFICE).id()).query(Long.class).single();
        return t.jdbc.sql("INSERT INTO doc_carry_out (document_id, request_id, holder_id, holder_name, destination, "
                + "authorised_at) VALUES (:d, :r, :p, 'Coverage', 'Coverage', now()) RETURNING id")
                .param("d", document).param("r", request).param("p", t.person(Who.OFFICE).id())
                .query(Long.class).single();
    }

    private static DocumentDraft draft(AuditCoverageTest t, String category) {
        return new DocumentDraft(Direction.RECEIPT, "Coverage " + System.nanoTime(), null, "Coverage unit", category,
                null, null, 1, t.person(Who.OFFICE).staffNo(), null, null);
    }

    private static long registered(AuditCoverageTest t, String category) {
        long id = t.bean(DocumentRegister.class).register(draft(t, category));
        t.bean(AccessChangeFeed.class).poll();
        return id;
    }

    private static long circulating(AuditCoverageTest t, String category, TestAccounts.Created reader) {
        long id = t.bean(DocumentCirculation.class).send(registered(t, category),
                new CirculationDraft(List.of(reader.staffNo()), CirculationMode.PARALLEL, false));
        t.bean(AccessChangeFeed.class).poll();
        return id;
    }

    /** A fresh reader cleared for 秘密 who may read documents. */
    private static TestAccounts.Created reader(AuditCoverageTest t) {
        TestAccounts.Created reader = t.accounts.create(TestAccounts.person().clearance(SecretLevel.SECRET)
                .roles("staff", "doctor"));
        t.bean(AccessChangeFeed.class).poll();
        return reader;
    }
}
