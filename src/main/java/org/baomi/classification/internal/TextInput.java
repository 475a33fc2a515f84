package org.baomi.classification.internal;

import java.util.List;

import org.baomi.iam.FieldProblem;

/**
 * Text typed into the catalogue's forms: stripped, bounded, and free of control characters (line breaks are
 * allowed in long text) and of bidirectional overrides, which could make a category read differently than it is.
 */
final class TextInput {

    static final int REASON_MAX = 500;

    private TextInput() {
    }

    /** A required single-line text, or null with a problem recorded. */
    static String required(String raw, String field, int max, List<FieldProblem> problems) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            problems.add(new FieldProblem(field, "classification.error.required"));
            return null;
        }
        return checked(value, field, max, false, problems);
    }

    /** An optional text (empty when blank), multi-line when {@code multiLine}. */
    static String optional(String raw, String field, int max, boolean multiLine, List<FieldProblem> problems) {
        String value = raw == null ? "" : raw.strip();
        return value.isEmpty() ? "" : checked(value, field, max, multiLine, problems);
    }

    /** A required multi-line text. */
    static String requiredText(String raw, String field, int max, List<FieldProblem> problems) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            problems.add(new FieldProblem(field, "classification.error.required"));
            return null;
        }
        return checked(value, field, max, true, problems);
    }

    /** The reason every catalogue change and designation needs (versioning, AUD-1). */
    static String reason(String raw, List<FieldProblem> problems) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            problems.add(new FieldProblem("reason", "classification.error.reason-required"));
            return null;
        }
        return checked(value, "reason", REASON_MAX, true, problems);
    }

    private static String checked(String value, String field, int max, boolean multiLine, List<FieldProblem> problems) {
        if (value.codePointCount(0, value.length()) > max) {
            problems.add(new FieldProblem(field, "classification.error.too-long", max));
            return null;
        }
        if (!value.codePoints().allMatch(cp -> allowed(cp, multiLine))) {
            problems.add(new FieldProblem(field, "classification.error.unprintable"));
            return null;
        }
        return multiLine ? value.replace("\r\n", "\n") : value;
    }

    private static boolean allowed(int cp, boolean multiLine) {
        if (cp == '\n' || cp == '\r' || cp == '\t') {
            return multiLine;
        }
        if (Character.isISOControl(cp)) {
            return false;
        }
        int type = Character.getType(cp);
        // Format characters include the bidirectional overrides (U+202E) and zero-width characters.
        return type != Character.FORMAT && type != Character.UNASSIGNED && type != Character.PRIVATE_USE
                && type != Character.SURROGATE;
    }
}
