package org.baomi.privacy;

import java.util.List;

/**
 * The registration or cashier desk's side of patient self-service (issue 6 item 4, ACC-5): find the patient in
 * front of the desk and issue a one-time code. Needs {@link SelfServicePermissions#ISSUE_CODE} (a refusal is audited
 * as {@code access.denied}).
 */
public interface SelfServiceDesk {

    /**
     * Patients with exactly this medical record number or ID number (PAT-3: identifiers masked). Audit:
     * {@code privacy.self.desk.searched} with the ids found in {@code details.patients}.
     *
     * @throws org.baomi.shared.BaomiException INVALID {@code privacy-self.desk.error.query} for an empty or malformed
     *                                         query; FORBIDDEN without the permission
     */
    List<SelfServicePatient> find(String mrnOrIdNumber);

    /**
     * Issues a new six-digit code for the patient, valid for a few minutes (ten by default), and voids the codes
     * issued before. The code is returned once and kept only as a salted hash. Audit: {@code privacy.self.code.issued}
     * with the patient id, channel DESK.
     *
     * @throws org.baomi.shared.BaomiException NOT_FOUND {@code privacy-self.desk.error.not-found}; FORBIDDEN
     */
    SelfServiceCode issueCode(long patientId);
}
