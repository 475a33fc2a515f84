package org.baomi.classification;

import org.baomi.shared.SecretLevel;

/**
 * Changes of the classification catalogue by the confidentiality office (permission
 * {@link ClassificationPermissions#MANAGE_CATALOGUE}; the 三员 never hold it, ORG-5). Every change:
 * <ul>
 *   <li>needs a reason (1 to 500 characters), else INVALID with a problem of field {@code reason};</li>
 *   <li>creates the next catalogue version with the structured difference, and returns its number;</li>
 *   <li>is audited in the same transaction ({@code classification.category.created}, {@code .updated},
 *       {@code .deactivated}, {@code .reactivated}, {@code classification.level.updated},
 *       {@code classification.guide.updated}), with the version number and the difference;</li>
 *   <li>takes the version of the edited row it was based on and refuses a stale one with CONFLICT
 *       ({@code classification.error.stale}): someone else changed it meanwhile.</li>
 * </ul>
 * Categories are never deleted: they are deactivated (and may be reactivated). Denials are audited as
 * {@code access.denied} and thrown as FORBIDDEN. Input problems are thrown as
 * {@link org.baomi.iam.InvalidInputException} field by field and nothing is written.
 */
public interface ClassificationAdministration {

    /** Adds a category; CLS-5: a category flagged "not a secret" defaults to 内部 at most. */
    int createCategory(CategoryDraft draft, String reason);

    /** Edits a category's names, description, defaults and notes; its code stays. */
    int updateCategory(String code, int expectedVersion, CategoryDraft draft, String reason);

    /** Deactivates a category: no new classification uses it; it stays in the catalogue and its history. */
    int deactivateCategory(String code, int expectedVersion, String reason);

    /** Makes a deactivated category usable again. */
    int reactivateCategory(String code, int expectedVersion, String reason);

    /** Edits a level's definition of harm, longest period and protection measures (CLS-2, CLS-7). */
    int updateLevel(SecretLevel level, int expectedVersion, LevelDraft draft, String reason);

    /** Edits a section of the guide's text. */
    int updateGuideSection(String code, int expectedVersion, GuideDraft draft, String reason);
}
