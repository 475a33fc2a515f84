package org.baomi.classification;

import org.baomi.iam.LocalizedName;

/**
 * A default confidentiality period (CLS-4).
 *
 * @param kind      how it is stated
 * @param years     the number of years for {@link PeriodKind#YEARS}, else null
 * @param condition the condition for {@link PeriodKind#CONDITION}, else null
 */
public record ConfidentialityPeriod(PeriodKind kind, Integer years, LocalizedName condition) {
}
