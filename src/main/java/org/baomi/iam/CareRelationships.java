package org.baomi.iam;

import java.time.Instant;
import java.util.List;

/**
 * The care relationships that give clinical staff need-to-know of their patients (ACC-4), fed by the patient
 * privacy module or the HIS. Writes join the caller's transaction (or run in their own) and reach every instance's decision model within
 * a second. The caller audits its business action; since a relationship opens the patient's record to the person,
 * each write is also recorded here (AUD-1), in the writing transaction: audit actions {@code access.care.added},
 * {@code access.care.ended}.
 */
public interface CareRelationships {

    /**
     * Puts the person on the patient's care team from {@code from}, until {@code until} (null: open).
     *
     * @return the relationship's id
     * @throws org.baomi.shared.BaomiException INVALID when {@code until} is before {@code from}
     */
    long add(long personId, String patientId, Instant from, Instant until);

    /**
     * Ends an open relationship at the given time (the care window then runs from it).
     *
     * @throws org.baomi.shared.BaomiException CONFLICT when it does not exist, has ended, or starts after {@code at}
     */
    void end(long relationshipId, Instant at);

    /** The patient's care relationships as the model knows them now, current and past. */
    List<CareRelationship> ofPatient(String patientId);
}
