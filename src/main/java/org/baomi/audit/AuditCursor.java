package org.baomi.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baomi.shared.BaomiException;

/**
 * A position in the trail ordered newest first by (time, sequence), for keyset paging: a page is "the entries
 * just older (or newer) than this one", which costs the same on page 1 and page 10,000 of a 100-million-entry
 * trail, unlike an OFFSET. Written in links as {@code <epoch microseconds>_<sequence>}.
 */
public record AuditCursor(Instant occurredAt, long sequence) {

    private static final Pattern TEXT = Pattern.compile("(-?\\d{1,18})_(\\d{1,19})");

    public AuditCursor {
        // PostgreSQL keeps microseconds; a finer cursor would never equal a stored time.
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
    }

    public String text() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, occurredAt);
        return micros + "_" + sequence;
    }

    /**
     * @throws BaomiException INVALID ({@code audit.filter.error.cursor}) for anything but a cursor's text
     */
    public static AuditCursor parse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw BaomiException.invalid("audit.filter.error.cursor");
        }
        try {
            Instant at = Instant.EPOCH.plus(Long.parseLong(m.group(1)), ChronoUnit.MICROS);
            return new AuditCursor(at, Long.parseLong(m.group(2)));
        } catch (ArithmeticException | NumberFormatException | java.time.DateTimeException e) {
            throw BaomiException.invalid("audit.filter.error.cursor");
        }
    }
}
