package org.baomi.iam;

import org.baomi.shared.BaomiException;

/**
 * Thrown by {@link AccessPolicy#require} when the decision point denies a request: a FORBIDDEN
 * {@link BaomiException} whose message key is the decision's reason key, carrying the whole decision so that a
 * page can explain it and offer the remedy (the approval request that would grant it). The denial has already been
 * written to the audit trail, in its own transaction.
 */
public class AccessDeniedException extends BaomiException {

    private final transient AccessDecision decision;
    private final transient AccessRequest request;

    public AccessDeniedException(AccessRequest request, AccessDecision decision) {
        super(Kind.FORBIDDEN, decision.reasonKey(), decision.explanation().getArguments());
        this.request = request;
        this.decision = decision;
    }

    public AccessDecision decision() {
        return decision;
    }

    public AccessRequest request() {
        return request;
    }
}
