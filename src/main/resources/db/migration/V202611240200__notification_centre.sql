-- Notification centre (issue 4 item 5). A notification holds a message key and arguments that are numbers, times or
-- message keys only: never a title or content of a subject. Rows are written in the transaction of the change they
-- report (the publisher's), so nothing committed goes untold and nothing rolled back is told.
CREATE TABLE ntf_notification (
    id           BIGSERIAL    PRIMARY KEY,
    recipient_id BIGINT       NOT NULL,
    kind         VARCHAR(30)  NOT NULL CHECK (kind IN ('APPROVAL_WAITING', 'APPROVAL_REMINDER', 'APPROVAL_ESCALATED',
                                                       'APPROVAL_DELEGATED', 'APPROVAL_DECIDED', 'BREAK_GLASS',
                                                       'AUDIT_CHAIN_BROKEN', 'GENERAL')),
    message_key  VARCHAR(120) NOT NULL,
    args         JSONB        NOT NULL DEFAULT '[]',
    link         VARCHAR(200) NOT NULL CHECK (link ~ '^/[A-Za-z0-9/_.-]*$'),
    level        VARCHAR(20)  CHECK (level IN ('PUBLIC', 'INTERNAL', 'SECRET', 'HIGHLY_SECRET', 'TOP_SECRET')),
    created_at   TIMESTAMPTZ  NOT NULL,
    read_at      TIMESTAMPTZ
);
-- the bell's count, polled every minute by every open page: one small partial index
CREATE INDEX ntf_notification_unread_idx ON ntf_notification (recipient_id) WHERE read_at IS NULL;
CREATE INDEX ntf_notification_recipient_idx ON ntf_notification (recipient_id, id DESC);

-- E-mail outbox: queued in the same transaction as the notification, sent after the commit by a scheduled sender,
-- retried with back-off while the SMTP server is unreachable, given up (FAILED) after the last attempt.
CREATE TABLE ntf_mail_outbox (
    id              BIGSERIAL    PRIMARY KEY,
    notification_id BIGINT       NOT NULL REFERENCES ntf_notification (id),
    recipient_id    BIGINT       NOT NULL,
    address         VARCHAR(200) NOT NULL,
    state           VARCHAR(10)  NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'SENT', 'FAILED')),
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    last_error      VARCHAR(300),
    created_at      TIMESTAMPTZ  NOT NULL,
    sent_at         TIMESTAMPTZ
);
CREATE INDEX ntf_mail_outbox_due_idx ON ntf_mail_outbox (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX ntf_mail_outbox_state_idx ON ntf_mail_outbox (state, id DESC);
