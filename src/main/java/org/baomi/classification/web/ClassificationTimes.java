package org.baomi.classification.web;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** Formats instants for the classification pages in Baomi's time zone: {@code ${@classificationTimes.format(instant)}}. */
@Component("classificationTimes")
public class ClassificationTimes {

    private final DateTimeFormatter formatter;

    ClassificationTimes(Clock clock) {
        this.formatter = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
    }

    public String format(Instant instant) {
        return instant == null ? "" : formatter.format(instant);
    }
}
