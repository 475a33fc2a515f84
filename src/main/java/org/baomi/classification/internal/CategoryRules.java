package org.baomi.classification.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.baomi.classification.CategoryDraft;
import org.baomi.classification.PeriodKind;
import org.baomi.iam.FieldProblem;
import org.baomi.shared.SecretLevel;

/**
 * The rules a category must satisfy, without the database: a pure function from the draft (and the levels'
 * longest periods) to a clean category or the problems, field by field.
 */
final class CategoryRules {

    static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$");
    static final int CODE_MIN = 3;
    static final int CODE_MAX = 40;
    static final int NAME_MAX = 100;
    static final int DESCRIPTION_MAX = 1000;
    static final int CONDITION_MAX = 200;
    static final int ORDER_MAX = 100_000;

    private CategoryRules() {
    }

    /** A category that passed the rules. */
    record Clean(String code, String domainCode, String nameZh, String nameEn, String descriptionZh,
            String descriptionEn, SecretLevel defaultLevel, PeriodKind periodKind, Integer periodYears,
            String conditionZh, String conditionEn, String protectionZh, String protectionEn, boolean notSecret,
            int sortOrder) {
    }

    /**
     * Checks a draft. {@code code} is checked only when {@code checkCode} (it is fixed once created).
     *
     * @param maxYears the longest period of each hospital-secret level (CLS-4)
     */
    static Clean check(CategoryDraft draft, boolean checkCode, Map<SecretLevel, Integer> maxYears,
            List<FieldProblem> problems) {
        String code = draft.code() == null ? "" : draft.code().strip();
        if (checkCode && (code.length() < CODE_MIN || code.length() > CODE_MAX || !CODE.matcher(code).matches())) {
            problems.add(new FieldProblem("code", "classification.error.code-format", CODE_MIN, CODE_MAX));
        }
        String domain = draft.domainCode() == null ? "" : draft.domainCode().strip();
        if (domain.isEmpty()) {
            problems.add(new FieldProblem("domainCode", "classification.error.required"));
        }
        String nameZh = TextInput.required(draft.nameZh(), "nameZh", NAME_MAX, problems);
        String nameEn = TextInput.required(draft.nameEn(), "nameEn", NAME_MAX, problems);
        String descriptionZh = TextInput.optional(draft.descriptionZh(), "descriptionZh", DESCRIPTION_MAX, true, problems);
        String descriptionEn = TextInput.optional(draft.descriptionEn(), "descriptionEn", DESCRIPTION_MAX, true, problems);
        String protectionZh = TextInput.optional(draft.protectionZh(), "protectionZh", DESCRIPTION_MAX, true, problems);
        String protectionEn = TextInput.optional(draft.protectionEn(), "protectionEn", DESCRIPTION_MAX, true, problems);
        SecretLevel level = draft.defaultLevel();
        if (level == null) {
            problems.add(new FieldProblem("defaultLevel", "classification.error.required"));
        } else if (draft.notSecret() && level.atLeast(SecretLevel.SECRET)) {
            // CLS-5: general decisions, notices and administrative material are internal at most.
            problems.add(new FieldProblem("defaultLevel", "classification.error.not-secret-above-internal"));
        }
        PeriodKind kind = draft.periodKind();
        Integer years = null;
        String conditionZh = null;
        String conditionEn = null;
        if (kind == null) {
            problems.add(new FieldProblem("periodKind", "classification.error.required"));
        } else if (level != null) {
            boolean secret = level.atLeast(SecretLevel.SECRET);
            if (secret && kind == PeriodKind.NONE) {
                // CLS-4: every hospital secret carries a confidentiality period.
                problems.add(new FieldProblem("periodKind", "classification.error.secret-needs-period"));
            } else if (!secret && kind != PeriodKind.NONE) {
                problems.add(new FieldProblem("periodKind", "classification.error.period-only-for-secrets"));
            }
            if (kind == PeriodKind.YEARS) {
                years = draft.periodYears();
                Integer max = maxYears.get(level);
                if (years == null) {
                    problems.add(new FieldProblem("periodYears", "classification.error.required"));
                } else if (years < 1 || max != null && years > max) {
                    problems.add(new FieldProblem("periodYears", "classification.error.period-years-range",
                            max == null ? 1 : max));
                }
            }
            if (kind == PeriodKind.CONDITION) {
                conditionZh = TextInput.required(draft.conditionZh(), "conditionZh", CONDITION_MAX, problems);
                conditionEn = TextInput.required(draft.conditionEn(), "conditionEn", CONDITION_MAX, problems);
            }
        }
        int order = draft.sortOrder() == null ? 0 : draft.sortOrder();
        if (order < 0 || order > ORDER_MAX) {
            problems.add(new FieldProblem("sortOrder", "classification.error.sort-order-range", ORDER_MAX));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new Clean(code, domain, nameZh, nameEn, descriptionZh, descriptionEn, level, kind, years, conditionZh,
                conditionEn, protectionZh, protectionEn, draft.notSecret(), order);
    }

    /** Convenience for tests and callers that want the problems only. */
    static List<FieldProblem> problemsOf(CategoryDraft draft, boolean checkCode, Map<SecretLevel, Integer> maxYears) {
        List<FieldProblem> problems = new ArrayList<>();
        check(draft, checkCode, maxYears, problems);
        return problems;
    }
}
