package org.baomi.notification.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.baomi.audit.AuditActor;
import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.notification.NotificationKind;
import org.baomi.notification.NotificationView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the e-mail outbox after the commit of the business transaction, never inside it. Each run takes the messages
 * due ({@code FOR UPDATE SKIP LOCKED}, so several instances never send one twice), sends them and records the
 * outcome: SENT, or another attempt later with a doubled wait while the SMTP server is unreachable, or FAILED after
 * the last attempt, which the system administrator sees ({@link org.baomi.notification.MailOutbox}). Every message
 * sent or given up is audited ({@code notification.mail.sent}, {@code notification.mail.failed}): it left, or tried
 * to leave, the hospital's system. The text is rendered from the notification's key and arguments, in Chinese and in
 * English, with the link; it carries nothing of the subject.
 */
@Component
public class MailDispatcher {

    static final String SENT = "notification.mail.sent";
    static final String GAVE_UP = "notification.mail.failed";
    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    private final JdbcClient jdbc;
    private final NotificationStore store;
    private final MailTransport transport;
    private final NotificationTexts texts;
    private final MessageSource messages;
    private final NotificationProperties properties;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MailDispatcher(JdbcClient jdbc, NotificationStore store, MailTransport transport, NotificationTexts texts,
            MessageSource messages, NotificationProperties properties, AuditTrail audit,
            PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.transport = transport;
        this.texts = texts;
        this.messages = messages;
        this.properties = properties;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactions);
        // its own transaction always: a message becomes visible (and is sent) only after its business change commits
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    record Due(long id, long notificationId, String address, int attempts) {
    }

    @Scheduled(fixedDelayString = "${baomi.notification.mail.poll-interval:5s}",
            initialDelayString = "${baomi.notification.mail.poll-interval:5s}")
    void scheduled() {
        sendDue();
    }

    /**
     * Sends the messages due now, at most one batch; stops at the first failure (the server is most likely down and
     * the rest would wait for time-outs in vain).
     *
     * @return how many were sent
     */
    public int sendDue() {
        JavaMailSender sender = transport.sender().orElse(null);
        if (sender == null) {
            return 0;
        }
        Integer sent = transactions.execute(status -> {
            List<Due> due = jdbc.sql("""
                    SELECT id, notification_id, address, attempts FROM ntf_mail_outbox
                    WHERE state = 'PENDING' AND next_attempt_at <= :now
                    ORDER BY next_attempt_at, id LIMIT :batch FOR UPDATE SKIP LOCKED
                    """).param("now", Timestamp.from(clock.instant())).param("batch", properties.mail().batchSize())
                    .query(Due.class).list();
            int done = 0;
            for (Due message : due) {
                if (!attempt(sender, message)) {
                    break;
                }
                done++;
            }
            return done;
        });
        return sent == null ? 0 : sent;
    }

    private boolean attempt(JavaMailSender sender, Due message) {
        NotificationView notification = store.find(message.notificationId()).orElseThrow().view();
        Instant now = clock.instant();
        try {
            sender.send(compose(sender, message.address(), notification));
        } catch (Exception e) {
            failed(message, e, now);
            return false;
        }
        jdbc.sql("""
                UPDATE ntf_mail_outbox SET state = 'SENT', attempts = attempts + 1, sent_at = :now, last_error = NULL
                WHERE id = :id
                """).param("now", Timestamp.from(now)).param("id", message.id()).update();
        audit.record(new AuditEntry(AuditActor.system(), SENT, "notification", Long.toString(message.notificationId()),
                null, AuditOutcome.ALLOWED, null, Map.of("outbox", message.id(), "address", message.address(),
                        "kind", notification.kind().name())));
        return true;
    }

    private void failed(Due message, Exception e, Instant now) {
        int attempts = message.attempts() + 1;
        String error = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage());
        error = error.length() > 300 ? error.substring(0, 300) : error;
        if (attempts >= properties.mail().maxAttempts()) {
            log.warn("E-mail {} given up after {} attempts: {}", message.id(), attempts, error);
            jdbc.sql("UPDATE ntf_mail_outbox SET state = 'FAILED', attempts = :attempts, last_error = :error WHERE id = :id")
                    .param("attempts", attempts).param("error", error).param("id", message.id()).update();
            audit.record(new AuditEntry(AuditActor.system(), GAVE_UP, "notification",
                    Long.toString(message.notificationId()), null, AuditOutcome.FAILED, "notification.mail.gave-up",
                    Map.of("outbox", message.id(), "address", message.address(), "attempts", attempts)));
            return;
        }
        log.info("E-mail {} not sent (attempt {}), retried later: {}", message.id(), attempts, error);
        jdbc.sql("""
                UPDATE ntf_mail_outbox SET attempts = :attempts, last_error = :error, next_attempt_at = :next WHERE id = :id
                """).param("attempts", attempts).param("error", error)
                .param("next", Timestamp.from(now.plus(backoff(attempts)))).param("id", message.id()).update();
    }

    /** The wait after the n-th failed attempt: the first wait doubled n-1 times, at most the longest wait. */
    Duration backoff(int attempts) {
        Duration wait = properties.mail().firstRetry();
        for (int i = 1; i < attempts && wait.compareTo(properties.mail().maxRetry()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(properties.mail().maxRetry()) > 0 ? properties.mail().maxRetry() : wait;
    }

    private MimeMessage compose(JavaMailSender sender, String address, NotificationView notification) throws Exception {
        MimeMessage mime = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
        helper.setFrom(properties.mail().from());
        helper.setTo(address);
        NotificationKind kind = notification.kind();
        StringBuilder subject = new StringBuilder();
        StringBuilder body = new StringBuilder();
        String link = properties.absolute(notification.link());
        for (Locale locale : NotificationTexts.MAIL_LANGUAGES) {
            String kindName = messages.getMessage(kind.messageKey(), null, kind.name(), locale);
            subject.append(subject.isEmpty() ? "" : " / ").append(kindName);
            body.append(texts.text(notification, locale)).append("\n")
                    .append(messages.getMessage("notification.mail.open", new Object[] {link}, locale)).append("\n")
                    .append(messages.getMessage("notification.mail.footer", null, locale)).append("\n\n");
        }
        helper.setSubject(messages.getMessage("notification.mail.subject", new Object[] {subject},
                NotificationTexts.MAIL_LANGUAGES.get(0)));
        helper.setText(body.toString().strip());
        return mime;
    }
}
