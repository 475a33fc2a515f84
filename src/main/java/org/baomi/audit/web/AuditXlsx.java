package org.baomi.audit.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.baomi.audit.AuditExportSink;
import org.baomi.audit.AuditRecord;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes audit records as an xlsx workbook, streamed (fastexcel flushes rows as they come): the entries on the
 * first sheet, and on a second what the export holds (the filter, the row count and, when it was cut at the
 * limit, a clear note). Cells are plain strings, never formulas, so nothing in the trail can run in a
 * spreadsheet.
 */
@Component
class AuditXlsx {

    /** Rows kept in memory before fastexcel writes them out. */
    private static final int FLUSH_EVERY = 500;

    private final AuditCsv columns;
    private final MessageSource messages;

    AuditXlsx(AuditCsv columns, MessageSource messages) {
        this.columns = columns;
        this.messages = messages;
    }

    AuditExportSink sink(OutputStream out, Locale locale, Map<String, Object> filter) {
        return new AuditExportSink() {
            private Workbook workbook;
            private Worksheet sheet;
            private AuditExportInfo info;
            private int row;

            @Override
            public void begin(AuditExportInfo exportInfo) throws IOException {
                info = exportInfo;
                workbook = new Workbook(out, "Baomi", "1.0");
                sheet = workbook.newWorksheet(text("audit.xlsx.sheet.entries", locale));
                List<String> headings = columns.headings(locale);
                for (int c = 0; c < headings.size(); c++) {
                    sheet.value(0, c, headings.get(c));
                    sheet.style(0, c).bold().set();
                }
                sheet.freezePane(0, 1);
                row = 1;
            }

            @Override
            public void row(AuditRecord record) throws IOException {
                List<String> cells = columns.cells(record, locale);
                for (int c = 0; c < cells.size(); c++) {
                    String v = cells.get(c);
                    if (v != null && !v.isEmpty()) {
                        sheet.value(row, c, v);
                    }
                }
                row++;
                if (row % FLUSH_EVERY == 0) {
                    sheet.flush();
                }
            }

            @Override
            public void end() throws IOException {
                sheet.finish();
                Worksheet about = workbook.newWorksheet(text("audit.xlsx.sheet.about", locale));
                int r = 0;
                about.value(r++, 0, text("audit.xlsx.about.title", locale));
                about.value(r, 0, text("audit.xlsx.about.rows", locale));
                about.value(r++, 1, info.rows());
                if (info.truncated()) {
                    about.value(r++, 0, messages.getMessage("audit.export.truncated", new Object[] {info.limit()},
                            locale));
                }
                about.value(r++, 0, text("audit.xlsx.about.filter", locale));
                for (Map.Entry<String, Object> e : filter.entrySet()) {
                    about.value(r, 0, messages.getMessage("audit.detail." + e.getKey(), null, e.getKey(), locale));
                    about.value(r++, 1, String.valueOf(e.getValue()));
                }
                about.finish();
                workbook.finish();
            }
        };
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
