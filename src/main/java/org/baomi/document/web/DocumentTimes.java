package org.baomi.document.web;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** Formats instants for the document pages in Baomi's time zone: {@code ${@documentTimes.format(instant)}}. */
@Component("documentTimes")
public class DocumentTimes {

    private final DateTimeFormatter formatter;

    DocumentTimes(Clock clock) {
        this.formatter = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
    }

    public String format(Instant instant) {
        return instant == null ? "" : formatter.format(instant);
    }
}
