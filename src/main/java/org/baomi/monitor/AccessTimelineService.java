package org.baomi.monitor;

/**
 * A person's and a patient's access timelines (issue 7 item 7; AUD-2, PAT-4) from the access events, newest first,
 * {@value #PAGE_SIZE} a page, the events behind alerts marked. Needs {@link PrivacyCasePermissions#ALERT_READ};
 * never the 三员 (ORG-5). Every page is audited with the event ids shown.
 */
public interface AccessTimelineService {

    int PAGE_SIZE = 50;

    /**
     * Audit: {@code monitor.timeline.person-viewed} (object: the account id).
     *
     * @throws org.baomi.shared.BaomiException INVALID for a negative page
     */
    AccessTimelinePage ofPerson(long personId, int page);

    /** Audit: {@code monitor.timeline.patient-viewed}, with the patient id (AUD-1). */
    AccessTimelinePage ofPatient(long patientId, int page);
}
