package org.baomi.classification;

import org.baomi.iam.LocalizedName;
import org.baomi.shared.SecretLevel;

/**
 * One level as the hospital defines it (CLS-1, CLS-2, CLS-7).
 *
 * @param hospitalSecret   true for 秘密, 机密 and 绝密; 内部 and 公开 are not hospital secrets
 * @param harm             the harm that disclosure causes, with examples
 * @param maxPeriodYears   the longest confidentiality period of the level; null for levels that are not secrets
 * @param protection       the measures the level requires ({@code categoryNotes} is null)
 * @param version          for optimistic locking of edits
 */
public record LevelDefinition(SecretLevel level, boolean hospitalSecret, LocalizedName harm, Integer maxPeriodYears,
        ProtectionMeasures protection, int version) {
}
