package org.baomi.audit;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The state of the tamper-evident chain over the trail (AUD-3), for screens, metrics and tests. Entries are
 * committed first and sealed into the chain shortly after (at most the seal interval plus the longest running
 * database transaction, see docs/audit-chain.md). Nothing here shows entry content; callers that show a position
 * next to an entry check {@code audit:entry:read} as for {@link AuditQueries}.
 */
public interface AuditChain {

    /**
     * Seals every committed entry whose transaction has ended, now, waiting for a sealer running elsewhere.
     * The sealer does this by itself every {@code baomi.audit.seal-interval}; this is for tests, shutdown and
     * tools.
     *
     * @return the chain's head sequence number afterwards
     */
    long sealPending();

    /** Head, current segment and algorithm, unsealed backlog, latest anchor. */
    ChainStatus status();

    /** Where an entry stands in the chain; empty when there is no such entry. */
    Optional<ChainPosition> positionOf(long entryId);

    /**
     * Where each of these entries stands (for a page of the console, in one query); entries that do not exist are
     * left out. At most 1,000 ids.
     */
    Map<Long, ChainPosition> positionsOf(Collection<Long> entryIds);
}
