package org.baomi.audit;

import java.util.List;
import java.util.Map;

import org.baomi.audit.AuditCoverageTest.Case;
import org.baomi.audit.AuditCoverageTest.Who;
import org.baomi.print.TraceCodes;
import org.baomi.print.TracePurpose;
import org.baomi.print.TraceRequest;
import org.baomi.shared.SecretLevel;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit coverage cases of the print module (issue 5 item 5; AUD-1, DOC-3), collected by {@link AuditCoverageTest}:
 * issuing a trace code with an export and looking one up are recorded; rendering and watermarking only transform
 * bytes the calling module has already decided to hand out, under a trace code whose issue is audited.
 */
final class PrintCoverageCases {

    private PrintCoverageCases() {
    }

    static final List<Case> CASES = List.of(
            Case.recorded("TraceCodes.issue", Who.OFFICE, "print.trace.issued", t -> issue(t)),
            Case.recorded("TraceCodes.lookup", Who.OFFICE, "print.trace.looked-up",
                    t -> t.bean(TraceCodes.class).lookup(issue(t))));

    private static final String RENDERING = "renders or stamps bytes in memory for a module that has already decided "
            + "the person may have them; that module issues the copy's trace code (TraceCodes.issue, audited) in the "
            + "same transaction, and nothing is read from the database here";

    static final Map<String, String> NOT_SECURITY_RELEVANT = Map.ofEntries(
            Map.entry("PdfWatermarks.stamp", RENDERING),
            Map.entry("PdfDocuments.renderText", RENDERING),
            Map.entry("PdfDocuments.renderImage", RENDERING),
            Map.entry("Printables.render", RENDERING),
            Map.entry("Printables.coverSheet", "arranges data the caller holds into a printable; " + RENDERING),
            Map.entry("Printables.registerPages", "arranges data the caller holds into a printable; " + RENDERING),
            Map.entry("Printables.destructionCertificate", "arranges data the caller holds into a printable; "
                    + RENDERING),
            Map.entry("TraceSource.find", "service provider interface asked by the audited trace lookup "
                    + "(TraceCodes.lookup, covered), which records the holder it finds"));

    private static String issue(AuditCoverageTest t) {
        long reader = t.accounts.staff().id();
        return new TransactionTemplate(t.bean(PlatformTransactionManager.class)).execute(s -> t.bean(TraceCodes.class)
                .issue(new TraceRequest(reader, "document", "coverage", SecretLevel.SECRET, TracePurpose.DOWNLOAD)))
                .value();
    }
}
