package org.baomi.classification;

import org.baomi.iam.LocalizedName;

/**
 * What a level requires (CLS-7, 分级保护): how content is stored, transferred, copied and destroyed, and, where
 * asked for one category, that category's own notes.
 *
 * @param categoryNotes notes of the category asked about; null when only the level was asked about or the
 *                      category has none
 */
public record ProtectionMeasures(LocalizedName storage, LocalizedName transfer, LocalizedName copying,
        LocalizedName destruction, LocalizedName categoryNotes) {
}
