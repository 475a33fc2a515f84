package org.baomi.privacy;

import java.time.LocalDate;

/**
 * Search of the patients one cares for (issue 6 item 2). Every field is optional; text is matched as given.
 *
 * @param mrn            medical record number, exact (letters, digits, hyphen; at most 40)
 * @param name           part of the name (at most 100 characters)
 * @param departmentCode clinical department of an encounter
 * @param from           encounters starting on or after this day
 * @param to             encounters starting on or before this day (not before {@code from})
 */
public record PatientFilter(String mrn, String name, String departmentCode, LocalDate from, LocalDate to) {

    public static final PatientFilter NONE = new PatientFilter(null, null, null, null, null);
}
