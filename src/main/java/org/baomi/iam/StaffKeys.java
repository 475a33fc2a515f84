package org.baomi.iam;

import java.util.Collection;
import java.util.Map;

/**
 * Staff numbers and person ids of EVERY account, whatever its status, in bulk, for module code that stores another
 * system's references to people (the privacy monitoring's access-event ingest, issue 7; PAT-4): a departed or
 * suspended account still resolves, because its use is what the monitoring looks for. Like {@link StaffLookup},
 * nothing is audited and no permission is needed: only ids and staff numbers go out, and the calling module guards
 * and audits what it does with them.
 */
public interface StaffKeys {

    /**
     * Person (account) ids of the staff numbers that exist; numbers that match no account are left out. Exact
     * match; at most 10,000 numbers per call.
     */
    Map<String, Long> personIds(Collection<String> staffNumbers);

    /** Staff numbers of the person (account) ids that exist; at most 10,000 ids per call. */
    Map<Long, String> staffNumbers(Collection<Long> personIds);
}
