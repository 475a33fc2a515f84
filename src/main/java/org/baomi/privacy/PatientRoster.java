package org.baomi.privacy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Bulk reads of patients and encounters for the privacy monitoring's scoring runs (issue 7 items 2 and 3; PAT-4):
 * the facts the detectors compare (surname, phone, address, staff-as-patient account, sensitive flags, death) and
 * the encounters' departments. In-process only, for module code: no permission is checked and nothing is audited
 * here; the monitoring module audits each scoring run (AUD-2) and shows these facts only as alert evidence to the
 * confidentiality office.
 */
public interface PatientRoster {

    /**
     * A patient as the detectors need them.
     *
     * @param staffAccountId the account id of the member of staff this patient is, or null
     * @param deceasedOn     day of death, or null
     */
    record PatientFact(long id, String mrn, String name, String phone, String address, Long staffAccountId,
            boolean vip, boolean publicFigure, boolean psychiatric, boolean infectious, LocalDate deceasedOn) {
    }

    /** An encounter: department, start and end (null while open). */
    record EncounterFact(long patientId, long departmentId, Instant start, Instant end) {
    }

    /** Every patient. */
    List<PatientFact> patients();

    /** Encounters open at some time at or after {@code since}. */
    List<EncounterFact> encountersSince(Instant since);
}
