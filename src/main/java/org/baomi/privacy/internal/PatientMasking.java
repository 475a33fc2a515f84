package org.baomi.privacy.internal;

import java.util.ArrayList;
import java.util.List;

import org.baomi.privacy.PatientPurpose;
import org.baomi.privacy.PatientView;

/**
 * The one place where a patient's record is cut to its purpose (PAT-3, minimum necessary): identifiers masked
 * unless the person may read them, diagnoses and fee list only for purposes that need them. Server side, so that
 * nothing masked ever reaches a page.
 */
final class PatientMasking {

    /** 区 and 县: an address is kept up to its district or county. */
    private static final char[] DISTRICT_ENDS = {'\u533a', '\u53bf'};
    private static final char CITY_END = '\u5e02';

    private PatientMasking() {
    }

    /** {@code 1101**********1234}: region prefix and last four kept. */
    static String idNumber(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return value.length() <= 8 ? stars(value.length()) : value.substring(0, 4) + stars(value.length() - 8)
                + value.substring(value.length() - 4);
    }

    /** {@code 138****5678}: carrier prefix and last four kept. */
    static String phone(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return value.length() <= 7 ? stars(value.length()) : value.substring(0, 3) + stars(value.length() - 7)
                + value.substring(value.length() - 4);
    }

    /** Up to the district (or county, or else city); nothing when none is recognisable. */
    static String address(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        int end = -1;
        for (char c : DISTRICT_ENDS) {
            int at = value.indexOf(c);
            if (at > 0 && (end < 0 || at < end)) {
                end = at;
            }
        }
        if (end < 0) {
            end = value.indexOf(CITY_END);
        }
        return end < 0 ? "***" : value.substring(0, end + 1) + "***";
    }

    private static String stars(int n) {
        return "*".repeat(Math.max(0, n));
    }

    /**
     * Cuts the full record to the purpose.
     *
     * @param identifiers whether the person may read identifiers in full
     */
    static PatientView shape(PatientView full, PatientPurpose purpose, boolean identifiers) {
        List<PatientView.Encounter> encounters = new ArrayList<>();
        for (PatientView.Encounter e : full.encounters()) {
            encounters.add(new PatientView.Encounter(e.id(), e.encounterClass(), e.departmentId(), e.department(),
                    e.attending(), e.start(), e.end(), purpose.showsDiagnoses() ? e.diagnoses() : List.of()));
        }
        return new PatientView(full.id(), full.mrn(), full.name(), full.gender(), full.birthDate(),
                identifiers ? full.idNumber() : idNumber(full.idNumber()),
                identifiers ? full.phone() : phone(full.phone()),
                identifiers ? full.address() : address(full.address()), identifiers, full.flags(), full.deceased(),
                full.deceasedOn(), purpose, encounters, purpose.showsDiagnoses(),
                purpose.showsCharges() ? full.charges() : List.of(), purpose.showsCharges());
    }
}
