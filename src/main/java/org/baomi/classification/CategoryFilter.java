package org.baomi.classification;

import org.baomi.shared.SecretLevel;

/**
 * Which categories to list.
 *
 * @param query           part of a code, name or description in either language; null or blank for all
 * @param domainCode      only this domain; null for all
 * @param level           only this default level; null for all
 * @param includeInactive also deactivated categories
 */
public record CategoryFilter(String query, String domainCode, SecretLevel level, boolean includeInactive) {

    public static CategoryFilter activeOnly() {
        return new CategoryFilter(null, null, null, false);
    }
}
