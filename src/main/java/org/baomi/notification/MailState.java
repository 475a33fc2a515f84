package org.baomi.notification;

/** Where a queued e-mail stands. */
public enum MailState {
    /** Waiting for its (next) attempt. */
    PENDING,
    /** Accepted by the SMTP server. */
    SENT,
    /** Given up after the last attempt; the system administrator sees it. */
    FAILED
}
