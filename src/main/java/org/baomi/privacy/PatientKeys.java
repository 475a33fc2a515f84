package org.baomi.privacy;

import java.util.Collection;
import java.util.Map;

/**
 * Medical record numbers and patient ids in bulk, for module code that stores another system's references to
 * patients (the privacy monitoring's access-event ingest, issue 7; PAT-4). Nothing is audited and no permission is
 * needed: only ids and MRNs go out, never patient content; the calling module guards and audits what it does.
 */
public interface PatientKeys {

    /** Patient ids of the MRNs that exist; MRNs that match no patient are left out. At most 10,000 per call. */
    Map<String, Long> patientIds(Collection<String> mrns);

    /** MRNs of the patient ids that exist; at most 10,000 per call. */
    Map<Long, String> mrns(Collection<Long> patientIds);
}
