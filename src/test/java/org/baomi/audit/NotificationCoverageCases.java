package org.baomi.audit;

import java.util.List;
import java.util.Map;

import org.baomi.audit.AuditCoverageTest.Case;
import org.baomi.audit.AuditCoverageTest.Who;
import org.baomi.notification.MailOutbox;
import org.baomi.notification.NotificationArg;
import org.baomi.notification.NotificationDraft;
import org.baomi.notification.NotificationKind;
import org.baomi.notification.Notifications;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit coverage cases of the notification centre (issue 4 item 5; AUD-1, ACC-3), collected by
 * {@link AuditCoverageTest}: telling a person is recorded (who was told what, with which link); reaching for another
 * person's notification is refused and recorded; the outbox is the system administrator's.
 */
final class NotificationCoverageCases {

    private NotificationCoverageCases() {
    }

    static final List<Case> CASES = List.of(
            Case.recorded("Notifications.notify", Who.MODULE, "notification.created",
                    t -> notifyFreshStaff(t)),
            Case.refused("Notifications.markRead", Who.STAFF, "notification.access-denied", t -> {
                long foreign = notifyFreshStaff(t);
                t.bean(Notifications.class).markRead(foreign);
            }),
            Case.denied("MailOutbox.overview", t -> t.bean(MailOutbox.class).overview()));

    static final Map<String, String> NOT_SECURITY_RELEVANT = Map.ofEntries(
            Map.entry("Notifications.unreadCount", "a number about the caller's own notifications; nobody else's can "
                    + "be named"),
            Map.entry("Notifications.list", "the caller's own notifications, which hold no protected content (only "
                    + "message keys, numbers and times) and cannot name another person"),
            Map.entry("Notifications.markAllRead", "marks the caller's own notifications; touches nobody else's"),
            Map.entry("RoleHolders.activeHoldersOfRole", "in-process ids of the people to alert; never leaves the "
                    + "server, and each notification written for them is audited"),
            Map.entry("RoleHolders.activeAdministrators", "as RoleHolders.activeHoldersOfRole"),
            Map.entry("ContactAddresses.active", "a yes/no for the notification centre before it writes; shows "
                    + "nothing"),
            Map.entry("ContactAddresses.emailOf", "the person's own address, used by the server to mail that very "
                    + "person; every e-mail sent is audited (notification.mail.sent)"));

    private static long notifyFreshStaff(AuditCoverageTest t) {
        long recipient = t.accounts.staff().id();
        return new TransactionTemplate(t.bean(PlatformTransactionManager.class)).execute(s -> t.bean(Notifications.class)
                .notify(new NotificationDraft(recipient, NotificationKind.GENERAL, "notification.kind.GENERAL",
                        List.of(NotificationArg.number(1)), "/notifications", null)));
    }
}
