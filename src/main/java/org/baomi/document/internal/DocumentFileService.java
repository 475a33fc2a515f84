package org.baomi.document.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditTrail;
import org.baomi.document.DocumentFileInfo;
import org.baomi.document.DocumentFiles;
import org.baomi.document.DocumentStatus;
import org.baomi.document.FileSink;
import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessContext;
import org.baomi.iam.AccessPolicy;
import org.baomi.iam.AccessRequest;
import org.baomi.iam.CurrentUser;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.StaffPrincipal;
import org.baomi.print.PdfWatermarks;
import org.baomi.print.TraceCode;
import org.baomi.print.TraceCodes;
import org.baomi.print.TracePurpose;
import org.baomi.print.TraceRequest;
import org.baomi.print.Watermark;
import org.baomi.shared.BaomiException;
import org.baomi.vault.EncryptedFiles;
import org.baomi.vault.LevelMark;
import org.baomi.vault.StoredFileInfo;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/** Issue 5 items 2 and 5 (DOC-9, DOC-3): a document's electronic file into and out of the vault. */
@Service
class DocumentFileService implements DocumentFiles {

    static final String PDF = "application/pdf";

    private final DocumentStore documents;
    private final DocumentFileStore files;
    private final FileMarks marks;
    private final EncryptedFiles vault;
    private final TraceCodes traces;
    private final PdfWatermarks watermarks;
    private final AccessPolicy access;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;
    private final long maxFileSize;
    private final long maxWatermarkSize;

    DocumentFileService(DocumentStore documents, DocumentFileStore files, FileMarks marks, EncryptedFiles vault,
            TraceCodes traces, PdfWatermarks watermarks, AccessPolicy access, CurrentUser currentUser,
            AuditTrail audit, MessageSource messages, Clock clock,
            @Value("${baomi.document.max-file-size:2GB}") DataSize maxFileSize,
            @Value("${baomi.document.max-watermark-size:64MB}") DataSize maxWatermarkSize) {
        this.documents = documents;
        this.files = files;
        this.marks = marks;
        this.vault = vault;
        this.traces = traces;
        this.watermarks = watermarks;
        this.access = access;
        this.currentUser = currentUser;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
        this.maxFileSize = maxFileSize.toBytes();
        // a byte array holds at most 2 GB; PDFBox needs the whole document, so the cap is a memory bound
        this.maxWatermarkSize = Math.min(maxWatermarkSize.toBytes(), Integer.MAX_VALUE - 16);
    }

    @Override
    public long maxFileSize() {
        return maxFileSize;
    }

    @Override
    @Transactional
    public DocumentFileInfo upload(long documentId, String fileName, long declaredLength, InputStream content) {
        StaffPrincipal person = currentUser.require();
        Instant now = clock.instant();
        DocumentStore.Row row = documents.find(documentId, now)
                .orElseThrow(() -> BaomiException.notFound("document.error.not-found"));
        access.require(new AccessRequest(person.accountId(), AccessAction.CHANGE,
                ResourceRef.document(Long.toString(documentId)), AccessContext.NONE.withPurpose("document.file.upload")));
        String name = cleanName(fileName);
        if (content == null) {
            throw BaomiException.invalid("document.file.error.no-file");
        }
        if (declaredLength == 0) {
            throw BaomiException.invalid("document.file.error.empty");
        }
        if (declaredLength > maxFileSize) {
            throw BaomiException.invalid("document.file.error.too-big", DataSize.ofBytes(maxFileSize).toMegabytes());
        }
        long previous = files.lockFile(documentId).orElseThrow(() -> BaomiException.notFound("document.error.not-found"));
        if (row.summary().status() != DocumentStatus.REGISTERED) {
            throw BaomiException.conflict("document.file.error.state");
        }
        LevelMark mark = marks.of(row.summary().level(), row.summary().term());
        FileStreams.Limited limited = new FileStreams.Limited(content, maxFileSize);
        StoredFileInfo stored;
        try {
            stored = vault.store(FileMarks.owner(documentId), mark, mediaTypeOf(name), limited);
        } catch (BaomiException failed) {
            if (limited.exceeded()) {
                throw BaomiException.invalid("document.file.error.too-big",
                        DataSize.ofBytes(maxFileSize).toMegabytes());
            }
            throw failed;
        }
        if (stored.size() == 0) {
            throw BaomiException.invalid("document.file.error.empty");
        }
        Long replaced = previous < 0 ? null : previous;
        files.attach(documentId, stored.id(), name, stored.size(), mediaTypeOf(name), now, person.accountId());
        if (replaced != null) {
            // DOC-7: the destruction of a document shreds its current file only; an older version kept would outlive it.
            vault.shred(replaced, "document " + row.summary().serialNo() + " file replaced");
        }
        documents.event(documentId, now, person.accountId(), person.fullName(),
                replaced == null ? "file-uploaded" : "file-replaced", name);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fileId", stored.id());
        details.put("size", stored.size());
        details.put("mediaType", mediaTypeOf(name));
        details.put("replacedFileId", replaced == null ? "" : replaced);
        audit.record(AuditEntry.allowed("document.file.uploaded", ResourceRef.DOCUMENT, documentId, details)
                .withLevel(row.summary().level()));
        return new DocumentFileInfo(documentId, stored.id(), name, stored.size(), mediaTypeOf(name), replaced);
    }

    @Override
    @Transactional
    public void download(long documentId, FileSink sink) {
        download(currentUser.require(), documentId, sink);
    }

    /**
     * The download for this person (signed in, or named by an integration client): EXPORT decided for them, the trace
     * code and the watermark name them.
     */
    void download(StaffPrincipal person, long documentId, FileSink sink) {
        DocumentStore.Row row = exportable(documentId, person);
        if (row.fileId() == null) {
            throw BaomiException.notFound("document.file.error.none");
        }
        boolean pdf = PDF.equals(row.fileMediaType());
        TraceCode code = traces.issue(new TraceRequest(person.accountId(), ResourceRef.DOCUMENT,
                Long.toString(documentId), row.summary().level(), TracePurpose.DOWNLOAD));
        audit.record(AuditEntry.allowed("document.file.downloaded", ResourceRef.DOCUMENT, documentId,
                Map.of("fileId", row.fileId(), "traceCode", code.value(), "watermarked", pdf))
                .withLevel(row.summary().level()));
        if (pdf) {
            Watermark mark = new Watermark(person.fullName(), person.staffNo(), clock.instant(), code,
                    printedMark(row, Locale.SIMPLIFIED_CHINESE));
            writeWatermarked(row, mark, row.fileName(), sink);
            return;
        }
        LevelMark bound = marks.of(row.summary().level(), row.summary().term());
        try (LazyOut out = new LazyOut(sink, new FileSink.Delivery(row.fileName(), row.fileMediaType(),
                row.fileSize() == null ? -1 : row.fileSize(), code.display()))) {
            vault.read(row.fileId(), FileMarks.owner(documentId), bound, out);
        }
    }

    /** The document, after the access policy's EXPORT (custodian or grant; refusals audited), if not destroyed or lost. */
    DocumentStore.Row exportable(long documentId, StaffPrincipal person) {
        DocumentStore.Row row = documents.find(documentId, clock.instant())
                .orElseThrow(() -> BaomiException.notFound("document.error.not-found"));
        access.require(new AccessRequest(person.accountId(), AccessAction.EXPORT,
                ResourceRef.document(Long.toString(documentId)), AccessContext.NONE));
        DocumentStatus status = row.summary().status();
        if (status == DocumentStatus.DESTROYED || status == DocumentStatus.LOST) {
            throw BaomiException.conflict("document.file.error.state");
        }
        return row;
    }

    /**
     * Decrypts the document's PDF into memory (PDFBox needs all of it; capped), stamps it and writes it to the sink,
     * which is opened only when the stamped PDF is complete: a tampered file or a bad PDF still gets an error page.
     */
    void writeWatermarked(DocumentStore.Row row, Watermark mark, String fileName, FileSink sink) {
        long size = row.fileSize() == null ? 0 : row.fileSize();
        if (size > maxWatermarkSize) {
            throw BaomiException.conflict("document.file.error.pdf-too-large",
                    DataSize.ofBytes(maxWatermarkSize).toMegabytes());
        }
        LevelMark bound = marks.of(row.summary().level(), row.summary().term());
        try (FileStreams.PlainBuffer plain = new FileStreams.PlainBuffer(size, maxWatermarkSize);
                FileStreams.PlainBuffer stamped = new FileStreams.PlainBuffer(size + 65_536, Integer.MAX_VALUE - 16)) {
            vault.read(row.fileId(), FileMarks.owner(row.summary().id()), bound, plain);
            watermarks.stamp(plain.input(), mark, stamped);
            OutputStream out = sink.open(new FileSink.Delivery(fileName, PDF, stamped.size(),
                    mark.traceCode().display()));
            stamped.writeTo(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String printedMark(DocumentStore.Row row, Locale locale) {
        return messages.getMessage(row.summary().mark(), locale);
    }

    private static String cleanName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            throw BaomiException.invalid("document.file.error.name");
        }
        String name = fileName.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (name.isEmpty() || name.length() > 255 || name.chars().anyMatch(Character::isISOControl)
                || name.equals(".") || name.equals("..")) {
            throw BaomiException.invalid("document.file.error.name");
        }
        return name;
    }

    /** The media type from the name's extension: only PDFs matter (they are watermarked); the rest are opaque. */
    static String mediaTypeOf(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".pdf") ? PDF : "application/octet-stream";
    }

    /** Opens the sink at the first byte: header and mark failures in the vault come before it, so they still get a page. */
    private static final class LazyOut extends OutputStream {

        private final FileSink sink;
        private final FileSink.Delivery delivery;
        private OutputStream out;

        LazyOut(FileSink sink, FileSink.Delivery delivery) {
            this.sink = sink;
            this.delivery = delivery;
        }

        private OutputStream out() throws IOException {
            if (out == null) {
                out = sink.open(delivery);
            }
            return out;
        }

        @Override
        public void write(int b) throws IOException {
            out().write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out().write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            if (out != null) {
                out.flush();
            }
        }

        @Override
        public void close() {
            // the sink's stream belongs to the caller
        }
    }
}
