package org.baomi.print.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The CJK font of every PDF Baomi makes. By default WenQuanYi Micro Hei, shipped in the jar (a TrueType collection
 * under Apache-2.0, see {@code fonts/LICENSE-wqy-microhei.txt}), so that Chinese prints on a machine with nothing but
 * a JDK; {@code baomi.print.font} may name another TrueType font or collection (.ttf/.ttc). CFF-based OpenType fonts
 * (Noto CJK .otf) cannot be embedded as subsets by PDFBox and are refused at start.
 *
 * <p>The font file is read once into memory; each document parses its own copy, because PDFBox's font objects are
 * neither thread-safe nor reusable after their document is closed.
 */
@Component
public class PdfFonts {

    static final String BUNDLED = "fonts/wqy-microhei.ttc";

    private final byte[] data;

    PdfFonts(@Value("${baomi.print.font:}") String fontPath) {
        this.data = read(fontPath);
        // Fail at start, not at the first export, when the configured font cannot be embedded.
        try (PDDocument probe = PdfSupport.newDocument(); CjkFont font = CjkFont.open(probe, data)) {
            font.width(font.printable("\u4e2d"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens the font for one document; close it after the document has been saved. */
    public CjkFont open(PDDocument document) {
        return CjkFont.open(document, data);
    }

    private static byte[] read(String fontPath) {
        try {
            if (fontPath == null || fontPath.isBlank()) {
                try (InputStream in = new ClassPathResource(BUNDLED).getInputStream()) {
                    return in.readAllBytes();
                }
            }
            return Files.readAllBytes(Path.of(fontPath.strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("the CJK font of baomi.print.font cannot be read", e);
        }
    }
}
