package org.baomi.iam.internal.account;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.baomi.iam.FieldProblem;

/**
 * Checks and normalises what an administrator types about a person. Each method adds its problems to the list
 * and returns the normal form, or null when the value is absent or refused. Patterns are anchored and linear,
 * and lengths are checked first, so hostile input costs nothing.
 */
final class AccountInput {

    static final int NAME_MAX = 50;
    static final int REASON_MAX = 500;
    static final int EMAIL_MAX = 200;

    private static final Pattern STAFF_NO = Pattern.compile("^[A-Za-z0-9-]{2,32}$");
    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 -]{3,30}[0-9]$");
    /** Scripts written together in East Asian names count as one. */
    private static final Set<UnicodeScript> HAN_FAMILY = EnumSet.of(UnicodeScript.HAN, UnicodeScript.HIRAGANA,
            UnicodeScript.KATAKANA, UnicodeScript.HANGUL, UnicodeScript.BOPOMOFO);

    private AccountInput() {
    }

    static String staffNo(String raw, List<FieldProblem> problems) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            problems.add(new FieldProblem("staffNo", "iam.admin.error.staff-no.required"));
            return null;
        }
        // Checked before upper-casing: Unicode case mapping turns some non-ASCII letters into ASCII ones.
        if (!STAFF_NO.matcher(value).matches()) {
            problems.add(new FieldProblem("staffNo", "iam.admin.error.staff-no.format"));
            return null;
        }
        return value.toUpperCase(Locale.ROOT);
    }

    static String fullName(String raw, List<FieldProblem> problems) {
        String value = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
        if (value.isEmpty()) {
            problems.add(new FieldProblem("fullName", "iam.admin.error.full-name.required"));
            return null;
        }
        if (value.codePointCount(0, value.length()) > NAME_MAX) {
            problems.add(new FieldProblem("fullName", "iam.admin.error.full-name.too-long", NAME_MAX));
            return null;
        }
        value = value.replaceAll(" {2,}", " ");
        if (!Character.isLetter(value.codePointAt(0))
                || !value.codePoints().allMatch(cp -> Character.isLetter(cp) || isMark(cp) || namePunctuation(cp))) {
            problems.add(new FieldProblem("fullName", "iam.admin.error.full-name.characters"));
            return null;
        }
        // Letters of two scripts in one name (Latin with Cyrillic look-alikes) are how names are spoofed.
        long scripts = value.codePoints().filter(Character::isLetter).mapToObj(AccountInput::scriptGroup).distinct().count();
        if (scripts > 1) {
            problems.add(new FieldProblem("fullName", "iam.admin.error.full-name.mixed-scripts"));
            return null;
        }
        return value;
    }

    static String email(String raw, List<FieldProblem> problems) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > EMAIL_MAX || !EMAIL.matcher(value).matches()) {
            problems.add(new FieldProblem("email", "iam.admin.error.email.format"));
            return null;
        }
        return value;
    }

    static String phone(String raw, List<FieldProblem> problems) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > 32 || !PHONE.matcher(value).matches()) {
            problems.add(new FieldProblem("phone", "iam.admin.error.phone.format"));
            return null;
        }
        return value;
    }

    /** A reason of a status change: required unless {@code required} is false; line breaks allowed. */
    static String reason(String raw, boolean required, List<FieldProblem> problems) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            if (required) {
                problems.add(new FieldProblem("reason", "iam.admin.error.reason.required"));
            }
            return null;
        }
        if (value.codePointCount(0, value.length()) > REASON_MAX) {
            problems.add(new FieldProblem("reason", "iam.admin.error.reason.too-long", REASON_MAX));
            return null;
        }
        if (value.codePoints().anyMatch(cp -> !printable(cp) && cp != '\n' && cp != '\r' && cp != '\t')) {
            problems.add(new FieldProblem("reason", "iam.admin.error.reason.characters"));
            return null;
        }
        return value;
    }

    /** A display label (role names): 1 to {@code max} printable characters. */
    static String label(String raw, String field, int max, List<FieldProblem> problems) {
        String value = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
        if (value.isEmpty()) {
            problems.add(new FieldProblem(field, "iam.admin.error.label.required"));
            return null;
        }
        if (value.codePointCount(0, value.length()) > max) {
            problems.add(new FieldProblem(field, "iam.admin.error.label.too-long", max));
            return null;
        }
        if (!value.codePoints().allMatch(AccountInput::printable)) {
            problems.add(new FieldProblem(field, "iam.admin.error.label.characters"));
            return null;
        }
        return value;
    }

    /** No control, format (bidi overrides, zero-width), private-use, unassigned or lone surrogate characters. */
    static boolean printable(int cp) {
        int type = Character.getType(cp);
        return !Character.isISOControl(cp) && type != Character.FORMAT && type != Character.PRIVATE_USE
                && type != Character.UNASSIGNED && type != Character.SURROGATE;
    }

    /**
     * Besides letters a name may hold a space, a middle dot (U+00B7, U+30FB: names of minority nationalities
     * such as Uyghur ones are written with it), a period, an apostrophe or a hyphen.
     */
    private static boolean namePunctuation(int cp) {
        return cp == ' ' || cp == 0x00B7 || cp == 0x30FB || cp == '.' || cp == '\'' || cp == '-';
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static UnicodeScript scriptGroup(int cp) {
        UnicodeScript script = UnicodeScript.of(cp);
        return HAN_FAMILY.contains(script) ? UnicodeScript.HAN : script;
    }
}
