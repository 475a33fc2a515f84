package org.baomi.audit;

import java.util.Optional;

/**
 * Looks up the chain position and verification state of one entry for the console's detail view. Implemented by
 * the hash chain (issue 8 items 2 and 5); while there is no implementation, the detail view shows no chain
 * section at all rather than invented data.
 */
public interface AuditChainPositions {

    /**
     * The entry's position, or empty when the chain knows nothing of it. Called inside the read's transaction;
     * must not write.
     */
    Optional<AuditChainPosition> positionOf(long sequence);
}
