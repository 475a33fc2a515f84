package org.baomi.privacy;

import java.time.Instant;

/**
 * One access to a patient's record as listed to the patient (issue 6 item 4, ACC-5): taken from one audit entry.
 *
 * @param auditId      the audit entry's id (its chain sequence), so that the office can trace a question to it
 * @param department   the accessing person's department at the time (as the audit trail recorded it)
 * @param roleKey      message key of the accessing person's role towards the patient: the care-team role, or staff
 *                     in general, or a hospital system
 * @param actorName    the person's name, only when the hospital's policy shows names; otherwise null
 * @param purposeKey   message key of the purpose (treatment, billing, ...), or null when none was recorded
 * @param grantId      the approval (grant) that allowed the access, or null
 * @param breakGlassId the break-the-glass session that allowed it, or null
 */
public record DisclosureEntry(long auditId, Instant at, DisclosureAction action, String department, String roleKey,
        String actorName, String purposeKey, Long grantId, Long breakGlassId) {
}
