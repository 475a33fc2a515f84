package org.baomi.iam;

import java.util.Optional;

/**
 * The hook by which outstanding obligations restrict access (PPL-1, PPL-2): while a person is held, the decision
 * point counts their clearance as 内部 (INTERNAL) at most. The training and register modules hold a person whose
 * confidentiality agreement or training is outstanding and release them when it is done. Holds join the caller's
 * transaction and reach every instance within a second. Audit actions: {@code access.obligation.held},
 * {@code access.obligation.released}.
 */
public interface AccessObligations {

    /**
     * Holds the person, for the reason given as a message key ('training.outstanding'); holding a held person
     * replaces the reason.
     */
    void hold(long personId, String reasonKey);

    /** Releases the person; releasing a person not held does nothing. */
    void release(long personId);

    /** The reason key of the person's hold, if held. */
    Optional<String> holdOf(long personId);
}
