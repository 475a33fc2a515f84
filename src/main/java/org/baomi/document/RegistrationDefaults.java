package org.baomi.document;

import org.baomi.shared.SecretLevel;

/**
 * What a category gives a new document by default (CLS-2, CLS-4): its level and confidentiality period.
 *
 * @param notSecret CLS-5: the category is never a hospital secret
 */
public record RegistrationDefaults(String categoryCode, SecretLevel level, ConfidentialityTerm term,
        boolean notSecret) {
}
