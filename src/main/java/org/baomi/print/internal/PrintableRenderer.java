package org.baomi.print.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.baomi.print.PrintableDocument;
import org.baomi.print.PrintableDocument.Block;
import org.baomi.print.PrintableDocument.Fields;
import org.baomi.print.PrintableDocument.Paragraph;
import org.baomi.print.PrintableDocument.SignatureLine;
import org.baomi.print.PrintableDocument.Signatures;
import org.baomi.print.PrintableDocument.Table;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Lays a {@link PrintableDocument} out on A4 pages: title, blocks in order, a table's header row again at the top of
 * each page it runs onto, signature lines kept whole, then on every page the footer "page x of y" and the trace
 * code, and the watermark when the document has one. In memory only (DOC-9).
 */
@Component
class PrintableRenderer {

    static final float TITLE_SIZE = 18f;
    static final float HEADING_SIZE = 12f;
    static final float TEXT_SIZE = 10.5f;
    static final float TABLE_SIZE = 9f;
    static final float FOOTER_SIZE = 8.5f;
    private static final float LEADING = 1.4f;
    private static final float CELL_PAD = 3.5f;
    private static final float LABEL_WIDTH = 120f;

    private final PdfFonts fonts;
    private final MessageSource messages;
    private final WatermarkPainter painter;

    PrintableRenderer(PdfFonts fonts, MessageSource messages, Clock clock) {
        this.fonts = fonts;
        this.messages = messages;
        this.painter = new WatermarkPainter(clock.getZone());
    }

    void render(PrintableDocument doc, OutputStream out) {
        try (PDDocument document = PdfSupport.newDocument(); CjkFont font = fonts.open(document)) {
            try (PageLayout layout = new PageLayout(document, font, doc.landscape(), doc.levelMark())) {
                title(layout, doc.title());
                for (Block block : doc.blocks()) {
                    if (block instanceof Paragraph p) {
                        paragraph(layout, p.text());
                    } else if (block instanceof Fields f) {
                        fields(layout, f);
                    } else if (block instanceof Table t) {
                        table(layout, t);
                    } else if (block instanceof Signatures s) {
                        signatures(layout, s, doc.locale());
                    }
                }
            }
            footers(document, font, doc);
            if (doc.watermark() != null) {
                WatermarkPainter.Stamp stamp = painter.prepare(document, font, doc.watermark());
                for (PDPage page : document.getPages()) {
                    stamp.paint(page);
                }
            }
            PdfSupport.save(document, out);
        } catch (IOException e) {
            throw new UncheckedIOException("the printable could not be rendered", e);
        }
    }

    private void title(PageLayout layout, String title) throws IOException {
        String t = layout.font().printable(title);
        if (t.isEmpty()) {
            return;
        }
        for (String line : layout.wrap(t, layout.contentWidth(), TITLE_SIZE)) {
            float w = layout.font().width(line) * TITLE_SIZE;
            layout.down(TITLE_SIZE * 1.2f);
            layout.text(line, layout.left() + (layout.contentWidth() - w) / 2, layout.y(), TITLE_SIZE);
        }
        layout.down(TITLE_SIZE * 0.8f);
    }

    private void heading(PageLayout layout, String heading) throws IOException {
        if (heading == null || heading.isBlank()) {
            return;
        }
        // keep a heading with at least two lines of what follows
        layout.ensure(HEADING_SIZE * LEADING + 3 * TEXT_SIZE * LEADING);
        layout.down(HEADING_SIZE * LEADING);
        layout.text(layout.font().printable(heading), layout.left(), layout.y(), HEADING_SIZE);
        layout.down(HEADING_SIZE * 0.5f);
    }

    private void paragraph(PageLayout layout, String text) throws IOException {
        for (String line : layout.wrap(layout.font().printable(text), layout.contentWidth(), TEXT_SIZE)) {
            layout.ensure(TEXT_SIZE * LEADING);
            layout.down(TEXT_SIZE * LEADING);
            layout.text(line, layout.left(), layout.y(), TEXT_SIZE);
        }
        layout.down(TEXT_SIZE * 0.5f);
    }

    private void fields(PageLayout layout, Fields fields) throws IOException {
        heading(layout, fields.heading());
        float valueX = layout.left() + LABEL_WIDTH;
        float valueWidth = layout.contentWidth() - LABEL_WIDTH;
        float leading = TEXT_SIZE * LEADING * 1.3f;
        for (PrintableDocument.Field field : fields.fields()) {
            List<String> lines = layout.wrap(layout.font().printable(field.value()), valueWidth - 4, TEXT_SIZE);
            layout.ensure(lines.size() * leading);
            for (int i = 0; i < lines.size(); i++) {
                layout.down(leading);
                if (i == 0) {
                    layout.text(layout.font().printable(field.label()), layout.left(), layout.y(), TEXT_SIZE);
                }
                layout.text(lines.get(i), valueX + 2, layout.y(), TEXT_SIZE);
                PDPageContentStream cs = layout.stream();
                cs.setLineWidth(0.5f);
                cs.moveTo(valueX, layout.y() - 3);
                cs.lineTo(layout.left() + layout.contentWidth(), layout.y() - 3);
                cs.stroke();
            }
        }
        layout.down(TEXT_SIZE);
    }

    private void table(PageLayout layout, Table table) throws IOException {
        heading(layout, table.heading());
        CjkFont font = layout.font();
        float total = 0;
        for (PrintableDocument.Column c : table.columns()) {
            total += c.weight();
        }
        int n = table.columns().size();
        float[] widths = new float[n];
        for (int i = 0; i < n; i++) {
            widths[i] = layout.contentWidth() * table.columns().get(i).weight() / total;
        }
        float leading = TABLE_SIZE * LEADING;
        List<List<String>> header = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            header.add(layout.wrap(font.printable(table.columns().get(i).header()), widths[i] - 2 * CELL_PAD,
                    TABLE_SIZE));
        }
        float headerHeight = height(header, leading);
        Runnable repeatHeader = () -> row(layout, widths, header, headerHeight, leading, true);
        layout.ensure(headerHeight + leading * 2 + 2 * CELL_PAD);
        repeatHeader.run();
        layout.onPageStart(repeatHeader);
        for (List<String> cells : table.rows()) {
            List<List<String>> wrapped = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String cell = i < cells.size() ? cells.get(i) : "";
                wrapped.add(layout.wrap(font.printable(cell), widths[i] - 2 * CELL_PAD, TABLE_SIZE));
            }
            float h = height(wrapped, leading);
            float fits = layout.pageRoom() - headerHeight;
            if (h > fits) {
                // a row taller than a page is cut to a page, never split: a printed row must stay one row
                int maxLines = (int) ((fits - 2 * CELL_PAD) / leading);
                wrapped.replaceAll(lines -> lines.size() > maxLines ? lines.subList(0, maxLines) : lines);
                h = height(wrapped, leading);
            }
            layout.ensure(h);
            row(layout, widths, wrapped, h, leading, false);
        }
        layout.clearPageStartListeners();
        layout.down(TEXT_SIZE);
    }

    private static float height(List<List<String>> cells, float leading) {
        int lines = 1;
        for (List<String> c : cells) {
            lines = Math.max(lines, c.size());
        }
        return lines * leading + 2 * CELL_PAD;
    }

    private static void row(PageLayout layout, float[] widths, List<List<String>> cells, float h, float leading,
            boolean header) {
        try {
            PDPageContentStream cs = layout.stream();
            float top = layout.y();
            float x = layout.left();
            if (header) {
                cs.setNonStrokingColor(0.9f, 0.9f, 0.9f);
                cs.addRect(x, top - h, layout.contentWidth(), h);
                cs.fill();
                cs.setNonStrokingColor(0f, 0f, 0f);
            }
            cs.setLineWidth(0.5f);
            for (int i = 0; i < widths.length; i++) {
                cs.addRect(x, top - h, widths[i], h);
                List<String> lines = cells.get(i);
                for (int l = 0; l < lines.size(); l++) {
                    layout.text(lines.get(l), x + CELL_PAD, top - CELL_PAD - (l + 1) * leading + leading * 0.25f,
                            TABLE_SIZE);
                }
                x += widths[i];
            }
            cs.stroke();
            layout.down(h);
        } catch (IOException e) {
            throw new UncheckedIOException("a table row could not be laid out", e);
        }
    }

    private void signatures(PageLayout layout, Signatures signatures, Locale locale) throws IOException {
        CjkFont font = layout.font();
        float lineHeight = 40f;
        float headingHeight = signatures.heading() == null ? 0 : HEADING_SIZE * 2f;
        // DOC-7: the signature lines stay together on one page with their heading
        layout.ensure(headingHeight + signatures.lines().size() * (lineHeight + 8));
        heading(layout, signatures.heading());
        String signLabel = font.printable(messages.getMessage("print.sign.signature", null, locale));
        String timeLabel = font.printable(messages.getMessage("print.sign.time", null, locale));
        float roleWidth = 110f;
        float boxWidth = (layout.contentWidth() - roleWidth) / 2 - 6;
        PDPageContentStream cs = layout.stream();
        for (SignatureLine line : signatures.lines()) {
            layout.down(8);
            float top = layout.y();
            float bottom = top - lineHeight;
            layout.text(font.printable(line.role()), layout.left(), bottom + lineHeight / 2 - 4, TEXT_SIZE);
            float x1 = layout.left() + roleWidth;
            float x2 = x1 + boxWidth + 12;
            cs.setLineWidth(0.6f);
            cs.addRect(x1, bottom, boxWidth, lineHeight);
            cs.addRect(x2, bottom, boxWidth, lineHeight);
            cs.stroke();
            layout.text(signLabel, x1 + 3, top - 10, 7.5f);
            layout.text(timeLabel, x2 + 3, top - 10, 7.5f);
            if (line.name() != null) {
                layout.text(font.printable(line.name()), x1 + 8, bottom + 8, TEXT_SIZE);
            }
            if (line.time() != null) {
                layout.text(font.printable(line.time()), x2 + 8, bottom + 8, TEXT_SIZE);
            }
            layout.down(lineHeight);
        }
        layout.down(TEXT_SIZE);
    }

    private void footers(PDDocument document, CjkFont font, PrintableDocument doc) throws IOException {
        int total = document.getNumberOfPages();
        String code = doc.traceCode() == null ? ""
                : font.printable(messages.getMessage("print.footer.trace", new Object[] {doc.traceCode().display()},
                        doc.locale()));
        int number = 0;
        for (PDPage page : document.getPages()) {
            number++;
            String pageText = font.printable(messages.getMessage("print.footer.page",
                    new Object[] {Integer.toString(number), Integer.toString(total)}, doc.locale()));
            float width = page.getMediaBox().getWidth();
            float baseline = PageLayout.MARGIN_BOTTOM - 30f;
            try (PDPageContentStream cs = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                cs.setLineWidth(0.4f);
                cs.moveTo(PageLayout.MARGIN_X, PageLayout.MARGIN_BOTTOM - 16f);
                cs.lineTo(width - PageLayout.MARGIN_X, PageLayout.MARGIN_BOTTOM - 16f);
                cs.stroke();
                cs.beginText();
                cs.setFont(font.font(), FOOTER_SIZE);
                cs.newLineAtOffset((width - font.width(pageText) * FOOTER_SIZE) / 2, baseline);
                cs.showText(pageText);
                cs.endText();
                if (!code.isEmpty()) {
                    cs.beginText();
                    cs.setFont(font.font(), FOOTER_SIZE);
                    cs.newLineAtOffset(width - PageLayout.MARGIN_X - font.width(code) * FOOTER_SIZE, baseline);
                    cs.showText(code);
                    cs.endText();
                }
            }
        }
    }
}
