package org.baomi.print;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A printable document (issue 5 items 1, 5 and 8): a title, the level mark on every page (CLS-5), blocks laid out one
 * after the other across as many pages as they need, and a footer on every page with "page x of y" and the trace
 * code. Texts are given already translated; {@link Printables} builds the standard forms in a language and renders
 * any document to PDF with the embedded CJK font.
 *
 * @param title       the heading of the first page
 * @param levelMark   the level mark printed at the top of every page ("机密★10年"), or null for none
 * @param landscape   A4 landscape instead of portrait (wide tables such as register pages)
 * @param blocks      the content, in order
 * @param traceCode   the copy's trace code, printed in every footer; null for none (a blank form)
 * @param watermark   a watermark stamped on every page as by {@link PdfWatermarks}, or null for none (paper copies
 *                    carry the trace code in the footer instead)
 * @param locale      the language of the footer labels
 */
public record PrintableDocument(String title, String levelMark, boolean landscape, List<Block> blocks,
        TraceCode traceCode, Watermark watermark, Locale locale) {

    public PrintableDocument {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(locale, "locale");
        blocks = List.copyOf(blocks);
    }

    /** The same document with a watermark on every page. */
    public PrintableDocument withWatermark(Watermark mark) {
        return new PrintableDocument(title, levelMark, landscape, blocks, traceCode, mark, locale);
    }

    /** One piece of content. */
    public sealed interface Block permits Paragraph, Fields, Table, Signatures {
    }

    /** Running text, wrapped to the page width. */
    public record Paragraph(String text) implements Block {
        public Paragraph {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A section of labelled values ("密级：机密"), with an optional heading. */
    public record Fields(String heading, List<Field> fields) implements Block {
        public Fields {
            fields = List.copyOf(fields);
        }
    }

    /** One labelled value; a null value prints as an empty line to be filled in by hand. */
    public record Field(String label, String value) {
        public Field {
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * A table whose header row is repeated at the top of every page it runs onto. Cells wrap within their column; a
     * row is never split across pages.
     *
     * @param columns the column headers with their relative widths
     * @param rows    the cells, one list per row, as many as columns (missing cells print empty)
     */
    public record Table(String heading, List<Column> columns, List<List<String>> rows) implements Block {
        public Table {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("a table needs columns");
            }
        }
    }

    /** A column header and its relative width (weight &gt; 0). */
    public record Column(String header, float weight) {
        public Column {
            Objects.requireNonNull(header, "header");
            if (!(weight > 0)) {
                throw new IllegalArgumentException("weight must be positive");
            }
        }
    }

    /** Signature lines, each with boxes for the signature and the time, never split across pages. */
    public record Signatures(String heading, List<SignatureLine> lines) implements Block {
        public Signatures {
            lines = List.copyOf(lines);
        }
    }

    /**
     * One signature line.
     *
     * @param role what the person signs as ("监销人")
     * @param name the person's printed name, or null to be written by hand
     * @param time the time printed in the time box, or null to be written by hand
     */
    public record SignatureLine(String role, String name, String time) {
        public SignatureLine {
            Objects.requireNonNull(role, "role");
        }
    }
}
