package org.baomi.iam;

/**
 * Someone who can reach an object, and why ('Who can see this document or patient, and why?').
 *
 * @param person  the person
 * @param basis   the need-to-know basis that allows it
 * @param grantId the grant, when the basis is {@link NeedToKnow#GRANT}
 */
public record AccessHolder(AccessPerson person, NeedToKnow basis, Long grantId) {
}
