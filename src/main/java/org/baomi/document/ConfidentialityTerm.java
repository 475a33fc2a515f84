package org.baomi.document;

import java.time.LocalDate;

import org.baomi.classification.PeriodKind;

/**
 * A document's confidentiality period (CLS-4) as registered: a number of years, an end date, a condition, until
 * published, or indefinite; {@link PeriodKind#NONE} for documents that are not hospital secrets (CLS-5).
 *
 * @param kind      how it is stated
 * @param years     for {@link PeriodKind#YEARS}, else null
 * @param until     an end date instead of years (kind {@link PeriodKind#YEARS} with years null), else null
 * @param condition for {@link PeriodKind#CONDITION}, else null
 */
public record ConfidentialityTerm(PeriodKind kind, Integer years, LocalDate until, String condition) {

    /** The day the document declassifies itself (CLS-4), counted from the day it was registered; null when none. */
    public LocalDate declassifiesOn(LocalDate registeredOn) {
        if (kind != PeriodKind.YEARS) {
            return null;
        }
        if (until != null) {
            return until;
        }
        return years == null ? null : registeredOn.plusYears(years);
    }
}
