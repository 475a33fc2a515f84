package org.baomi.document.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.baomi.document.CopyKind;
import org.baomi.document.DocumentFileInfo;
import org.baomi.document.DocumentFiles;
import org.baomi.document.DocumentPrints;
import org.baomi.document.FileSink;
import org.baomi.shared.BaomiException;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The electronic file and the prints of a document (issue 5 items 2 and 5): upload as a raw request body (never
 * multipart, whose parts above a threshold are written to temporary files: DOC-9), downloads and PDFs streamed to
 * the response with the trace code in {@code X-Trace-Code}, never cached. The module API decides and audits.
 */
@Controller
class DocumentFileController {

    /** The file's name, percent-encoded UTF-8 (a header carries ASCII only). */
    static final String FILE_NAME_HEADER = "X-File-Name";
    static final String TRACE_HEADER = "X-Trace-Code";

    private final DocumentFiles files;
    private final DocumentPrints prints;
    private final MessageSource messages;

    DocumentFileController(DocumentFiles files, DocumentPrints prints, MessageSource messages) {
        this.files = files;
        this.prints = prints;
        this.messages = messages;
    }

    /** Called by {@code /js/document-files.js}: the answer is JSON with a translated message, success or not. */
    @PutMapping("/documents/{id}/file")
    ResponseEntity<Map<String, Object>> upload(@PathVariable String id,
            @RequestHeader(name = FILE_NAME_HEADER, required = false) String encodedName, HttpServletRequest request,
            Locale locale) throws IOException {
        long documentId = DocumentController.documentId(id);
        try {
            String name = encodedName == null ? null : URLDecoder.decode(encodedName, StandardCharsets.UTF_8);
            DocumentFileInfo stored = files.upload(documentId, name, request.getContentLengthLong(),
                    request.getInputStream());
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Map.of("fileId", stored.fileId(),
                    "message", messages.getMessage("document.file.notice.uploaded", new Object[] {stored.fileName()},
                            locale)));
        } catch (IllegalArgumentException malformedName) {
            return refused(BaomiException.invalid("document.file.error.name"), locale);
        } catch (BaomiException e) {
            return refused(e, locale);
        }
    }

    @GetMapping("/documents/{id}/file")
    void download(@PathVariable String id, HttpServletResponse response) {
        files.download(DocumentController.documentId(id), sink(response, false));
    }

    @GetMapping("/documents/{id}/cover-sheet")
    void coverSheet(@PathVariable String id, Locale locale, HttpServletResponse response) {
        prints.coverSheet(DocumentController.documentId(id), locale, sink(response, false));
    }

    @GetMapping("/documents/register.pdf")
    void registerPages(@ModelAttribute("filter") DocumentFilterForm filter, Locale locale,
            HttpServletResponse response) {
        prints.registerPages(filter.toFilter(), locale, sink(response, false));
    }

    @PostMapping("/documents/{id}/copies/print")
    void copyPrint(@PathVariable String id, @RequestParam(required = false) String kind, Locale locale,
            HttpServletResponse response) {
        CopyKind parsed = Forms.choice(CopyKind.class, kind);
        if (parsed == null || parsed == CopyKind.CARRY_OUT) {
            throw BaomiException.invalid("document.file.error.copy-kind");
        }
        prints.copyPrint(DocumentController.documentId(id), parsed, locale, sink(response, false));
    }

    private ResponseEntity<Map<String, Object>> refused(BaomiException e, Locale locale) {
        return ResponseEntity.status(statusOf(e.kind())).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("message", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale)));
    }

    private static int statusOf(BaomiException.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_MANY_REQUESTS -> 429;
        };
    }

    /** Headers are set only when the module opens the sink, after every check: an earlier refusal gets a page. */
    static FileSink sink(HttpServletResponse response, boolean inline) {
        return delivery -> {
            ContentDisposition.Builder disposition = inline ? ContentDisposition.inline()
                    : ContentDisposition.attachment();
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                    disposition.filename(delivery.fileName(), StandardCharsets.UTF_8).build().toString());
            response.setContentType(delivery.mediaType());
            if (delivery.length() >= 0) {
                response.setContentLengthLong(delivery.length());
            }
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setHeader(TRACE_HEADER, delivery.traceCode());
            OutputStream out = response.getOutputStream();
            return out;
        };
    }
}
