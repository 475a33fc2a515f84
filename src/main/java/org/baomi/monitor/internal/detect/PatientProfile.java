package org.baomi.monitor.internal.detect;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * A patient as the detectors see them (issue 7 item 3).
 *
 * @param id            patient id
 * @param mrn           medical record number
 * @param name          full name
 * @param surname       family name
 * @param phone         phone, or null (compared as digits)
 * @param address       address, or null (compared without blanks)
 * @param staffPersonId the account id of the staff member this patient is (staff-as-patient), or null
 * @param flags         sensitive marks
 * @param deceasedOn    day of death, or null
 */
public record PatientProfile(long id, String mrn, String name, String surname, String phone, String address,
        Long staffPersonId, Set<PatientFlag> flags, LocalDate deceasedOn) {

    public PatientProfile {
        phone = Normalise.phone(phone);
        address = Normalise.address(address);
        flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }
}
