/**
 * Patient privacy (issue 6): the patient directory — patients, encounters, diagnoses, care teams and fee lists —
 * fed by the HIS/EMR through a REST import and FHIR R4 (PAT-1), each patient registered with the decision point and
 * each care team member given need-to-know through {@link org.baomi.iam.CareRelationships} (ACC-4). Every import
 * is validated entry by entry, idempotent by the source system's id, and audited in its own transaction. Patients
 * sign in to the self-service pages to see and print their own fee lists and who accessed their record (ACC-5);
 * prints go through {@code print}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit", "iam", "approval", "print",
        "vault"})
package org.baomi.privacy;
