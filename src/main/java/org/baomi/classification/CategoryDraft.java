package org.baomi.classification;

import org.baomi.shared.SecretLevel;

/**
 * A category as the confidentiality office enters it. Text is stripped; blank optional text is empty.
 *
 * @param code        upper-case letters, digits and hyphens, 3 to 40 characters; ignored on update
 * @param periodYears for {@link PeriodKind#YEARS}: 1 to the level's longest period
 * @param conditionZh for {@link PeriodKind#CONDITION}, with {@code conditionEn}
 */
public record CategoryDraft(String code, String domainCode, String nameZh, String nameEn, String descriptionZh,
        String descriptionEn, SecretLevel defaultLevel, PeriodKind periodKind, Integer periodYears,
        String conditionZh, String conditionEn, String protectionZh, String protectionEn, boolean notSecret,
        Integer sortOrder) {
}
