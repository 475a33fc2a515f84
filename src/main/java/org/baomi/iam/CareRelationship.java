package org.baomi.iam;

import java.time.Instant;

/**
 * A staff member on the care team of a patient (ACC-4): during an encounter and, for a configurable window, after
 * it ends ({@link AccessPolicyRule#careWindowDays()}).
 *
 * @param id        id of the relationship
 * @param personId  account id of the staff member
 * @param patientId the patient's id (the {@link ResourceRef#PATIENT} object's id)
 * @param from      start of the encounter
 * @param until     end of the encounter; null while it is open
 */
public record CareRelationship(long id, long personId, String patientId, Instant from, Instant until) {
}
