package org.baomi.monitor.internal.detect;

import java.time.Instant;

import org.baomi.iam.AccountStatus;

/**
 * A member of staff as the detectors see them (issue 7 item 3).
 *
 * @param id             account id
 * @param staffNo        staff number
 * @param name           full name
 * @param surname        family name (compound surnames resolved by the loader)
 * @param phone          phone, or null
 * @param post           post code (peers share it: the volume spike compares with them)
 * @param postName       post name for the evidence
 * @param departmentId   department id, or 0 when none
 * @param departmentName department name for the evidence
 * @param status         account status
 * @param statusSince    since when the status holds (null: always, as far as is known)
 * @param ownPatientId   the staff-as-patient account of this person (self-lookup), or null
 */
public record StaffProfile(long id, String staffNo, String name, String surname, String phone, String post,
        String postName, long departmentId, String departmentName, AccountStatus status, Instant statusSince,
        Long ownPatientId) {

    public StaffProfile {
        phone = Normalise.phone(phone);
    }

    /** Whether the account was suspended or departed at that moment (epoch seconds). */
    boolean inactiveAt(long epochSecond) {
        return status != AccountStatus.ACTIVE
                && (statusSince == null || epochSecond >= statusSince.getEpochSecond());
    }
}
