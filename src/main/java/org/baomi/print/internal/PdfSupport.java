package org.baomi.print.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.baomi.shared.BaomiException;

/**
 * Loading and saving PDFs in memory only (DOC-9): PDFBox is never given a scratch file, and errors never carry the
 * content or PDFBox's own message (which may quote it).
 */
public final class PdfSupport {

    private static final int HEADER_WINDOW = 1024;

    private PdfSupport() {
    }

    /** A new, empty document whose streams stay in memory. */
    public static PDDocument newDocument() {
        return new PDDocument(IOUtils.createMemoryOnlyStreamCache());
    }

    /**
     * Reads a whole PDF into memory and opens it.
     *
     * @throws BaomiException INVALID when it is empty, not a PDF, encrypted or without pages
     */
    public static PDDocument load(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF to watermark could not be read", e);
        }
        if (bytes.length == 0) {
            throw BaomiException.invalid("print.error.pdf.empty");
        }
        if (!hasPdfHeader(bytes)) {
            throw BaomiException.invalid("print.error.pdf.not-pdf");
        }
        PDDocument document;
        try {
            document = Loader.loadPDF(bytes, "", null, null, IOUtils.createMemoryOnlyStreamCache());
        } catch (InvalidPasswordException e) {
            throw BaomiException.invalid("print.error.pdf.encrypted");
        } catch (IOException | RuntimeException e) {
            throw BaomiException.invalid("print.error.pdf.not-pdf");
        }
        // An encrypted PDF that opens without a password still restricts copying and printing: a watermarked copy
        // re-saved without its encryption would lift those restrictions, so it is refused as well.
        if (document.isEncrypted()) {
            closeQuietly(document);
            throw BaomiException.invalid("print.error.pdf.encrypted");
        }
        int pages;
        try {
            pages = document.getNumberOfPages();
        } catch (RuntimeException e) {
            closeQuietly(document);
            throw BaomiException.invalid("print.error.pdf.not-pdf");
        }
        if (pages == 0) {
            closeQuietly(document);
            throw BaomiException.invalid("print.error.pdf.no-pages");
        }
        return document;
    }

    /** Writes the document; the stream is not closed. */
    public static void save(PDDocument document, OutputStream out) {
        try {
            document.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF could not be written", e);
        }
    }

    public static void closeQuietly(PDDocument document) {
        try {
            document.close();
        } catch (IOException ignored) {
            // nothing was written to disk, so nothing is left behind
        }
    }

    private static boolean hasPdfHeader(byte[] bytes) {
        int end = Math.min(bytes.length - 4, HEADER_WINDOW);
        for (int i = 0; i < end; i++) {
            if (bytes[i] == '%' && bytes[i + 1] == 'P' && bytes[i + 2] == 'D' && bytes[i + 3] == 'F') {
                return true;
            }
        }
        return false;
    }
}
