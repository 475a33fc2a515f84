package org.baomi.classification;

/**
 * A level's definition as the confidentiality office edits it (CLS-2, CLS-7). The level itself, its rank and
 * whether it is a hospital secret are fixed (CLS-1).
 *
 * @param maxPeriodYears 1 to 30 for hospital secrets (the national limit of 绝密); must be null for 内部 and 公开
 */
public record LevelDraft(String harmZh, String harmEn, Integer maxPeriodYears, String storageZh, String storageEn,
        String transferZh, String transferEn, String copyingZh, String copyingEn, String destructionZh,
        String destructionEn) {
}
