package org.baomi.audit.internal;

import java.util.Optional;

import org.baomi.audit.AuditChain;
import org.baomi.audit.AuditChainPosition;
import org.baomi.audit.AuditChainPosition.State;
import org.baomi.audit.AuditChainPositions;
import org.baomi.audit.ChainPosition;
import org.baomi.audit.VerificationResult;
import org.springframework.stereotype.Component;

/**
 * The chain card of the console's detail view (AUD-3): where the entry stands in the chain and what the latest
 * verification says about it. The caller (the console) has already checked {@code audit:entry:read}; the state comes
 * from the stored latest verification, so showing it starts no verification.
 */
@Component
class ConsoleChainPositions implements AuditChainPositions {

    private final AuditChain chain;
    private final ChainVerificationService verification;

    ConsoleChainPositions(AuditChain chain, ChainVerificationService verification) {
        this.chain = chain;
        this.verification = verification;
    }

    @Override
    public Optional<AuditChainPosition> positionOf(long entryId) {
        return chain.positionOf(entryId).map(this::toConsole);
    }

    private AuditChainPosition toConsole(ChainPosition position) {
        if (!position.sealed()) {
            return new AuditChainPosition(null, null, null, null, State.UNSEALED, null, null);
        }
        VerificationResult latest = verification.latestStored().orElse(null);
        State state = stateOf(position, latest);
        // The time and anchor of the verification are shown only when that verification judged this entry.
        boolean judgedByLatest = latest != null && (state == State.VERIFIED
                || state == State.BROKEN && !Boolean.FALSE.equals(position.authentic()));
        return new AuditChainPosition(position.sequence(), position.entryHash(), position.previousHash(),
                position.hashAlgorithm(), state, judgedByLatest ? latest.finishedAt() : null,
                judgedByLatest && latest.anchorId() != null ? "#" + latest.anchorId() : null);
    }

    /**
     * BROKEN when the entry's MAC failed at sealing or the latest verification named its sequence; VERIFIED when an
     * intact verification reached it; otherwise merely SEALED (not yet covered by a verification, or a verification
     * found a problem elsewhere).
     */
    static State stateOf(ChainPosition position, VerificationResult latest) {
        if (Boolean.FALSE.equals(position.authentic())) {
            return State.BROKEN;
        }
        if (latest == null) {
            return State.SEALED;
        }
        long sequence = position.sequence();
        if (latest.problems().stream().anyMatch(p -> p.sequence() == sequence)) {
            return State.BROKEN;
        }
        return latest.intact() && latest.verifiedToSequence() >= sequence ? State.VERIFIED : State.SEALED;
    }
}
