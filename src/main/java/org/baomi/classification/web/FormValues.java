package org.baomi.classification.web;

import java.util.List;

import org.baomi.classification.PeriodKind;
import org.baomi.iam.FieldProblem;
import org.baomi.shared.SecretLevel;

/** Parses the choices and numbers of the forms; what cannot be parsed is null and becomes a form error. */
final class FormValues {

    private FormValues() {
    }

    static SecretLevel level(String value) {
        return parse(SecretLevel.class, value);
    }

    static PeriodKind periodKind(String value) {
        return parse(PeriodKind.class, value);
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

    static void checkChoice(String raw, Object parsed, String field, List<FieldProblem> problems) {
        if (raw != null && !raw.isBlank() && parsed == null) {
            problems.add(new FieldProblem(field, "classification.error.choice"));
        }
    }

    static void checkInteger(String raw, String field, List<FieldProblem> problems) {
        if (raw != null && !raw.isBlank() && integer(raw) == null) {
            problems.add(new FieldProblem(field, "classification.error.number"));
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
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
}
