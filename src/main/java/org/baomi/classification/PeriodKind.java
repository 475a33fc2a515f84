package org.baomi.classification;

/** How a category's default confidentiality period is stated (CLS-4). */
public enum PeriodKind {
    /** A number of years, at most the level's longest period. */
    YEARS,
    /** Until the content is published (an unpublished paper, a plan before it is announced). */
    UNTIL_PUBLISHED,
    /** Until a stated condition holds ("until the result of the procurement is published"). */
    CONDITION,
    /** Confidential for as long as the content exists (patient privacy, credentials). */
    INDEFINITE,
    /** Not a hospital secret (内部, 公开): no period (CLS-5). */
    NONE;

    public String messageKey() {
        return "classification.period-kind." + name();
    }
}
