package org.baomi.print.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.baomi.print.PdfDocuments;
import org.baomi.print.PdfWatermarks;
import org.baomi.print.PrintableDocument;
import org.baomi.print.Watermark;
import org.baomi.shared.BaomiException;
import org.springframework.stereotype.Service;

/** Issue 5 item 5: watermarks on existing PDFs, and text and images made into watermarked PDFs. */
@Service
class PdfExportService implements PdfWatermarks, PdfDocuments {

    private static final float IMAGE_MARGIN = 28f;

    private final PdfFonts fonts;
    private final PrintableRenderer renderer;
    private final WatermarkPainter painter;

    PdfExportService(PdfFonts fonts, PrintableRenderer renderer, Clock clock) {
        this.fonts = fonts;
        this.renderer = renderer;
        this.painter = new WatermarkPainter(clock.getZone());
    }

    @Override
    public void stamp(InputStream pdf, Watermark mark, OutputStream out) {
        try (PDDocument document = PdfSupport.load(pdf); CjkFont font = fonts.open(document)) {
            WatermarkPainter.Stamp stamp = painter.prepare(document, font, mark);
            for (PDPage page : document.getPages()) {
                stamp.paint(page);
            }
            PdfSupport.save(document, out);
        } catch (IOException e) {
            throw new UncheckedIOException("the watermarked PDF could not be written", e);
        }
    }

    @Override
    public void renderText(String title, List<String> lines, Watermark mark, OutputStream out) {
        List<PrintableDocument.Block> blocks = new ArrayList<>(lines.size());
        lines.forEach(line -> blocks.add(new PrintableDocument.Paragraph(line == null ? "" : line)));
        renderer.render(new PrintableDocument(title == null ? "" : title, mark.levelMark(), false, blocks,
                mark.traceCode(), mark, Locale.SIMPLIFIED_CHINESE), out);
    }

    @Override
    public void renderImage(InputStream image, Watermark mark, OutputStream out) {
        byte[] bytes;
        try {
            bytes = image.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the image could not be read", e);
        }
        if (bytes.length == 0) {
            throw BaomiException.invalid("print.error.image.empty");
        }
        try (PDDocument document = PdfSupport.newDocument(); CjkFont font = fonts.open(document)) {
            PDImageXObject picture;
            try {
                picture = PDImageXObject.createFromByteArray(document, bytes, "image");
            } catch (IOException | RuntimeException e) {
                throw BaomiException.invalid("print.error.image.unreadable");
            }
            boolean wide = picture.getWidth() > picture.getHeight();
            PDRectangle size = wide ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth())
                    : PDRectangle.A4;
            PDPage page = new PDPage(size);
            document.addPage(page);
            float top = WatermarkPainter.BAND_HEIGHT + IMAGE_MARGIN;
            float maxW = size.getWidth() - 2 * IMAGE_MARGIN;
            float maxH = size.getHeight() - 2 * top;
            float scale = Math.min(maxW / picture.getWidth(), maxH / picture.getHeight());
            float w = picture.getWidth() * scale;
            float h = picture.getHeight() * scale;
            try (PDPageContentStream cs = new PDPageContentStream(document, page)) {
                cs.drawImage(picture, (size.getWidth() - w) / 2, (size.getHeight() - h) / 2, w, h);
            }
            painter.prepare(document, font, mark).paint(page);
            PdfSupport.save(document, out);
        } catch (IOException e) {
            throw new UncheckedIOException("the image PDF could not be written", e);
        }
    }
}
