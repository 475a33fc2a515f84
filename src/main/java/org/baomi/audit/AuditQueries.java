package org.baomi.audit;

import java.util.List;

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
}
