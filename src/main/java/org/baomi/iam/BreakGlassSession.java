package org.baomi.iam;

import java.time.Instant;

/**
 * A break-the-glass session: an emergency access by one person to one object, with a stated reason, a short time
 * box and a mandatory review afterwards.
 *
 * @param id         session id (pass it in {@link AccessContext#breakGlassId()})
 * @param personId   who broke the glass
 * @param resource   the object
 * @param reason     the stated reason
 * @param openedAt   when
 * @param expiresAt  end of the time box
 * @param verdict    the review's verdict, null while awaiting review
 * @param reviewerId who reviewed it, or null
 * @param reviewedAt when, or null
 * @param comment    the reviewer's comment, or null
 */
public record BreakGlassSession(long id, long personId, ResourceRef resource, String reason, Instant openedAt,
        Instant expiresAt, BreakGlassVerdict verdict, Long reviewerId, Instant reviewedAt, String comment) {

    public boolean activeAt(Instant at) {
        return at.isBefore(expiresAt) && !at.isBefore(openedAt);
    }

    public boolean awaitingReview() {
        return verdict == null;
    }
}
