package org.baomi.audit;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Reads the trail. Callers check the reader's permission first (audit:entry:read for everything,
 * audit:security-event:read and audit:admin-activity:read for the security administrator's views) and
 * record the read itself.
 */
public interface AuditQueries {

    /** One page of entries, newest first. */
    List<AuditRecord> search(AuditSearch search);

    /** How many entries match, for paging. */
    long count(AuditSearch search);

    /**
     * The entries concerning one patient ({@code patient_id}, AUD-1), newest first, for the patient's accounting of
     * disclosures (issue 6 item 4, ACC-5). Entries that only list the patient in {@code details} (batch imports)
     * are not included. No permission is checked: the calling module serves the patient their own record and
     * audits that read.
     *
     * @param patientId  the patient's id as written in the trail; required
     * @param from       from this time, inclusive, or null
     * @param to         before this time, or null
     * @param actorKinds only entries by these kinds of actor; empty for all
     * @param limit      at most this many entries (1 to 5,000)
     */
    List<AuditRecord> ofPatient(String patientId, Instant from, Instant to, Set<ActorKind> actorKinds, int limit);
}
