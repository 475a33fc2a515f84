package org.baomi.iam.web;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** Formats instants for the identity pages in Baomi's time zone: {@code ${@iamTimes.format(instant)}}. */
@Component("iamTimes")
public class IamTimes {

    private final DateTimeFormatter formatter;

    IamTimes(Clock clock) {
        this.formatter = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
    }

    public String format(Instant instant) {
        return instant == null ? "" : formatter.format(instant);
    }
}
