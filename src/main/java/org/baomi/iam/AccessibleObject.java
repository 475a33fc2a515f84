package org.baomi.iam;

import org.baomi.shared.SecretLevel;

/**
 * An object a person can reach, and why ('What can this person see?').
 *
 * @param ref     the object
 * @param level   its level
 * @param basis   the need-to-know basis that allows it
 * @param grantId the grant, when the basis is {@link NeedToKnow#GRANT}
 */
public record AccessibleObject(ResourceRef ref, SecretLevel level, NeedToKnow basis, Long grantId) {
}
