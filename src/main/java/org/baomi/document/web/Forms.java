package org.baomi.document.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.shared.BaomiException;
import org.baomi.shared.Notice;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Parses form values (what does not parse becomes a field problem) and shows refusals as flash problems. */
final class Forms {

    private Forms() {
    }

    /**
     * Shows a refusal the person can act on as the page's flash problem: the first field problem of invalid input,
     * or the refusal's own message.
     */
    static void flashRefusal(BaomiException e, RedirectAttributes redirect) {
        if (e instanceof InvalidInputException invalid && !invalid.problems().isEmpty()) {
            FieldProblem first = invalid.problems().get(0);
            redirect.addFlashAttribute("problem", Notice.problem(first.messageKey(), first.args()));
        } else {
            redirect.addFlashAttribute("problem", Notice.problem(e.messageKey(), e.args()));
        }
    }

    static <E extends Enum<E>> E choice(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.strip())) {
                return constant;
            }
        }
        return null;
    }

    static void checkChoice(String raw, Object parsed, String field, List<FieldProblem> problems) {
        if (raw != null && !raw.isBlank() && parsed == null) {
            problems.add(new FieldProblem(field, "document.error.choice"));
        }
    }

    static Integer integer(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > 9 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Integer.valueOf(v);
    }

    static void checkInteger(String raw, String field, List<FieldProblem> problems) {
        if (raw != null && !raw.isBlank() && integer(raw) == null) {
            problems.add(new FieldProblem(field, "document.error.number"));
        }
    }

    static LocalDate date(String value) {
        if (value == null || value.isBlank() || value.length() > 10) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static void checkDate(String raw, String field, List<FieldProblem> problems) {
        if (raw != null && !raw.isBlank() && date(raw) == null) {
            problems.add(new FieldProblem(field, "document.error.date"));
        }
    }
}
