package org.baomi.notification;

/** Which of one's notifications to list. */
public enum NotificationFilter {
    UNREAD,
    ALL
}
