package org.baomi.document;

import org.baomi.classification.PeriodKind;
import org.baomi.shared.SecretLevel;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The mark every view, print and export of a document carries (CLS-4): its level and confidentiality period,
 * '机密★10年', '秘密★长期'. Computed here and nowhere else, so that the register, the document's page, the CSV
 * export and (later) the cover sheet always agree. Levels below 秘密 are not hospital secrets (CLS-5) and carry
 * the level's name only.
 */
public final class DocumentMarks {

    private DocumentMarks() {
    }

    /** The mark, to be resolved in the reader's language ({@code MessageSource.getMessage(mark, locale)}). */
    public static MessageSourceResolvable of(SecretLevel level, ConfidentialityTerm term) {
        Object levelName = resolvable(level.messageKey());
        if (!level.atLeast(SecretLevel.SECRET) || term == null || term.kind() == PeriodKind.NONE) {
            return message("document.mark.plain", levelName);
        }
        return switch (term.kind()) {
            case YEARS -> term.until() != null
                    ? message("document.mark.until", levelName, term.until().toString())
                    : message("document.mark.years", levelName, term.years());
            case CONDITION -> message("document.mark.condition", levelName, term.condition());
            case UNTIL_PUBLISHED -> message("document.mark.published", levelName);
            case INDEFINITE -> message("document.mark.indefinite", levelName);
            case NONE -> message("document.mark.plain", levelName);
        };
    }

    private static MessageSourceResolvable message(String key, Object... args) {
        return new DefaultMessageSourceResolvable(new String[] {key}, args, key);
    }

    private static MessageSourceResolvable resolvable(String key) {
        return new DefaultMessageSourceResolvable(new String[] {key}, null, key);
    }
}
