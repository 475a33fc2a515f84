package org.baomi.monitor.internal.ingest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.baomi.iam.FieldProblem;

/** Field checks shared by the access events and the care contexts; each adds its problem and answers null. */
final class Checks {

    /** Times before this are typing errors or placeholder dates (0001-01-01), not accesses. */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private Checks() {
    }

    /** Required text: present, not blank, at most {@code max} characters, no control characters. */
    static String required(String value, String field, int max, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "monitor.ingest.required"));
            return null;
        }
        return optional(value, field, max, problems);
    }

    /** Optional text: null when absent or blank; otherwise as {@link #required}. */
    static String optional(String value, String field, int max, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            problems.add(new FieldProblem(field, "monitor.ingest.too-long", max));
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                problems.add(new FieldProblem(field, "monitor.ingest.control-characters"));
                return null;
            }
        }
        return text;
    }

    /**
     * A time with its offset (the EMR's local time alone is ambiguous: which zone, which side of a clock change),
     * not after {@code latest} (a clock ahead), not before 2000.
     */
    static Instant time(String value, String field, Instant latest, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "monitor.ingest.required"));
            return null;
        }
        String text = value.strip();
        Instant at = IsoInstant.parse(text);
        try {
            if (at == null) {
                at = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            }
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, localTime(value) ? "monitor.ingest.time-offset"
                    : "monitor.ingest.time-invalid", clipped(value)));
            return null;
        }
        if (at.isAfter(latest)) {
            problems.add(new FieldProblem(field, "monitor.ingest.time-future", clipped(value)));
            return null;
        }
        if (at.isBefore(EARLIEST)) {
            problems.add(new FieldProblem(field, "monitor.ingest.time-too-old", clipped(value)));
            return null;
        }
        return at;
    }

    private static boolean localTime(String value) {
        try {
            LocalDateTime.parse(value.strip());
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** A value echoed in a message: bounded, so that a client's megabyte string is not sent back. */
    static String clipped(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
