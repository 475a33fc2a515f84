package org.baomi.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The e-mail outbox as the system administrator sees it: how many messages are in each state and the latest ones
 * not sent, with the last error. Requires {@code system:config:manage}; a refusal is audited by the guard.
 */
public interface MailOutbox {

    /** Permission to see the outbox (the system administrator's configuration permission). */
    String PERMISSION = "system:config:manage";

    /** One queued message. The address is the recipient's own; the text is never stored here. */
    record Message(long id, long notificationId, long recipientId, String address, MailState state, int attempts,
            Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {
    }

    /** Counts per state, whether sending is on, and the latest messages not sent (at most 50). */
    record Overview(boolean enabled, Map<MailState, Long> counts, List<Message> unsent) {

        public Overview {
            counts = Map.copyOf(counts);
            unsent = List.copyOf(unsent);
        }
    }

    Overview overview();
}
