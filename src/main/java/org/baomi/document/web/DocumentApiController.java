package org.baomi.document.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.baomi.document.Direction;
import org.baomi.document.DocumentDetail;
import org.baomi.document.DocumentEvent;
import org.baomi.document.DocumentFilter;
import org.baomi.document.DocumentStatus;
import org.baomi.document.DocumentSummary;
import org.baomi.document.DocumentsOnBehalf;
import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.iam.ResultPage;
import org.baomi.shared.SecretLevel;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The register for other hospital systems (issue 5 item 4): search, one document, its file — each for the staff member
 * the client names ({@code staffNo}), decided and audited as on the pages ({@link DocumentsOnBehalf}). Token scopes
 * {@code document:register:read} and {@code document:file:export}. Marks ("机密★10年") in the request's language
 * ({@code Accept-Language}). Errors are RFC 9457 problems; bad parameters are listed field by field.
 */
@RestController
@RequestMapping(path = "/api/v1/documents", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Documents", description = "The register of classified documents, for a named staff member")
class DocumentApiController {

    private final DocumentsOnBehalf documents;
    private final MessageSource messages;

    DocumentApiController(DocumentsOnBehalf documents, MessageSource messages) {
        this.documents = documents;
        this.messages = messages;
    }

    /** One row of the register as the API shows it. */
    record DocumentRow(long id, String serialNo, String direction, String title, String docNumber,
            String originatingUnit, String categoryCode, String level, String mark, LocalDate declassifyOn, int copies,
            String custodianName, String status, LocalDate registeredOn, boolean overdue) {
    }

    /** A page of rows. */
    record DocumentPage(List<DocumentRow> items, long total, int page, int size) {
    }

    /** A history event. */
    record Event(Instant occurredAt, String actorName, String action, String detail) {
    }

    /** A document's entry, its file's facts (never its content) and its history. */
    record DocumentEntry(DocumentRow document, String storagePlace, String fileName, Long fileSize,
            String fileMediaType, String registeredByName, Instant registeredAt, List<Event> history) {
    }

    @GetMapping
    @Operation(summary = "Search the register for a staff member", description = "Scope document:register:read. The "
            + "named person must keep the register (document:register:manage); rows up to their clearance. Filters: "
            + "q, level, category, status, direction, dueWithinDays (0..3650), overdue; page from 0, size 1..100. "
            + "Audited as document.register.searched and document.api.on-behalf.")
    DocumentPage search(@RequestParam(required = false) String staffNo, @RequestParam(required = false) String q,
            @RequestParam(required = false) String level, @RequestParam(required = false) String category,
            @RequestParam(required = false) String status, @RequestParam(required = false) String direction,
            @RequestParam(required = false) String dueWithinDays,
            @RequestParam(defaultValue = "false") String overdue, @RequestParam(defaultValue = "0") String page,
            @RequestParam(defaultValue = "20") String size, HttpServletRequest request) {
        Locale locale = localeOf(request);
        List<FieldProblem> problems = new ArrayList<>();
        SecretLevel parsedLevel = Forms.choice(SecretLevel.class, level);
        Forms.checkChoice(level, parsedLevel, "level", problems);
        DocumentStatus parsedStatus = Forms.choice(DocumentStatus.class, status);
        Forms.checkChoice(status, parsedStatus, "status", problems);
        Direction parsedDirection = Forms.choice(Direction.class, direction);
        Forms.checkChoice(direction, parsedDirection, "direction", problems);
        Integer due = Forms.integer(dueWithinDays);
        if (dueWithinDays != null && !dueWithinDays.isBlank() && (due == null || due > 3650)) {
            problems.add(new FieldProblem("dueWithinDays", "document.error.number"));
        }
        if (!"true".equals(overdue) && !"false".equals(overdue)) {
            problems.add(new FieldProblem("overdue", "document.error.choice"));
        }
        Integer p = Forms.integer(page);
        Integer s = Forms.integer(size);
        if (p == null || p > 100_000) {
            problems.add(new FieldProblem("page", "document.error.page"));
        }
        if (s == null || s < 1 || s > 100) {
            problems.add(new FieldProblem("size", "document.api.error.size"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ResultPage<DocumentSummary> found = documents.search(staffNo, new DocumentFilter(
                q == null || q.isBlank() ? null : q.strip(), parsedLevel,
                category == null || category.isBlank() ? null : category.strip(), null, parsedStatus, parsedDirection,
                due, "true".equals(overdue), p, s));
        return new DocumentPage(found.rows().stream().map(d -> row(d, locale)).toList(), found.total(), found.page(),
                found.size());
    }

    @GetMapping("/{id}")
    @Operation(summary = "A document's entry and history for a staff member", description = "Scope "
            + "document:register:read. The access policy's READ for the named person (custodian, distribution, "
            + "grant...). Audited as document.viewed and document.api.on-behalf.")
    DocumentEntry document(@PathVariable String id, @RequestParam(required = false) String staffNo,
            HttpServletRequest request) {
        Locale locale = localeOf(request);
        DocumentDetail d = documents.document(staffNo, DocumentController.documentId(id));
        return new DocumentEntry(row(d.summary(), locale), d.storagePlace(), d.fileName(), d.fileSize(),
                d.fileMediaType(), d.registeredByName(), d.registeredAt(),
                d.history().stream().map(DocumentApiController::event).toList());
    }

    @GetMapping(path = "/{id}/file", produces = MediaType.ALL_VALUE)
    @Operation(summary = "A document's electronic file for a staff member", description = "Scope document:file:export. "
            + "The access policy's EXPORT for the named person; a trace code issued to them (X-Trace-Code); PDFs "
            + "watermarked with their name, staff number, the time and the code. Audited as document.file.downloaded "
            + "and document.api.on-behalf.")
    void file(@PathVariable String id, @RequestParam(required = false) String staffNo, HttpServletResponse response) {
        documents.file(staffNo, DocumentController.documentId(id), DocumentFileController.sink(response, false));
    }

    /**
     * The API's language, as for its problem details (MessageProblemFactory): English when Accept-Language asks for it
     * before Chinese, Simplified Chinese otherwise — integration clients have no language cookie.
     */
    static Locale localeOf(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        java.util.Enumeration<Locale> locales = request.getLocales();
        while (locales.hasMoreElements()) {
            String language = locales.nextElement().getLanguage();
            if ("en".equals(language)) {
                return Locale.ENGLISH;
            }
            if ("zh".equals(language)) {
                return Locale.SIMPLIFIED_CHINESE;
            }
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    private DocumentRow row(DocumentSummary d, Locale locale) {
        return new DocumentRow(d.id(), d.serialNo(), d.direction().name(), d.title(), d.docNumber(),
                d.originatingUnit(), d.categoryCode(), d.level().name(), messages.getMessage(d.mark(), locale),
                d.declassifyOn(), d.copies(), d.custodianName(), d.status().name(), d.registeredOn(), d.overdue());
    }

    private static Event event(DocumentEvent e) {
        return new Event(e.occurredAt(), e.actorName(), e.action(), e.detail());
    }
}
