package org.baomi.audit;

import java.time.Instant;

/**
 * Where one entry stands in the tamper-evident chain (AUD-3), as the detail view of the console shows it. Supplied
 * by the chain's implementation of {@link AuditChainPositions}; the console never derives it itself.
 *
 * @param chainSequence gap-free position in the chain, or null when the entry is not sealed yet
 * @param entryHash     the entry's hash (hex), or null when not sealed yet
 * @param previousHash  the previous entry's hash (hex), or null
 * @param algorithm     hash algorithm of the entry's segment ("SM3", "SHA-256"), or null
 * @param state         verification state
 * @param verifiedAt    when the state was last established, or null
 * @param anchor        the anchor (checkpoint) the verification relied on, in words or as an id, or null
 */
public record AuditChainPosition(Long chainSequence, String entryHash, String previousHash, String algorithm,
        State state, Instant verifiedAt, String anchor) {

    /** What is known about the entry's place in the chain. */
    public enum State { UNSEALED, SEALED, VERIFIED, BROKEN }

    public String messageKey() {
        return "audit.chain-state." + state.name();
    }
}
