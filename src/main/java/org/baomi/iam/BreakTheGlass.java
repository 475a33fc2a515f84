package org.baomi.iam;

import java.util.List;

/**
 * Emergency access ('break the glass'): a person opens a short, time-boxed session on one object with a stated
 * reason; it satisfies need-to-know only (never clearance, never the 三员 rule, never a missing permission), and only
 * for object types whose policy allows {@link NeedToKnow#BREAK_GLASS}. Opening raises an immediate alert to the
 * confidentiality office (a security event in the audit trail and a home-page duty for holders of
 * {@link AccessPermissions#BREAK_GLASS_REVIEW}); every session must be reviewed afterwards.
 *
 * <p>Audit actions: {@code access.break-glass.opened} (in the caller's transaction, level of the object, patient id
 * for patients), {@code access.break-glass.refused} (independently), {@code access.break-glass.reviewed}.
 */
public interface BreakTheGlass {

    /** Least number of characters of a stated reason. */
    int MIN_REASON_LENGTH = 10;

    /**
     * Opens a session for the person on the object, for the policy's time box.
     *
     * @throws org.baomi.shared.BaomiException INVALID (reason blank or shorter than {@link #MIN_REASON_LENGTH}),
     *                                         FORBIDDEN (the policy of the type does not allow it, the object is
     *                                         unknown, or the person would still be denied with it: administrator,
     *                                         permission, clearance), audited
     */
    BreakGlassSession open(long personId, ResourceRef resource, String reason);

    /**
     * Records the after-the-fact review. Requires {@link AccessPermissions#BREAK_GLASS_REVIEW}; the reviewer (the
     * current person) must not be the person who broke the glass.
     *
     * @throws org.baomi.shared.BaomiException NOT_FOUND, CONFLICT (already reviewed), FORBIDDEN (own session, or
     *                                         no permission), INVALID (comment blank)
     */
    BreakGlassSession review(long sessionId, BreakGlassVerdict verdict, String comment);

    /**
     * Sessions awaiting review, oldest first. Requires {@link AccessPermissions#BREAK_GLASS_REVIEW}; audited as
     * {@code access.break-glass.worklist-viewed} (with the count).
     */
    List<BreakGlassSession> awaitingReview();

    /** Number of sessions awaiting review (cheap; for the home-page duty). */
    int countAwaitingReview();

    /**
     * The person's sessions open now, newest first (issue 6: the patient search lists the patients reached this
     * way). No permission and no audit: the caller asks about the person signed in, and what the sessions open is
     * then decided and audited by {@link AccessPolicy} as usual.
     */
    List<BreakGlassSession> openOf(long personId);
}
