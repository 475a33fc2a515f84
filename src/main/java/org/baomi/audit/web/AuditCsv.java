package org.baomi.audit.web;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.baomi.audit.AuditRecord;
import org.baomi.shared.CsvWriter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Writes audit records as CSV for the hospital's spreadsheet programs ({@link CsvWriter}: UTF-8, defused cells). */
@Component
class AuditCsv {

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
        CsvWriter out = new CsvWriter();
        out.line(COLUMNS.stream().map(c -> messages.getMessage("audit.csv." + c, null, c, locale)).toList());
        for (AuditRecord r : records) {
            out.line(
                    Long.toString(r.sequence()),
                    TIME.format(r.occurredAt().atZone(clock.getZone())),
                    r.actorId() == null ? "" : r.actorId().toString(),
                    r.actorName(),
                    r.actorDepartment(),
                    messages.getMessage("audit.actor-kind." + r.actorKind().name(), null, r.actorKind().name(), locale),
                    r.sourceAddress(),
                    r.action(),
                    r.objectType(),
                    r.objectId(),
                    r.secretLevel() == null ? ""
                            : messages.getMessage("secret-level." + r.secretLevel(), null, r.secretLevel(), locale),
                    messages.getMessage("audit.outcome." + r.outcome().name(), null, r.outcome().name(), locale),
                    r.reasonKey() == null ? "" : messages.getMessage(r.reasonKey(), null, r.reasonKey(), locale),
                    r.details());
        }
        return out.toBytes();
    }
}
