package org.baomi.document;

import java.time.LocalDate;
import java.util.List;

import org.baomi.shared.SecretLevel;

/**
 * A document due for the designee's declassification review (CLS-4), with what the review screen offers.
 *
 * @param latestEnd   the latest end date an extension may give: registration day plus the level's longest period
 *                    (CLS-4); null when the level has no longest period
 * @param lowerLevels the levels a downgrade may choose, highest first
 */
public record ReviewItem(DocumentSummary document, LocalDate latestEnd, List<SecretLevel> lowerLevels) {

    public ReviewItem {
        lowerLevels = List.copyOf(lowerLevels);
    }

    /** Whether an extension is still possible (the latest end lies after the current end). */
    public boolean extendable() {
        return latestEnd != null && (document.declassifyOn() == null || latestEnd.isAfter(document.declassifyOn()));
    }
}
