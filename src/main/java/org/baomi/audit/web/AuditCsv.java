package org.baomi.audit.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.baomi.audit.AuditRecord;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes audit records as CSV (RFC 4180) in UTF-8 with a byte order mark, so that spreadsheet programs used
 * in the hospital read Chinese text correctly. Cells that a spreadsheet would take for a formula are
 * defused (CSV injection).
 */
@Component
class AuditCsv {

    /** The UTF-8 byte order mark. */
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss XXX");
    private static final List<String> COLUMNS = List.of("sequence", "time", "actor-id", "actor", "department",
            "actor-kind", "source", "action", "object-type", "object-id", "level", "outcome", "reason", "details");

    private final MessageSource messages;
    private final Clock clock;

    AuditCsv(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    byte[] write(List<AuditRecord> records, Locale locale) {
        StringBuilder out = new StringBuilder(records.size() * 200 + 256);
        line(out, COLUMNS.stream().map(c -> messages.getMessage("audit.csv." + c, null, c, locale)).toList());
        for (AuditRecord r : records) {
            line(out, List.of(
                    Long.toString(r.sequence()),
                    TIME.format(r.occurredAt().atZone(clock.getZone())),
                    r.actorId() == null ? "" : r.actorId().toString(),
                    text(r.actorName()),
                    text(r.actorDepartment()),
                    messages.getMessage("audit.actor-kind." + r.actorKind().name(), null, r.actorKind().name(), locale),
                    text(r.sourceAddress()),
                    text(r.action()),
                    text(r.objectType()),
                    text(r.objectId()),
                    r.secretLevel() == null ? ""
                            : messages.getMessage("secret-level." + r.secretLevel(), null, r.secretLevel(), locale),
                    messages.getMessage("audit.outcome." + r.outcome().name(), null, r.outcome().name(), locale),
                    r.reasonKey() == null ? "" : text(messages.getMessage(r.reasonKey(), null, r.reasonKey(), locale)),
                    text(r.details())));
        }
        byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] withMark = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, withMark, 0, BOM.length);
        System.arraycopy(text, 0, withMark, BOM.length, text.length);
        return withMark;
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"').append(cells.get(i).replace("\"", "\"\"")).append('"');
        }
        out.append("\r\n");
    }

    /** A cell a spreadsheet would evaluate (=, +, -, @, tab, return first) gets a leading apostrophe. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
