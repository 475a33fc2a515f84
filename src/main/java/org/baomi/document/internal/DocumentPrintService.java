package org.baomi.document.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditTrail;
import org.baomi.document.CopyKind;
import org.baomi.document.CopyRecord;
import org.baomi.document.DocumentCopies;
import org.baomi.document.DocumentFilter;
import org.baomi.document.DocumentPermissions;
import org.baomi.document.DocumentPrints;
import org.baomi.document.DocumentSummary;
import org.baomi.document.FileSink;
import org.baomi.iam.CurrentUser;
import org.baomi.iam.PermissionGuard;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.StaffPrincipal;
import org.baomi.print.CoverSheet;
import org.baomi.print.PrintableDocument;
import org.baomi.print.Printables;
import org.baomi.print.RegisterRow;
import org.baomi.print.TraceCode;
import org.baomi.print.TraceCodes;
import org.baomi.print.TracePurpose;
import org.baomi.print.TraceRequest;
import org.baomi.print.Watermark;
import org.baomi.shared.BaomiException;
import org.baomi.shared.SecretLevel;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issue 5 items 1 and 5 (DOC-1, DOC-3, CLS-5): cover sheets, register pages and numbered copies as PDFs. */
@Service
class DocumentPrintService implements DocumentPrints {

    private final DocumentFileService files;
    private final DocumentStore documents;
    private final DocumentSearch search;
    private final DocumentCopies copies;
    private final Printables printables;
    private final TraceCodes traces;
    private final PermissionGuard guard;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;

    DocumentPrintService(DocumentFileService files, DocumentStore documents, DocumentSearch search,
            DocumentCopies copies, Printables printables, TraceCodes traces, PermissionGuard guard,
            CurrentUser currentUser, AuditTrail audit, MessageSource messages, Clock clock) {
        this.files = files;
        this.documents = documents;
        this.search = search;
        this.copies = copies;
        this.printables = printables;
        this.traces = traces;
        this.guard = guard;
        this.currentUser = currentUser;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void coverSheet(long documentId, Locale locale, FileSink sink) {
        StaffPrincipal person = currentUser.require();
        DocumentStore.Row row = files.exportable(documentId, person);
        TraceCode code = issue(person, Long.toString(documentId), row.summary().level(), TracePurpose.COVER_SHEET);
        audit.record(AuditEntry.allowed("document.cover-sheet.printed", ResourceRef.DOCUMENT, documentId,
                Map.of("traceCode", code.value())).withLevel(row.summary().level()));
        render(printables.coverSheet(sheet(row, null, locale), code, locale),
                "cover-" + row.summary().serialNo() + ".pdf", code, sink);
    }

    @Override
    @Transactional
    public void registerPages(DocumentFilter filter, Locale locale, FileSink sink) {
        StaffPrincipal person = guard.require(DocumentPermissions.REGISTER_MANAGE);
        Instant now = clock.instant();
        LocalDate today = now.atZone(clock.getZone()).toLocalDate();
        List<DocumentSummary> rows = search.find(filter, person.clearance(), today, now, 0,
                DocumentService.MAX_EXPORT_ROWS, false).rows();
        if (rows.isEmpty()) {
            throw BaomiException.invalid("document.file.error.register-empty");
        }
        DocumentSummary highest = rows.stream().max(Comparator.comparing(DocumentSummary::level)).orElseThrow();
        TraceCode code = issue(person, "register-" + today, highest.level(), TracePurpose.REGISTER_EXPORT);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rows", rows.size());
        details.put("traceCode", code.value());
        details.put("level", filter.level() == null ? "" : filter.level().name());
        details.put("status", filter.status() == null ? "" : filter.status().name());
        details.put("query", filter.query() == null ? "" : filter.query().substring(0, Math.min(100, filter.query().length())));
        audit.record(AuditEntry.allowed("document.register.printed", ResourceRef.DOCUMENT, null, details)
                .withLevel(highest.level()));
        List<RegisterRow> printed = rows.stream().map(d -> new RegisterRow(d.serialNo(), d.registeredOn(),
                d.originatingUnit(), d.title(), messages.getMessage(d.mark(), locale), d.copies(), d.custodianName(),
                "", messages.getMessage(d.status().messageKey(), null, locale))).toList();
        render(printables.registerPages(printed, messages.getMessage(highest.mark(), locale), code, locale),
                "register-" + today + ".pdf", code, sink);
    }

    @Override
    @Transactional
    public void copyPrint(long documentId, CopyKind kind, Locale locale, FileSink sink) {
        StaffPrincipal person = currentUser.require();
        // DOC-3: the approval is the right to this copy; makeCopy asks READ and uses up one approved copy.
        CopyRecord copy = copies.makeCopy(documentId, kind);
        DocumentStore.Row row = documents.find(documentId, clock.instant())
                .orElseThrow(() -> BaomiException.notFound("document.error.not-found"));
        TraceCode code = issue(person, Long.toString(documentId), row.summary().level(), TracePurpose.COPY);
        boolean pdf = row.fileId() != null && DocumentFileService.PDF.equals(row.fileMediaType());
        audit.record(AuditEntry.allowed("document.copy.printed", ResourceRef.DOCUMENT, documentId,
                Map.of("copyId", copy.id(), "number", copy.number(), "ofTotal", copy.ofTotal(),
                        "traceCode", code.value(), "form", pdf ? "file" : "cover-sheet"))
                .withLevel(row.summary().level()));
        if (pdf) {
            String holder = messages.getMessage("document.file.copy-watermark",
                    new Object[] {person.fullName(), copy.number(), copy.ofTotal()}, locale);
            files.writeWatermarked(row, new Watermark(holder, person.staffNo(), clock.instant(), code,
                    files.printedMark(row, locale)), "copy-" + copy.number() + "-" + row.fileName(), sink);
        } else {
            render(printables.coverSheet(sheet(row, copy.number(), locale), code, locale),
                    "copy-" + copy.number() + "-" + row.summary().serialNo() + ".pdf", code, sink);
        }
    }

    private TraceCode issue(StaffPrincipal person, String objectId, SecretLevel level, TracePurpose purpose) {
        return traces.issue(new TraceRequest(person.accountId(), ResourceRef.DOCUMENT, objectId, level, purpose));
    }

    private CoverSheet sheet(DocumentStore.Row row, Integer copyNo, Locale locale) {
        DocumentSummary d = row.summary();
        return new CoverSheet(d.serialNo(), d.title(), messages.getMessage(d.mark(), locale), d.originatingUnit(),
                d.copies(), copyNo, d.custodianName(), row.storagePlace(), d.registeredOn());
    }

    /** Renders in memory first, so that a failure still gets an error page instead of half a PDF. */
    private void render(PrintableDocument document, String fileName, TraceCode code, FileSink sink) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        printables.render(document, pdf);
        try {
            OutputStream out = sink.open(new FileSink.Delivery(fileName, DocumentFileService.PDF, pdf.size(),
                    code.display()));
            pdf.writeTo(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
