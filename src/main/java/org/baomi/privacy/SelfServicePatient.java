package org.baomi.privacy;

import java.time.LocalDate;

/**
 * A patient as the desk sees them when issuing a one-time code (ACC-5, PAT-3 minimum necessary): enough to tell the
 * person in front of the desk from others, identifiers masked.
 *
 * @param maskedIdNumber the ID number with all but the first six and last four characters masked, or null
 * @param phoneOnFile    whether a phone number is on file (the code may then also be sent by SMS)
 */
public record SelfServicePatient(long id, String mrn, String name, LocalDate birthDate, String maskedIdNumber,
        boolean phoneOnFile) {
}
