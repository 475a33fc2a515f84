package org.baomi.monitor.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.monitor.AlertQuery;
import org.baomi.monitor.AlertQuerySort;
import org.baomi.monitor.AlertQueryStatus;
import org.baomi.monitor.Detector;

/**
 * The alert queue's filters as the page and the API receive them: text, so that every malformed value becomes a
 * field problem with a translated message (never a 400 page or a 500). Dates are {@code yyyy-MM-dd} (whole days in
 * the hospital's time zone, {@code to} inclusive), {@code yyyy-MM-ddTHH:mm} (hospital time) or an ISO instant.
 */
public record AlertFilterForm(String from, String to, String detector, String person, String patient, String status,
        String sort, String page, String size) {

    /** The value of {@code status} that asks for every status on the page (the page's default is OPEN). */
    public static final String ANY = "ANY";

    /**
     * @param defaultStatus the status when the parameter is absent (the page: OPEN; the API: any)
     * @throws InvalidInputException every malformed field at once
     */
    AlertQuery parse(ZoneId zone, AlertQueryStatus defaultStatus) {
        List<FieldProblem> problems = new ArrayList<>();
        Instant fromAt = time("from", from, zone, false, problems);
        Instant toAt = time("to", to, zone, true, problems);
        Detector d = choice(Detector.class, "detector", detector, problems);
        Long personId = id("person", person, problems);
        Long patientId = id("patient", patient, problems);
        AlertQueryStatus s = status == null ? defaultStatus
                : status.isBlank() || ANY.equals(status.strip()) ? null
                : choice(AlertQueryStatus.class, "status", status, problems);
        AlertQuerySort order = choice(AlertQuerySort.class, "sort", sort, problems);
        int p = number("page", page, 0, problems);
        int n = number("size", size, AlertQuery.DEFAULT_SIZE, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new AlertQuery(fromAt, toAt, d, personId, patientId, s, order, p, n);
    }

    /** The filters as query parameters (for links to other pages and the export), without page. */
    Map<String, String> parameters() {
        Map<String, String> params = new LinkedHashMap<>();
        put(params, "from", from);
        put(params, "to", to);
        put(params, "detector", detector);
        put(params, "person", person);
        put(params, "patient", patient);
        put(params, "status", status);
        put(params, "sort", sort);
        return params;
    }

    private static void put(Map<String, String> params, String name, String value) {
        if (value != null && !value.isBlank()) {
            params.put(name, value.strip());
        }
    }

    private static Instant time(String field, String value, ZoneId zone, boolean end, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return java.time.OffsetDateTime.parse(v).toInstant();
            }
            return LocalDateTime.parse(v).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "monitor.cases.error.time"));
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String field, String value,
            List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.strip())) {
                return constant;
            }
        }
        problems.add(new FieldProblem(field, "monitor.cases.error.choice"));
        return null;
    }

    private static Long id(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() <= 18 && v.chars().allMatch(Character::isDigit) && Long.parseLong(v) > 0) {
            return Long.parseLong(v);
        }
        problems.add(new FieldProblem(field, "monitor.cases.error.id"));
        return null;
    }

    private static int number(String field, String value, int fallback, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String v = value.strip();
        if (v.length() <= 9 && v.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(v);
        }
        problems.add(new FieldProblem(field, "monitor.cases.error.number"));
        return fallback;
    }
}
