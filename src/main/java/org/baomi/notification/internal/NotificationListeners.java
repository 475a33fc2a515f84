package org.baomi.notification.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.baomi.approval.ApprovalDecided;
import org.baomi.approval.ApprovalTaskAssigned;
import org.baomi.audit.AuditChainBroken;
import org.baomi.iam.AdminKind;
import org.baomi.iam.BreakGlassOpened;
import org.baomi.iam.ContactAddresses;
import org.baomi.iam.RoleHolders;
import org.baomi.notification.NotificationArg;
import org.baomi.notification.NotificationDraft;
import org.baomi.notification.NotificationKind;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns other modules' events into notifications, synchronously in the publisher's transaction: the rows commit
 * with the approval step, the break-the-glass session or the chain alert that they report, or not at all. So nothing
 * acknowledged is lost and nothing rolled back is announced; e-mail leaves later, through the outbox. The message
 * keys are chosen here, per event, and the arguments are the request's number, the kind's name and times: an event
 * has no title or content of its subject to pass, and a notification could not hold one (issue 4 item 5).
 */
@Component
class NotificationListeners {

    private final NotificationService notifications;
    private final RoleHolders roleHolders;
    private final ContactAddresses contacts;

    NotificationListeners(NotificationService notifications, RoleHolders roleHolders, ContactAddresses contacts) {
        this.notifications = notifications;
        this.roleHolders = roleHolders;
        this.contacts = contacts;
    }

    /** Every assignee of the step is told that an approval of the kind waits (with the deadline, if any). */
    @EventListener
    void on(ApprovalTaskAssigned event) {
        NotificationKind kind = switch (event.reason()) {
            case NEW_STEP -> NotificationKind.APPROVAL_WAITING;
            case REMINDER -> NotificationKind.APPROVAL_REMINDER;
            case ESCALATION -> NotificationKind.APPROVAL_ESCALATED;
            case DELEGATION -> NotificationKind.APPROVAL_DELEGATED;
        };
        List<NotificationArg> args = new ArrayList<>(List.of(NotificationArg.approvalKind(event.kind()),
                NotificationArg.number(event.approvalId())));
        String key = "notification.approval." + event.reason().name();
        if (event.deadline() != null) {
            args.add(NotificationArg.time(event.deadline()));
            key += ".deadline";
        }
        for (long assignee : new LinkedHashSet<>(event.assigneeIds())) {
            if (contacts.active(assignee)) {
                notifications.write(new NotificationDraft(assignee, kind, key, args, approvalLink(event.approvalId()),
                        event.level()));
            }
        }
    }

    /** The requester is told how the request ended. */
    @EventListener
    void on(ApprovalDecided event) {
        if (!contacts.active(event.requesterId())) {
            return;
        }
        notifications.write(new NotificationDraft(event.requesterId(), NotificationKind.APPROVAL_DECIDED,
                "notification.approval.decided." + event.outcome().name(),
                List.of(NotificationArg.approvalKind(event.kind()), NotificationArg.number(event.approvalId())),
                approvalLink(event.approvalId()), event.level()));
    }

    /** ACC-4: the confidentiality office is alerted at once; the person who broke the glass is not among them. */
    @EventListener
    void on(BreakGlassOpened event) {
        for (long officer : roleHolders.activeHoldersOfRole(RoleHolders.CONFIDENTIALITY_OFFICE)) {
            if (officer != event.personId()) {
                notifications.write(new NotificationDraft(officer, NotificationKind.BREAK_GLASS,
                        "notification.break-glass.opened",
                        List.of(NotificationArg.number(event.sessionId()), NotificationArg.time(event.until())),
                        "/access/break-glass/reviews", event.level()));
            }
        }
    }

    /** AUD-3: the audit and the security administrators are alerted. */
    @EventListener
    void on(AuditChainBroken event) {
        Set<Long> administrators = new LinkedHashSet<>(roleHolders.activeAdministrators(AdminKind.AUDIT_ADMIN));
        administrators.addAll(roleHolders.activeAdministrators(AdminKind.SECURITY_ADMIN));
        for (long administrator : administrators) {
            notifications.write(new NotificationDraft(administrator, NotificationKind.AUDIT_CHAIN_BROKEN,
                    "notification.audit.chain-broken",
                    List.of(NotificationArg.number(event.firstBrokenSequence()), NotificationArg.time(event.detectedAt())),
                    "/audit/chain", null));
        }
    }

    private static String approvalLink(long approvalId) {
        return "/approvals/" + approvalId;
    }
}
