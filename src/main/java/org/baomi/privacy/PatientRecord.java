package org.baomi.privacy;

import java.util.List;

/**
 * A patient as the source system sends it (values as text, validated on import).
 *
 * @param sourceId     the source system's id of the patient (1..64 of letters, digits, '-' and '.')
 * @param mrn          medical record number (病案号), unique in the hospital
 * @param name         full name
 * @param gender       MALE, FEMALE, OTHER or UNKNOWN (case-insensitive)
 * @param birthDate    ISO date
 * @param idNumber     resident ID number (身份证号, 18 characters, check digit verified), or null
 * @param phone        phone number, or null
 * @param address      address, or null
 * @param flags        sensitive flags: VIP, PUBLIC_FIGURE, PSYCHIATRIC, INFECTIOUS (case-insensitive), or null
 * @param staffNo      staff number when the patient is a member of staff (staff-as-patient), or null
 * @param deceased     whether the patient has died, or null (no)
 * @param deceasedDate ISO date of death, or null
 */
public record PatientRecord(String sourceId, String mrn, String name, String gender, String birthDate, String idNumber,
        String phone, String address, List<String> flags, String staffNo, Boolean deceased, String deceasedDate) {
}
