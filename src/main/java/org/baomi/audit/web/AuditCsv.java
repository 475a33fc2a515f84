package org.baomi.audit.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.baomi.audit.AuditExportSink;
import org.baomi.audit.AuditRecord;
import org.baomi.shared.CsvWriter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes audit records as CSV for the hospital's spreadsheet programs, row by row as they are read: UTF-8 with a
 * byte order mark, every cell quoted, CRLF, formula-like cells defused ({@link CsvWriter#defused}).
 */
@Component
class AuditCsv {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss XXX");
    static final List<String> COLUMNS = List.of("sequence", "time", "actor-id", "actor", "department",
            "actor-kind", "source", "session", "action", "object-type", "object-id", "level", "patient", "outcome",
            "reason", "details");

    private final MessageSource messages;
    private final Clock clock;

    AuditCsv(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    /** The translated column headings. */
    List<String> headings(Locale locale) {
        return COLUMNS.stream().map(c -> messages.getMessage("audit.csv." + c, null, c, locale)).toList();
    }

    /** One record as the cells of a line, in the order of {@link #COLUMNS}, translated where it has words. */
    List<String> cells(AuditRecord r, Locale locale) {
        List<String> cells = new ArrayList<>(COLUMNS.size());
        cells.add(Long.toString(r.sequence()));
        cells.add(TIME.format(r.occurredAt().atZone(clock.getZone())));
        cells.add(r.actorId() == null ? "" : r.actorId().toString());
        cells.add(r.actorName());
        cells.add(r.actorDepartment());
        cells.add(messages.getMessage("audit.actor-kind." + r.actorKind().name(), null, r.actorKind().name(), locale));
        cells.add(r.sourceAddress());
        cells.add(r.sessionRef());
        cells.add(r.action());
        cells.add(r.objectType());
        cells.add(r.objectId());
        cells.add(r.secretLevel() == null ? ""
                : messages.getMessage("secret-level." + r.secretLevel(), null, r.secretLevel(), locale));
        cells.add(r.patientId());
        cells.add(messages.getMessage("audit.outcome." + r.outcome().name(), null, r.outcome().name(), locale));
        cells.add(r.reasonKey() == null ? "" : messages.getMessage(r.reasonKey(), null, r.reasonKey(), locale));
        cells.add(r.details());
        return cells;
    }

    AuditExportSink sink(OutputStream out, Locale locale) {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
        return new AuditExportSink() {
            @Override
            public void begin(AuditExportInfo info) throws IOException {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                line(writer, headings(locale));
            }

            @Override
            public void row(AuditRecord record) throws IOException {
                line(writer, cells(record, locale));
            }

            @Override
            public void end() throws IOException {
                writer.flush();
            }
        };
    }

    private static void line(Writer writer, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write('"');
            writer.write(CsvWriter.defused(cells.get(i)).replace("\"", "\"\""));
            writer.write('"');
        }
        writer.write("\r\n");
    }
}
