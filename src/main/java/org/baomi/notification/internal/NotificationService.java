package org.baomi.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.ContactAddresses;
import org.baomi.iam.CurrentUser;
import org.baomi.notification.NotificationArg;
import org.baomi.notification.NotificationDraft;
import org.baomi.notification.NotificationFilter;
import org.baomi.notification.NotificationPage;
import org.baomi.notification.NotificationView;
import org.baomi.notification.Notifications;
import org.baomi.shared.BaomiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** {@link Notifications} over {@code ntf_notification}; e-mail is queued in {@code ntf_mail_outbox}. */
@Service
class NotificationService implements Notifications {

    static final String CREATED = "notification.created";
    static final String DENIED = "notification.access-denied";

    private final NotificationStore store;
    private final ContactAddresses contacts;
    private final MailTransport mail;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    NotificationService(NotificationStore store, ContactAddresses contacts, MailTransport mail, CurrentUser currentUser,
            AuditTrail audit, Clock clock) {
        this.store = store;
        this.contacts = contacts;
        this.mail = mail;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public long notify(NotificationDraft draft) {
        requireTransaction();
        validate(draft);
        if (!contacts.active(draft.recipientId())) {
            throw BaomiException.invalid("notification.recipient.unknown");
        }
        return write(draft);
    }

    /**
     * Writes a notification for a recipient known to be active (listeners ask iam for active people), its audit
     * record and, when e-mail is on and the person has an address, its e-mail, all in the caller's transaction.
     */
    long write(NotificationDraft draft) {
        requireTransaction();
        Instant now = clock.instant();
        long id = store.insert(draft, now);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("recipient", draft.recipientId());
        details.put("kind", draft.kind().name());
        details.put("messageKey", draft.messageKey());
        details.put("link", draft.link());
        boolean mailed = false;
        if (mail.enabled()) {
            var address = contacts.emailOf(draft.recipientId());
            if (address.isPresent()) {
                store.queueMail(id, draft.recipientId(), address.get(), now);
                mailed = true;
            }
        }
        details.put("mail", mailed);
        audit.record(new AuditEntry(null, CREATED, "notification", Long.toString(id), draft.level(),
                AuditOutcome.ALLOWED, null, details));
        return id;
    }

    @Override
    @Transactional(readOnly = true)
    public long unreadCount() {
        return store.unread(currentUser.require().accountId());
    }

    @Override
    @Transactional(readOnly = true)
    public NotificationPage list(NotificationFilter filter, int page, int size) {
        long me = currentUser.require().accountId();
        if (page < 0 || page > 100_000 || size < 1 || size > MAX_PAGE_SIZE) {
            throw BaomiException.invalid("notification.paging.invalid", MAX_PAGE_SIZE);
        }
        NotificationFilter which = filter == null ? NotificationFilter.ALL : filter;
        return new NotificationPage(store.page(me, which, page, size), which, store.count(me, which), page, size);
    }

    @Override
    @Transactional
    public NotificationView markRead(long id) {
        long me = currentUser.require().accountId();
        NotificationStore.Stored stored = store.find(id)
                .orElseThrow(() -> BaomiException.notFound("notification.not-found", Long.toString(id)));
        if (stored.recipientId() != me) {
            // deny by default: one's notifications are one's own, whatever one's role (ACC-3)
            audit.recordIndependently(new AuditEntry(null, DENIED, "notification", Long.toString(id), null,
                    AuditOutcome.DENIED, "notification.not-yours", Map.of("recipient", stored.recipientId())));
            throw BaomiException.forbidden("notification.not-yours");
        }
        store.markRead(id, clock.instant());
        return store.find(id).orElseThrow().view();
    }

    @Override
    @Transactional
    public int markAllRead() {
        return store.markAllRead(currentUser.require().accountId(), clock.instant());
    }

    private static void validate(NotificationDraft draft) {
        if (draft.kind() == null || draft.messageKey() == null || draft.messageKey().length() > 120
                || !NotificationArg.KEY.matcher(draft.messageKey()).matches()) {
            throw BaomiException.invalid("notification.message.invalid");
        }
        if (draft.link() == null || !NotificationDraft.LINK.matcher(draft.link()).matches()
                || draft.link().contains("..") || draft.link().startsWith("//")) {
            throw BaomiException.invalid("notification.link.invalid");
        }
        if (draft.args().size() > 10) {
            throw BaomiException.invalid("notification.message.invalid");
        }
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException(
                    "a notification is written in the transaction of the change it reports");
        }
    }
}
