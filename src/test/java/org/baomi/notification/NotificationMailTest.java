package org.baomi.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.baomi.approval.ApprovalDecided;
import org.baomi.approval.ApprovalOutcome;
import org.baomi.approval.ApprovalTaskAssigned;
import org.baomi.approval.AssignmentReason;
import org.baomi.notification.internal.MailDispatcher;
import org.baomi.notification.internal.MailTransport;
import org.baomi.notification.internal.NotificationTexts;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.MutableClock;
import org.baomi.test.SignedIn;
import org.baomi.test.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notification e-mail (issue 4 item 5) through a real SMTP server in the test (GreenMail): queued with the
 * notification in the publisher's transaction, sent after the commit, with the link and nothing of a 秘密, 机密 or
 * 绝密 subject; kept and retried while the server is down; given up after the last attempt, visibly. The shared test
 * context has no SMTP server: each test points the sender at its own through {@link MailTransport#use}.
 */
@BaomiSpringTest
class NotificationMailTest {

    /** What a subject of these levels would be called; it must never reach an e-mail. */
    private static final String SECRET_TITLE = "\u5fc3\u5916\u79d1\u624b\u672f\u6392\u73ed Surgery roster";

    @Autowired
    MailTransport transport;
    @Autowired
    MailDispatcher dispatcher;
    @Autowired
    TestAccounts accounts;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    NotificationTexts texts;
    @Autowired
    MessageSource messages;
    @Autowired
    Notifications notifications;

    private JavaMailSender previous;
    private GreenMail smtp;
    private int port;

    @BeforeEach
    void pointTheSenderAtATestServer() throws IOException {
        port = freePort();
        previous = transport.use(sender(port));
    }

    @AfterEach
    void restore() {
        transport.use(previous);
        if (smtp != null) {
            smtp.stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static JavaMailSender sender(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        Properties properties = new Properties();
        properties.put("mail.smtp.connectiontimeout", "2000");
        properties.put("mail.smtp.timeout", "2000");
        sender.setJavaMailProperties(properties);
        return sender;
    }

    private void startSmtp() {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    /** A staff member with an e-mail address of their own. */
    private TestAccounts.Created personWithAddress() {
        TestAccounts.Created person = accounts.staff();
        jdbc.sql("UPDATE iam_account SET email = :email WHERE id = :id")
                .param("email", address(person)).param("id", person.id()).update();
        return person;
    }

    private static String address(TestAccounts.Created person) {
        return person.staffNo().toLowerCase(Locale.ROOT) + "@hospital.example";
    }

    private void publishInTransaction(Object event) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> events.publishEvent(event));
    }

    /** Runs the sender until the person's mail is in the state, or fails after a deadline (the scheduler may run too). */
    private void sendUntil(TestAccounts.Created person, MailState state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!state.name().equals(stateOf(person))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("mail of " + person.staffNo() + " is " + stateOf(person) + ", not " + state);
            }
            dispatcher.sendDue();
        }
    }

    private String stateOf(TestAccounts.Created person) {
        return jdbc.sql("SELECT state FROM ntf_mail_outbox WHERE recipient_id = :r ORDER BY id DESC LIMIT 1")
                .param("r", person.id()).query(String.class).optional().orElse(null);
    }

    /** Runs the sender until the person's mail has had this many attempts (the scheduler may make one too). */
    private void attemptUntil(TestAccounts.Created person, int attempts) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (attemptsOf(person) < attempts) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("mail of " + person.staffNo() + " had " + attemptsOf(person) + " attempts");
            }
            dispatcher.sendDue();
        }
        assertThat(attemptsOf(person)).isEqualTo(attempts);
    }

    private int attemptsOf(TestAccounts.Created person) {
        return jdbc.sql("SELECT attempts FROM ntf_mail_outbox WHERE recipient_id = :r ORDER BY id DESC LIMIT 1")
                .param("r", person.id()).query(Integer.class).single();
    }

    private List<MimeMessage> mailTo(TestAccounts.Created person) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address(person));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void anApprovalOfEverySecretLevelIsMailedWithTheLinkAndNothingOfItsSubject() throws Exception {
        startSmtp();
        for (SecretLevel level : List.of(SecretLevel.SECRET, SecretLevel.HIGHLY_SECRET, SecretLevel.TOP_SECRET)) {
            TestAccounts.Created approver = personWithAddress();
            TestAccounts.Created requester = personWithAddress();
            long approvalId = 9800 + level.ordinal();
            Instant deadline = clock.instant().plus(Duration.ofDays(1));
            new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                events.publishEvent(new ApprovalTaskAssigned(approvalId, "document-copy", level,
                        List.of(approver.id()), AssignmentReason.NEW_STEP, deadline));
                assertThat(stateOf(approver)).as("queued with the notification").isEqualTo("PENDING");
                dispatcher.sendDue();
                assertThat(mailTo(approver)).as("never sent inside the business transaction").isEmpty();
            });
            publishInTransaction(new ApprovalDecided(approvalId, "document-copy", requester.id(),
                    ApprovalOutcome.APPROVED, "document", SECRET_TITLE.substring(0, 6), level, clock.instant(), 1L));

            sendUntil(approver, MailState.SENT);
            sendUntil(requester, MailState.SENT);
            for (TestAccounts.Created person : List.of(approver, requester)) {
                MimeMessage mail = mailTo(person).get(0);
                String body = mail.getContent().toString();
                NotificationView n = SignedIn.as(accounts.authenticationOf(person),
                        () -> notifications.list(NotificationFilter.ALL, 0, 1)).items().get(0);
                // the whole text is the message chosen by the notification centre, in both languages, with the link
                String expected = String.join("\n",
                        texts.text(n, Locale.SIMPLIFIED_CHINESE),
                        messages.getMessage("notification.mail.open",
                                new Object[] {"http://localhost:8080/approvals/" + approvalId}, Locale.SIMPLIFIED_CHINESE),
                        messages.getMessage("notification.mail.footer", null, Locale.SIMPLIFIED_CHINESE), "",
                        texts.text(n, Locale.ENGLISH),
                        messages.getMessage("notification.mail.open",
                                new Object[] {"http://localhost:8080/approvals/" + approvalId}, Locale.ENGLISH),
                        messages.getMessage("notification.mail.footer", null, Locale.ENGLISH));
                assertThat(body.replace("\r\n", "\n").strip()).as(level + " mail").isEqualTo(expected);
                assertThat(body + mail.getSubject()).contains("/approvals/" + approvalId)
                        .doesNotContain(SECRET_TITLE.substring(0, 6)).doesNotContain("Surgery")
                        .doesNotContain(level.name());
                assertThat(mail.getSubject()).startsWith("\u3010\u4fdd\u5bc6\u7ba1\u7406\u7cfb\u7edf\u3011");
                assertThat(accounts.auditEntries("notification.mail.sent", "ALLOWED", null, n.id())).isEqualTo(1);
            }
        }
    }

    @Test
    void whileTheServerIsDownTheMailIsKeptAndRetriedWithGrowingWaitsThenSent() throws Exception {
        TestAccounts.Created person = personWithAddress();
        publishInTransaction(new ApprovalTaskAssigned(9901, "document-copy", SecretLevel.INTERNAL,
                List.of(person.id()), AssignmentReason.NEW_STEP, null));

        attemptUntil(person, 1);
        assertThat(stateOf(person)).isEqualTo("PENDING");
        dispatcher.sendDue();
        assertThat(attemptsOf(person)).as("not retried before its wait").isEqualTo(1);
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        attemptUntil(person, 2);
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        dispatcher.sendDue();
        assertThat(attemptsOf(person)).as("the second wait is twice the first").isEqualTo(2);

        startSmtp();
        clock.advance(Duration.ofMinutes(1));
        sendUntil(person, MailState.SENT);
        assertThat(mailTo(person)).hasSize(1);
        assertThat(mailTo(person).get(0).getContent().toString()).contains("/approvals/9901");
    }

    @Test
    void afterTheLastAttemptTheMailIsGivenUpAuditedAndShownToTheSystemAdministrator() {
        TestAccounts.Created person = personWithAddress();
        publishInTransaction(new ApprovalTaskAssigned(9902, "document-copy", SecretLevel.INTERNAL,
                List.of(person.id()), AssignmentReason.NEW_STEP, null));
        for (int attempt = 1; attempt <= 8; attempt++) {
            attemptUntil(person, attempt);
            clock.advance(Duration.ofHours(2));
        }
        assertThat(stateOf(person)).isEqualTo("FAILED");
        assertThat(attemptsOf(person)).isEqualTo(8);
        long notification = jdbc.sql("SELECT notification_id FROM ntf_mail_outbox WHERE recipient_id = :r")
                .param("r", person.id()).query(Long.class).single();
        assertThat(accounts.auditEntries("notification.mail.failed", "FAILED", null, notification)).isEqualTo(1);

        MailOutbox.Overview overview = SignedIn.as(accounts.authenticationOf(accounts.systemAdmin()),
                () -> outbox.overview());
        assertThat(overview.unsent()).anySatisfy(m -> {
            assertThat(m.recipientId()).isEqualTo(person.id());
            assertThat(m.state()).isEqualTo(MailState.FAILED);
            assertThat(m.lastError()).isNotBlank();
        });
        assertThat(overview.counts().get(MailState.FAILED)).isPositive();
    }

    @Autowired
    MailOutbox outbox;

    @Test
    void withoutAnSmtpServerNothingIsQueued() {
        transport.use(null);
        TestAccounts.Created person = personWithAddress();
        publishInTransaction(new ApprovalTaskAssigned(9903, "document-copy", SecretLevel.INTERNAL,
                List.of(person.id()), AssignmentReason.NEW_STEP, null));
        assertThat(stateOf(person)).isNull();
        assertThat(SignedIn.as(accounts.authenticationOf(person), notifications::unreadCount)).isEqualTo(1);
    }
}
