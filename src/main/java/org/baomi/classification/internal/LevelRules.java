package org.baomi.classification.internal;

import java.util.List;
import java.util.Map;

import org.baomi.classification.LevelDraft;
import org.baomi.iam.FieldProblem;
import org.baomi.shared.SecretLevel;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** The rules of a level's definition (CLS-2, CLS-4, CLS-7), without the database. */
final class LevelRules {

    /** The national limit for 绝密, which no hospital period exceeds. */
    static final int LONGEST_PERIOD = 30;
    static final int TEXT_MAX = 1000;

    private LevelRules() {
    }

    record Clean(String harmZh, String harmEn, Integer maxPeriodYears, String storageZh, String storageEn,
            String transferZh, String transferEn, String copyingZh, String copyingEn, String destructionZh,
            String destructionEn) {
    }

    /**
     * Checks a level's draft.
     *
     * @param otherMaxYears the longest periods of the other hospital-secret levels: a higher level never has a
     *                      shorter longest period than a lower one
     * @param longestCategoryYears the longest default period in years of a category at this level (0 if none):
     *                      the level's limit may not fall below it
     */
    static Clean check(SecretLevel level, LevelDraft draft, Map<SecretLevel, Integer> otherMaxYears,
            int longestCategoryYears, List<FieldProblem> problems) {
        String harmZh = TextInput.requiredText(draft.harmZh(), "harmZh", TEXT_MAX, problems);
        String harmEn = TextInput.requiredText(draft.harmEn(), "harmEn", TEXT_MAX, problems);
        String storageZh = TextInput.requiredText(draft.storageZh(), "storageZh", TEXT_MAX, problems);
        String storageEn = TextInput.requiredText(draft.storageEn(), "storageEn", TEXT_MAX, problems);
        String transferZh = TextInput.requiredText(draft.transferZh(), "transferZh", TEXT_MAX, problems);
        String transferEn = TextInput.requiredText(draft.transferEn(), "transferEn", TEXT_MAX, problems);
        String copyingZh = TextInput.requiredText(draft.copyingZh(), "copyingZh", TEXT_MAX, problems);
        String copyingEn = TextInput.requiredText(draft.copyingEn(), "copyingEn", TEXT_MAX, problems);
        String destructionZh = TextInput.requiredText(draft.destructionZh(), "destructionZh", TEXT_MAX, problems);
        String destructionEn = TextInput.requiredText(draft.destructionEn(), "destructionEn", TEXT_MAX, problems);
        Integer years = draft.maxPeriodYears();
        if (level.atLeast(SecretLevel.SECRET)) {
            if (years == null) {
                problems.add(new FieldProblem("maxPeriodYears", "classification.error.required"));
            } else if (years < 1 || years > LONGEST_PERIOD) {
                problems.add(new FieldProblem("maxPeriodYears", "classification.error.period-years-range", LONGEST_PERIOD));
            } else if (years < longestCategoryYears) {
                problems.add(new FieldProblem("maxPeriodYears", "classification.error.level-below-categories",
                        longestCategoryYears));
            } else {
                otherMaxYears.forEach((other, otherYears) -> {
                    if (otherYears != null && (other.compareTo(level) < 0 && otherYears > years
                            || other.compareTo(level) > 0 && otherYears < years)) {
                        problems.add(new FieldProblem("maxPeriodYears", "classification.error.level-order",
                                new DefaultMessageSourceResolvable(
                                        other.messageKey()), otherYears));
                    }
                });
            }
        } else if (years != null) {
            problems.add(new FieldProblem("maxPeriodYears", "classification.error.period-only-for-secrets"));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new Clean(harmZh, harmEn, level.atLeast(SecretLevel.SECRET) ? years : null, storageZh, storageEn,
                transferZh, transferEn, copyingZh, copyingEn, destructionZh, destructionEn);
    }
}
