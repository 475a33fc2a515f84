package org.baomi.audit;

import java.util.List;
import java.util.Map;

import org.baomi.audit.AuditCoverageTest.Case;
import org.baomi.audit.AuditCoverageTest.Who;
import org.baomi.document.CirculationDraft;
import org.baomi.document.CirculationMode;
import org.baomi.document.Direction;
import org.baomi.document.DocumentCirculation;
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
