package org.baomi.classification;

import java.time.Instant;
import java.util.List;

/**
 * One version of the catalogue: the change that made it, who made it, when and why.
 *
 * @param number        1 for the catalogue as loaded, then one more for every change, without gaps
 * @param changedBy     account id, null for the initial load
 * @param changeKind    what kind of change ({@link ChangeKind})
 * @param subject       what was changed: a category code, a level name, a guide section code
 * @param changes       the structured difference, field by field
 */
public record CatalogueVersion(int number, Instant changedAt, Long changedBy, String changedByName,
        ChangeKind changeKind, String subject, String reason, List<CatalogueChange> changes) {

    public CatalogueVersion {
        changes = List.copyOf(changes);
    }

    /** Kinds of catalogue change. */
    public enum ChangeKind {
        CATALOGUE_LOADED, CATEGORY_CREATED, CATEGORY_UPDATED, CATEGORY_DEACTIVATED, CATEGORY_REACTIVATED,
        LEVEL_UPDATED, GUIDE_UPDATED;

        public String messageKey() {
            return "classification.change-kind." + name();
        }
    }
}
