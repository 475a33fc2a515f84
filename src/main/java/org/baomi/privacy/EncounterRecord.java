package org.baomi.privacy;

import java.util.List;

/**
 * An encounter as the source system sends it.
 *
 * @param sourceId         the source system's id of the encounter
 * @param patientSourceId  the source system's id of its patient (in the same request or imported before)
 * @param encounterClass   OUTPATIENT, INPATIENT or EMERGENCY
 * @param departmentCode   code of a clinical department
 * @param attendingStaffNo staff number of the attending doctor, or null
 * @param start            ISO date-time with offset (or ISO date: start of that day)
 * @param end              as start, or null while open
 * @param diagnoses        ICD-10 diagnoses, or null
 */
public record EncounterRecord(String sourceId, String patientSourceId, String encounterClass, String departmentCode,
        String attendingStaffNo, String start, String end, List<DiagnosisRecord> diagnoses) {

    /** An ICD-10 diagnosis: code such as {@code I21.0}, and its text. */
    public record DiagnosisRecord(String icd10, String text) {
    }
}
