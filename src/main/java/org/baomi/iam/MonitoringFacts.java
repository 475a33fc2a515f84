package org.baomi.iam;

import java.time.Instant;
import java.util.List;

/**
 * Bulk reads for the privacy monitoring's scoring runs (issue 7 items 2 and 3; PAT-4, AUD-2): every member of staff
 * with department, post and status, and the care relationships, grants and break-the-glass sessions on PATIENT
 * records. In-process only, for module code: no permission is checked and nothing is audited here; the monitoring
 * module audits each scoring run with its counts (AUD-2) and never shows these rows as such.
 */
public interface MonitoringFacts {

    /**
     * A member of staff as the detectors need them.
     *
     * @param statusSince when the account last changed while SUSPENDED or DEPARTED (the account's last update: the
     *                    schema keeps no separate date of the status change); null while ACTIVE
     * @param postCode    post code, or null
     */
    record StaffFact(long id, String staffNo, String fullName, String phone, Long departmentId,
            String departmentName, String postCode, String postName, AccountStatus status, Instant statusSince) {
    }

    /** A grant on a patient's record: patient id as registered ({@link ResourceRef#PATIENT} object id). */
    record PatientGrant(long personId, String patientId, Instant issuedAt, Instant expiresAt, Instant revokedAt) {
    }

    /** A break-the-glass session on a patient's record; verdict null while awaiting review. */
    record PatientBreakGlass(long personId, String patientId, Instant openedAt, Instant expiresAt,
            BreakGlassVerdict verdict) {
    }

    /** Every account, any status. */
    List<StaffFact> staff();

    /** Care relationships on patients that were valid at some time at or after {@code since}. */
    List<CareRelationship> patientCareSince(Instant since);

    /** Grants on patients' records that worked at some time at or after {@code since}. */
    List<PatientGrant> patientGrantsSince(Instant since);

    /** Break-the-glass sessions on patients' records that opened or ran at or after {@code since}. */
    List<PatientBreakGlass> patientBreakGlassSince(Instant since);
}
