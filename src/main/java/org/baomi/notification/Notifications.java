package org.baomi.notification;

/**
 * The notification centre's API (issue 4 item 5). Any module tells a person that something awaits them with
 * {@link #notify}; the reading methods serve the current person only, and nobody reads or marks another person's
 * notifications (deny by default).
 */
public interface Notifications {

    /** Most notifications listed on one page. */
    int MAX_PAGE_SIZE = 100;

    /**
     * Writes a notification for the recipient in the caller's transaction (it commits with the caller's change or
     * not at all) and, when e-mail is on and the person has an address, queues an e-mail sent after the commit.
     * Arguments can hold no free text (see {@link NotificationArg}), so nothing of a subject's title or content
     * can be passed. No permission is needed: the caller decided that the person is to be told.
     *
     * <p>Audit: {@code notification.created} (recipient, kind, message key, link, level) in the same transaction.
     *
     * @return the notification's id
     * @throws org.baomi.shared.BaomiException INVALID (no such active person, key or link malformed)
     * @throws org.springframework.transaction.IllegalTransactionStateException without a transaction
     */
    long notify(NotificationDraft draft);

    /** The current person's unread notifications (one indexed count). Requires a signed-in person. */
    long unreadCount();

    /**
     * A page of the current person's notifications, newest first.
     *
     * @throws org.baomi.shared.BaomiException INVALID (page negative, size outside 1..{@value #MAX_PAGE_SIZE}),
     *                                         UNAUTHENTICATED
     */
    NotificationPage list(NotificationFilter filter, int page, int size);

    /**
     * Marks one of the current person's notifications read (again marking it read changes nothing) and returns it,
     * with the link to follow.
     *
     * @throws org.baomi.shared.BaomiException NOT_FOUND (no such notification), FORBIDDEN (another person's,
     *                                         audited {@code notification.access-denied}), UNAUTHENTICATED
     */
    NotificationView markRead(long id);

    /** Marks all of the current person's notifications read; returns how many were unread. */
    int markAllRead();
}
