/**
 * Notification centre (issue 4 item 5): tells people that something awaits them — an approval step to decide, the
 * outcome of their request, a break-the-glass session to review (ACC-4), a broken audit chain (AUD-3) — in the
 * application (the bell in the header, {@code /notifications}) and by e-mail when an SMTP server is configured.
 * Notifications never carry secret content: their text is a message key chosen here with arguments that cannot hold
 * free text (numbers, times, message keys), so no title or content of a subject can reach them, whatever its level.
 * Rows are written in the publisher's transaction; e-mail leaves through an outbox after the commit.
 * Any module may notify a person through {@link org.baomi.notification.Notifications}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit", "iam", "approval"})
package org.baomi.notification;
