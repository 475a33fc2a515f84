package org.baomi.notification;

/** What a notification is about; decides its icon and its e-mail subject. */
public enum NotificationKind {
    /** An approval step waits for the recipient's decision. */
    APPROVAL_WAITING,
    /** Reminder: the step's deadline is near. */
    APPROVAL_REMINDER,
    /** The deadline passed and the step came to the recipient by escalation. */
    APPROVAL_ESCALATED,
    /** An approver on leave delegated the step to the recipient. */
    APPROVAL_DELEGATED,
    /** The recipient's own request was decided. */
    APPROVAL_DECIDED,
    /** Someone broke the glass; the confidentiality office must review it (ACC-4). */
    BREAK_GLASS,
    /** A verification found the audit chain broken (AUD-3). */
    AUDIT_CHAIN_BROKEN,
    /** Anything else a module tells a person. */
    GENERAL;

    /** Message key of the kind's name (also the e-mail subject). */
    public String messageKey() {
        return "notification.kind." + name();
    }

    /** Bootstrap Icons name of the kind, without the {@code bi-} prefix. */
    public String icon() {
        return switch (this) {
            case APPROVAL_WAITING, APPROVAL_DELEGATED -> "inbox";
            case APPROVAL_REMINDER -> "alarm";
            case APPROVAL_ESCALATED -> "arrow-up-circle";
            case APPROVAL_DECIDED -> "check2-square";
            case BREAK_GLASS -> "exclamation-diamond";
            case AUDIT_CHAIN_BROKEN -> "shield-exclamation";
            case GENERAL -> "bell";
        };
    }

    /** Whether it is an alert of the security officers rather than a task (shown in red). */
    public boolean alert() {
        return this == BREAK_GLASS || this == AUDIT_CHAIN_BROKEN;
    }
}
