package org.baomi.audit.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads filter values from the query string. Request text is compared with fixed values or parsed, never
 * passed on as it is; anything unusable becomes a {@link FilterError}.
 */
final class FilterInputs {

    /** Longer than any ISO date: refused before parsing. */
    private static final int MAX_DATE_LENGTH = 10;
    /** yyyy-MM-ddTHH:mm:ss at most. */
    private static final int MAX_TIME_LENGTH = 19;

    private FilterInputs() {
    }

    static Optional<LocalDate> date(String text, String errorKey, List<FilterError> errors) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip();
        if (value.length() > MAX_DATE_LENGTH) {
            errors.add(FilterError.of(errorKey));
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE));
        } catch (DateTimeException e) {
            errors.add(FilterError.of(errorKey));
            return Optional.empty();
        }
    }

    /**
     * A day (yyyy-MM-dd) or a time (yyyy-MM-ddTHH:mm) in the hospital's zone. A day as the end of a period means
     * "up to the end of that day" ({@code endOfDay}); a time is taken as it is.
     */
    static Optional<Instant> dayOrTime(String text, boolean endOfDay, ZoneId zone, String errorKey,
            List<FilterError> errors) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip();
        if (value.length() <= MAX_DATE_LENGTH) {
            return date(value, errorKey, errors)
                    .map(d -> (endOfDay ? d.plusDays(1) : d).atStartOfDay(zone).toInstant());
        }
        if (value.length() > MAX_TIME_LENGTH) {
            errors.add(FilterError.of(errorKey));
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atZone(zone)
                    .toInstant());
        } catch (DateTimeException e) {
            errors.add(FilterError.of(errorKey));
            return Optional.empty();
        }
    }

    /** A positive id of at most 18 digits, or an error. */
    static Optional<Long> id(String text, String errorKey, List<FilterError> errors) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip();
        if (!value.matches("[0-9]{1,18}") || Long.parseLong(value) == 0) {
            errors.add(FilterError.of(errorKey));
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(value));
    }

    /** The constant whose name equals the text (case-insensitive), or an error. */
    static <E extends Enum<E>> Optional<E> choice(Class<E> type, String text, String errorKey,
            List<FilterError> errors) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip().toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return Optional.of(constant);
            }
        }
        errors.add(FilterError.of(errorKey));
        return Optional.empty();
    }

    /** A zero-based page number; anything else is the first page. */
    static int page(String text) {
        if (text == null || text.isBlank() || text.length() > 9) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The text as typed, bounded, for showing it back in the form (the page escapes it). */
    static String echo(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 200 ? text.substring(0, 200) : text;
    }
}
