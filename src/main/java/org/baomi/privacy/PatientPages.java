package org.baomi.privacy;

import java.util.List;

/**
 * The patient pages of staff (issue 6 item 2, ACC-4, PAT-3): search among the patients one cares for, and a
 * patient's record for a purpose. The decision point is asked first, every time.
 */
public interface PatientPages {

    /** At most this many patients are listed. */
    int MAX_RESULTS = 100;

    /**
     * The patients matching the filter that the current person may read now: candidates from the care teams they
     * belong to (open or within the care window), each decided by the decision point ({@code decide}). Non-medical
     * staff get none (ACC-4). Needs {@link PrivacyPermissions#PATIENT_READ}. Audit: {@code privacy.patient.searched}
     * (filter, count, the patient ids listed).
     *
     * @throws org.baomi.shared.BaomiException INVALID (message key {@code privacy.patients.error.*}) for a malformed
     *                                         filter; FORBIDDEN without the permission (audited)
     */
    List<PatientListing> search(PatientFilter filter);

    /**
     * A patient's record for the purpose: the purpose's permission, then {@code AccessPolicy.require(READ)} with the
     * purpose (and the break-the-glass session, if given). Audit: {@code privacy.patient.viewed} with the patient id,
     * the purpose and the parts shown.
     *
     * @param breakGlassId an open break-the-glass session of the person, or null
     * @throws org.baomi.shared.BaomiException NOT_FOUND ({@code privacy.patients.error.not-found});
     *                                         {@link org.baomi.iam.AccessDeniedException} when the decision point
     *                                         refuses (audited, with the approval route)
     */
    PatientView view(long patientId, PatientPurpose purpose, Long breakGlassId);
}
