package org.baomi.notification;

import java.time.Instant;
import java.util.List;

/**
 * One of the current person's notifications.
 *
 * @param id         its id
 * @param kind       what it is about
 * @param messageKey the message
 * @param args       the message's arguments
 * @param link       where it leads inside Baomi
 * @param createdAt  when it was written
 * @param readAt     when the person opened or marked it, or null while unread
 */
public record NotificationView(long id, NotificationKind kind, String messageKey, List<NotificationArg> args,
        String link, Instant createdAt, Instant readAt) {

    public NotificationView {
        args = List.copyOf(args);
    }

    public boolean unread() {
        return readAt == null;
    }
}
