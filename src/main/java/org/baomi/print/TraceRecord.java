package org.baomi.print;

import java.time.Instant;

import org.baomi.shared.SecretLevel;

/**
 * Who got the copy with a trace code, and when (AUD-1, DOC-3): the answer to the confidentiality office's question.
 * Name and staff number are as they were when the copy was made.
 *
 * @param personId   the staff account that got the copy; for a {@link Holder#PATIENT} the patient's id
 * @param staffNo    the staff number; for a {@link Holder#PATIENT} the medical record number
 * @param issuedById the account that made the copy (usually the reader; null when a module made it unattended)
 * @param holder     who got the copy: a member of staff (codes of {@link TraceCodes}) or a patient (a
 *                   {@link TraceSource})
 */
public record TraceRecord(TraceCode code, long personId, String staffNo, String personName, String objectType,
        String objectId, SecretLevel level, TracePurpose purpose, Instant issuedAt, Long issuedById, Holder holder) {

    /** Who holds a copy. */
    public enum Holder { STAFF, PATIENT }

    /** A copy given to a member of staff. */
    public TraceRecord(TraceCode code, long personId, String staffNo, String personName, String objectType,
            String objectId, SecretLevel level, TracePurpose purpose, Instant issuedAt, Long issuedById) {
        this(code, personId, staffNo, personName, objectType, objectId, level, purpose, issuedAt, issuedById,
                Holder.STAFF);
    }
}
