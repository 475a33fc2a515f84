package org.baomi.approval.web;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.baomi.shared.BaomiException;
import org.springframework.stereotype.Component;

/**
 * Helpers of the approval pages: times in Baomi's zone ({@code ${@approvalTimes.format(instant)}}), numbers from
 * request strings, and refusals of the module API put onto forms.
 */
@Component("approvalTimes")
public class ApprovalWeb {

    private final DateTimeFormatter formatter;

    ApprovalWeb(Clock clock) {
        this.formatter = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
    }

    public String format(Instant instant) {
        return instant == null ? "" : formatter.format(instant);
    }

    /** A request id from the path; anything else is "not found" (never a 500). */
    static long id(String value) {
        Long parsed = number(value);
        if (parsed == null) {
            throw BaomiException.notFound("approval.error.not-found");
        }
        return parsed;
    }

    /** A non-negative number of at most 15 digits, or null. */
    static Long number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > 15 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Long.valueOf(v);
    }



}
