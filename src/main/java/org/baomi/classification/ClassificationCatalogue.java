package org.baomi.classification;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.baomi.shared.SecretLevel;

/**
 * Reads the classification catalogue (CLS-1..7).
 *
 * <p>Who may read: every signed-in person (the guide is for everyone who produces documents), and integration
 * clients whose API token carries the scope {@link ClassificationPermissions#READ_CATALOGUE}; anybody else is
 * refused (FORBIDDEN, audited as {@code access.denied}). People's reads are <em>not</em> audited: the catalogue
 * is regulatory text, not protected content, and auditing every view of the guide would only bury the entries
 * that matter. Reads by integration clients are audited ({@code classification.catalogue.read}) so that the
 * office knows which systems take the catalogue. The CSV export is audited ({@code classification.catalogue.exported}).
 */
public interface ClassificationCatalogue {

    /** The five levels, highest first. */
    List<LevelDefinition> levels();

    /** One level's definition. */
    LevelDefinition level(SecretLevel level);

    /** The domains in their order, each with the categories that match the filter (domains without any are left out). */
    List<CategoryDomain> tree(CategoryFilter filter);

    /** Matching categories in the order of the tree. */
    List<CategorySummary> categories(CategoryFilter filter);

    /** A category by its code, active or not. */
    Optional<CategorySummary> category(String code);

    /**
     * The default level of an active category (CLS-2, CLS-5).
     *
     * @throws org.baomi.shared.BaomiException NOT_FOUND for an unknown or deactivated category
     */
    SecretLevel defaultLevel(String categoryCode);

    /**
     * The default confidentiality period of an active category (CLS-4).
     *
     * @throws org.baomi.shared.BaomiException NOT_FOUND for an unknown or deactivated category
     */
    ConfidentialityPeriod defaultPeriod(String categoryCode);

    /**
     * What content of this category at this level requires (CLS-7): the level's measures and the category's notes.
     *
     * @throws org.baomi.shared.BaomiException NOT_FOUND for an unknown category
     */
    ProtectionMeasures protection(String categoryCode, SecretLevel level);

    /** The domains (code and name), for filters and forms. */
    List<CategoryDomain> domains();

    /** The guide's text, in order. */
    List<GuideSection> guide();

    /** The number of the current catalogue version. */
    int currentVersion();

    /** One page of versions, newest first; {@code size} is 1 to 100. */
    CatalogueHistory history(int page, int size);

    /** One version with its difference. */
    Optional<CatalogueVersion> version(int number);

    /**
     * Every category (active and deactivated) as CSV, headers and names in the locale's language. Audited as
     * {@code classification.catalogue.exported}.
     */
    byte[] exportCsv(Locale locale);
}
