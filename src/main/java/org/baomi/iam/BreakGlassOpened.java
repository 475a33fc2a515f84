package org.baomi.iam;

import java.time.Instant;

import org.baomi.shared.SecretLevel;

/**
 * Published in the transaction that opens a break-the-glass session (ACC-4: "an immediate alert to the
 * confidentiality office"), for the notification centre to alert the office. Carries no stated reason and no
 * object id: only what the alert needs to say that a session awaits review.
 *
 * @param sessionId  the session (reviewed at {@code /access/break-glass/reviews})
 * @param personId   who broke the glass
 * @param objectType the object's type ({@link ResourceRef#type()})
 * @param level      the object's secret level, or null when unknown
 * @param openedAt   when
 * @param until      end of the time box
 */
public record BreakGlassOpened(long sessionId, long personId, String objectType, SecretLevel level, Instant openedAt,
        Instant until) {
}
