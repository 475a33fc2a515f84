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

    /** A care relationship to add with {@link #addAll}: as the arguments of {@link #add}. */
    record Assignment(long personId, String patientId, Instant from, Instant until) {
    }

    /**
     * {@link #add} for many relationships at once (care teams imported from the HIS, the demo hospital): one
     * statement, and ONE audit record {@code access.care.added} per call listing the count and, per relationship,
     * the id, person and patient (AUD-1; one record per batch keeps the audit volume of imports bounded).
     *
     * @return the relationships' ids, in the order given
     * @throws org.baomi.shared.BaomiException INVALID when a period is invalid, a patient id is invalid or a person
     *         unknown (then nothing is added)
     */
    List<Long> addAll(List<Assignment> assignments);

    /**
     * {@link #end} for many open relationships at once, with ONE audit record {@code access.care.ended} per call.
     *
     * @throws org.baomi.shared.BaomiException CONFLICT when one of them does not exist, has ended or starts after
     *         {@code at} (then none is ended)
     */
    void endAll(List<Long> relationshipIds, Instant at);

    /**
     * Ends an open relationship at the given time (the care window then runs from it).
     *
     * @throws org.baomi.shared.BaomiException CONFLICT when it does not exist, has ended, or starts after {@code at}
     */
    void end(long relationshipId, Instant at);

    /** The patient's care relationships as the model knows them now, current and past. */
    List<CareRelationship> ofPatient(String patientId);
}
