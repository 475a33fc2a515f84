package org.baomi.classification;

import java.time.LocalDate;
import java.util.Set;

import org.baomi.shared.SecretLevel;

/**
 * A designation as the president enters it (CLS-3).
 *
 * @param staffNo        the designated person's staff number; an active account, not one of the 三员
 * @param allCategories  the whole catalogue; otherwise {@code domainCodes} and/or {@code categoryCodes} name the scope
 * @param maxLevel       the highest level the person may set: 秘密, 机密 or 绝密, and not above their clearance
 * @param validFrom      first day, inclusive
 * @param validUntil     last day, inclusive; not before {@code validFrom}, at most five years later
 * @param reason         why, 1 to 500 characters
 */
public record DesignationDraft(String staffNo, boolean allCategories, Set<String> domainCodes,
        Set<String> categoryCodes, SecretLevel maxLevel, LocalDate validFrom, LocalDate validUntil, String reason) {

    public DesignationDraft {
        domainCodes = domainCodes == null ? Set.of() : Set.copyOf(domainCodes);
        categoryCodes = categoryCodes == null ? Set.of() : Set.copyOf(categoryCodes);
    }
}
