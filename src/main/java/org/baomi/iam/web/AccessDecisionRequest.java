package org.baomi.iam.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One question of another system to the decision API (issue 3 item 5). Fields are plain strings so that a wrong
 * value is reported per field in the caller's language rather than as an unreadable body.
 *
 * @param staffNo      the person's staff number (工号); give this or {@code personId}
 * @param personId     the person's Baomi account id; give this or {@code staffNo}
 * @param action       READ, CHANGE, EXPORT or CREATE (case ignored)
 * @param resourceType object type: document, patient, archive, ...
 * @param resourceId   the owning system's id of the object
 * @param purpose      why the caller asks (recorded, never decisive), at most 200 characters
 * @param breakGlassId an open break-the-glass session the person relies on
 */
@Schema(description = "Give staffNo or personId, and action, resourceType, resourceId.")
record AccessDecisionRequest(String staffNo, Long personId, String action, String resourceType, String resourceId,
        String purpose, Long breakGlassId) {
}
