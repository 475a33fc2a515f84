package org.baomi.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.baomi.approval.ApprovalDecided;
import org.baomi.approval.ApprovalOutcome;
import org.baomi.approval.ApprovalTaskAssigned;
import org.baomi.approval.AssignmentReason;
import org.baomi.audit.AuditChainBroken;
import org.baomi.audit.ChainBreakage;
import org.baomi.audit.VerificationMode;
import org.baomi.iam.BreakGlassSession;
import org.baomi.iam.BreakGlassVerdict;
import org.baomi.iam.BreakTheGlass;
import org.baomi.iam.ProtectedObject;
import org.baomi.iam.ProtectedObjects;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.internal.access.AccessChangeFeed;
import org.baomi.notification.internal.NotificationTexts;
import org.baomi.shared.BaomiException;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.SignedIn;
import org.baomi.test.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notification centre (issue 4 item 5) against the application: events of the approval engine, of the decision
 * point (break the glass, ACC-4) and of the audit chain (AUD-3) become notifications for the right people, in the
 * publisher's transaction; each person reads and marks only their own. Events are published from the test as the
 * engine publishes them, inside a transaction.
 */
@BaomiSpringTest
class NotificationCentreTest {

    @Autowired
    Notifications notifications;
    @Autowired
    TestAccounts accounts;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    NotificationTexts texts;
    @Autowired
    MessageSource messages;
    @Autowired
    java.time.Clock clock;

    private void publishInTransaction(Object event) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> events.publishEvent(event));
    }

    private NotificationPage all(TestAccounts.Created person) {
        return SignedIn.as(accounts.authenticationOf(person),
                () -> notifications.list(NotificationFilter.ALL, 0, Notifications.MAX_PAGE_SIZE));
    }

    private long unread(TestAccounts.Created person) {
        return SignedIn.as(accounts.authenticationOf(person), notifications::unreadCount);
    }

    @Test
    void aNewApprovalStepTellsEveryAssigneeOnceThatAnApprovalOfTheKindWaitsWithItsDeadlineAndLink() {
        TestAccounts.Created head = accounts.staff();
        TestAccounts.Created office = accounts.staff();
        Instant deadline = clock.instant().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);

        publishInTransaction(new ApprovalTaskAssigned(9101, "document-copy", SecretLevel.INTERNAL,
                List.of(head.id(), office.id(), head.id()), AssignmentReason.NEW_STEP, deadline));

        for (TestAccounts.Created assignee : List.of(head, office)) {
            NotificationPage page = all(assignee);
            assertThat(page.items()).hasSize(1);
            NotificationView n = page.items().get(0);
            assertThat(n.kind()).isEqualTo(NotificationKind.APPROVAL_WAITING);
            assertThat(n.link()).isEqualTo("/approvals/9101");
            assertThat(n.unread()).isTrue();
            String zh = texts.text(n, Locale.SIMPLIFIED_CHINESE);
            String en = texts.text(n, Locale.ENGLISH);
            // the approval bundle may not name the kind yet: its code stands in
            assertThat(en).contains("9101").contains(texts.format(deadline))
                    .contains(messages.getMessage("approval.kind.document-copy", null, "document-copy", Locale.ENGLISH))
                    .startsWith("An approval of kind");
            assertThat(zh).contains("9101").contains(texts.format(deadline)).contains("\u5ba1\u6279");
            assertThat(unread(assignee)).isEqualTo(1);
            // AUD-1: who was told what is on the trail
            assertThat(accounts.auditEntries("notification.created", "ALLOWED", null, n.id())).isEqualTo(1);
        }
    }

    @Test
    void suspendedPeopleAreNotTold() {
        TestAccounts.Created active = accounts.staff();
        TestAccounts.Created suspended = accounts.staff();
        jdbc.sql("UPDATE iam_account SET status = 'SUSPENDED' WHERE id = :id").param("id", suspended.id()).update();

        publishInTransaction(new ApprovalTaskAssigned(9150, "document-copy", SecretLevel.INTERNAL,
                List.of(active.id(), suspended.id()), AssignmentReason.NEW_STEP, null));

        assertThat(jdbc.sql("SELECT recipient_id FROM ntf_notification WHERE link = '/approvals/9150'")
                .query(Long.class).list()).containsExactly(active.id());
    }

    @Test
    void remindersEscalationsAndDelegationsAreWordedAsSuch() {
        TestAccounts.Created approver = accounts.staff();
        for (AssignmentReason reason : AssignmentReason.values()) {
            publishInTransaction(new ApprovalTaskAssigned(9200 + reason.ordinal(), "archive-borrow", SecretLevel.SECRET,
                    List.of(approver.id()), reason, null));
        }
        List<NotificationView> items = all(approver).items();
        assertThat(items).extracting(NotificationView::kind).containsExactlyInAnyOrder(
                NotificationKind.APPROVAL_WAITING, NotificationKind.APPROVAL_REMINDER,
                NotificationKind.APPROVAL_ESCALATED, NotificationKind.APPROVAL_DELEGATED);
        assertThat(items).extracting(n -> texts.text(n, Locale.ENGLISH)).anySatisfy(t -> assertThat(t)
                .startsWith("Reminder:")).anySatisfy(t -> assertThat(t).contains("escalated to you"))
                .anySatisfy(t -> assertThat(t).contains("delegated to you"));
        assertThat(items).extracting(NotificationView::messageKey).doesNotHaveDuplicates();
    }

    @Test
    void theRequesterIsToldTheOutcomeWithTheLink() {
        TestAccounts.Created requester = accounts.staff();
        publishInTransaction(new ApprovalDecided(9301, "document-copy", requester.id(), ApprovalOutcome.REFUSED,
                "document", "T-NTF-DOC-1", SecretLevel.HIGHLY_SECRET, clock.instant(), null));

        NotificationView n = all(requester).items().get(0);
        assertThat(n.kind()).isEqualTo(NotificationKind.APPROVAL_DECIDED);
        assertThat(n.link()).isEqualTo("/approvals/9301");
        assertThat(texts.text(n, Locale.ENGLISH)).contains("9301").contains("refused");
        // 机密 subject: neither its id nor anything of it is in the notification
        assertThat(texts.text(n, Locale.ENGLISH) + texts.text(n, Locale.SIMPLIFIED_CHINESE)).doesNotContain("T-NTF-DOC-1");
    }

    @Test
    void aRolledBackChangeIsNeverAnnouncedAndAnEventOutsideATransactionIsRefused() {
        TestAccounts.Created approver = accounts.staff();
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            events.publishEvent(new ApprovalTaskAssigned(9401, "document-copy", SecretLevel.INTERNAL,
                    List.of(approver.id()), AssignmentReason.NEW_STEP, null));
            status.setRollbackOnly();
        });
        assertThat(all(approver).total()).isZero();

        assertThatThrownBy(() -> events.publishEvent(new ApprovalTaskAssigned(9402, "document-copy",
                SecretLevel.INTERNAL, List.of(approver.id()), AssignmentReason.NEW_STEP, null)))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(all(approver).total()).isZero();
    }

    @Test
    void breakingTheGlassAlertsTheConfidentialityOfficeAtOnceButNotThePersonWhoBrokeIt() {
        TestAccounts.Created officer = accounts.create(TestAccounts.person().clearance(SecretLevel.SECRET)
                .roles("staff", "confidentiality-office"));
        TestAccounts.Created departed = accounts.create(TestAccounts.person().clearance(SecretLevel.SECRET)
                .roles("staff", "confidentiality-office"));
        jdbc.sql("UPDATE iam_account SET status = 'DEPARTED' WHERE id = :id").param("id", departed.id()).update();
        TestAccounts.Created doctor = medicalDoctor();
        ResourceRef patient = ResourceRef.patient("T-NTF-PAT-" + System.nanoTime());
        protectedObjects.register(new ProtectedObject(patient, SecretLevel.INTERNAL, null, null));
        BreakGlassSession session = SignedIn.as(accounts.authenticationOf(doctor),
                () -> breakTheGlass.open(doctor.id(), patient, "unconscious patient, no relatives reachable"));
        try {
            NotificationView alert = all(officer).items().stream()
                    .filter(n -> n.kind() == NotificationKind.BREAK_GLASS
                            && n.args().contains(NotificationArg.number(session.id())))
                    .findFirst().orElseThrow();
            assertThat(alert.link()).isEqualTo("/access/break-glass/reviews");
            String text = texts.text(alert, Locale.ENGLISH) + texts.text(alert, Locale.SIMPLIFIED_CHINESE);
            // ACC-4: the alert says that a session awaits review; the reason and the patient stay behind the link
            assertThat(text).contains(Long.toString(session.id())).doesNotContain(patient.id())
                    .doesNotContain("unconscious");
            assertThat(all(doctor).items()).noneMatch(n -> n.kind() == NotificationKind.BREAK_GLASS);
            assertThat(jdbc.sql("SELECT count(*) FROM ntf_notification WHERE recipient_id = :r")
                    .param("r", departed.id()).query(Long.class).single()).as("a departed officer").isZero();
        } finally {
            SignedIn.as(accounts.authenticationOf(officer), () -> breakTheGlass.review(session.id(),
                    BreakGlassVerdict.JUSTIFIED, "notification test: emergency confirmed"));
        }
    }

    @Autowired
    ProtectedObjects protectedObjects;
    @Autowired
    BreakTheGlass breakTheGlass;
    @Autowired
    AccessChangeFeed feed;

    /** A doctor on a medical post (only medical staff may break the glass on a patient, ACC-4). */
    private TestAccounts.Created medicalDoctor() {
        TestAccounts.Created doctor = accounts.create(TestAccounts.person().roles("staff", "doctor"));
        jdbc.sql("""
                INSERT INTO iam_post (code, name_zh, name_en, medical) VALUES ('T-MED-POST', 'T', 'T', TRUE)
                ON CONFLICT (code) DO NOTHING
                """).update();
        jdbc.sql("UPDATE iam_account SET post_id = (SELECT id FROM iam_post WHERE code = 'T-MED-POST') WHERE id = :id")
                .param("id", doctor.id()).update();
        feed.poll();
        return doctor;
    }

    @Test
    void aBrokenAuditChainAlertsTheAuditAndSecurityAdministratorsButNoOneElse() {
        TestAccounts.Created auditor = accounts.auditAdmin();
        TestAccounts.Created security = accounts.securityAdmin();
        TestAccounts.Created system = accounts.systemAdmin();
        publishInTransaction(new AuditChainBroken(clock.instant(), 424242, ChainBreakage.values()[0],
                VerificationMode.values()[0]));

        for (TestAccounts.Created admin : List.of(auditor, security)) {
            NotificationView alert = all(admin).items().stream()
                    .filter(n -> n.kind() == NotificationKind.AUDIT_CHAIN_BROKEN).findFirst().orElseThrow();
            assertThat(alert.link()).isEqualTo("/audit/chain");
            assertThat(texts.text(alert, Locale.ENGLISH)).contains("424242");
        }
        assertThat(all(system).items()).noneMatch(n -> n.kind() == NotificationKind.AUDIT_CHAIN_BROKEN);
    }

    @Test
    void theUnreadCountFallsAsNotificationsAreOpenedAndAllCanBeMarkedReadAtOnce() {
        TestAccounts.Created person = accounts.staff();
        long[] ids = new long[3];
        new TransactionTemplate(transactionManager).executeWithoutResult(s -> {
            for (int i = 0; i < ids.length; i++) {
                ids[i] = notifications.notify(new NotificationDraft(person.id(), NotificationKind.GENERAL,
                        "notification.approval.NEW_STEP", List.of(NotificationArg.approvalKind("x"),
                                NotificationArg.number(i)), "/approvals/" + i, null));
            }
        });
        assertThat(unread(person)).isEqualTo(3);

        NotificationView opened = SignedIn.as(accounts.authenticationOf(person), () -> notifications.markRead(ids[1]));
        assertThat(opened.unread()).isFalse();
        assertThat(opened.link()).isEqualTo("/approvals/1");
        assertThat(unread(person)).isEqualTo(2);
        SignedIn.as(accounts.authenticationOf(person), () -> notifications.markRead(ids[1]));
        assertThat(unread(person)).as("marking again changes nothing").isEqualTo(2);
        NotificationPage unreadOnly = SignedIn.as(accounts.authenticationOf(person),
                () -> notifications.list(NotificationFilter.UNREAD, 0, 10));
        assertThat(unreadOnly.items()).extracting(NotificationView::id).containsExactly(ids[2], ids[0]);
        assertThat(unreadOnly.total()).isEqualTo(2);

        assertThat(SignedIn.as(accounts.authenticationOf(person), notifications::markAllRead)).isEqualTo(2);
        assertThat(unread(person)).isZero();
        assertThat(all(person).total()).isEqualTo(3);
    }

    @Test
    void nobodyReadsOrMarksAnotherPersonsNotificationAndTheRefusalIsAudited() {
        TestAccounts.Created owner = accounts.staff();
        TestAccounts.Created other = accounts.create(TestAccounts.person().clearance(SecretLevel.TOP_SECRET)
                .roles("staff", "confidentiality-office"));
        long id = new TransactionTemplate(transactionManager).execute(s -> notifications.notify(new NotificationDraft(
                owner.id(), NotificationKind.GENERAL, "notification.approval.NEW_STEP",
                List.of(NotificationArg.approvalKind("x"), NotificationArg.number(1)), "/approvals/1", null)));

        assertThatThrownBy(() -> SignedIn.as(accounts.authenticationOf(other), () -> notifications.markRead(id)))
                .isInstanceOfSatisfying(BaomiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BaomiException.Kind.FORBIDDEN);
                    assertThat(e.messageKey()).isEqualTo("notification.not-yours");
                });
        assertThat(accounts.auditEntries("notification.access-denied", "DENIED", other.id(), id)).isEqualTo(1);
        assertThat(unread(owner)).as("still unread").isEqualTo(1);
        assertThat(all(other).items()).extracting(NotificationView::id).doesNotContain(id);
        SignedIn.as(accounts.authenticationOf(other), notifications::markAllRead);
        assertThat(unread(owner)).as("another's mark-all leaves mine alone").isEqualTo(1);

        assertThatThrownBy(() -> SignedIn.as(accounts.authenticationOf(other), () -> notifications.markRead(-5)))
                .isInstanceOfSatisfying(BaomiException.class,
                        e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.NOT_FOUND));
        assertThatThrownBy(notifications::unreadCount).isInstanceOfSatisfying(BaomiException.class,
                e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.UNAUTHENTICATED));
    }

    @Test
    void badDraftsAndBadPagingAreRefusedWithTranslatedMessagesAndNothingIsWritten() {
        TestAccounts.Created person = accounts.staff();
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        for (String link : List.of("https://evil.example/x", "//evil.example", "/a?title=x", "/../x", "relative")) {
            assertThatThrownBy(() -> tx.execute(s -> notifications.notify(new NotificationDraft(person.id(),
                    NotificationKind.GENERAL, "notification.kind.GENERAL", List.of(), link, null))))
                    .as(link).isInstanceOfSatisfying(BaomiException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("notification.link.invalid"));
        }
        assertThatThrownBy(() -> tx.execute(s -> notifications.notify(new NotificationDraft(-1,
                NotificationKind.GENERAL, "notification.kind.GENERAL", List.of(), "/x", null))))
                .isInstanceOfSatisfying(BaomiException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("notification.recipient.unknown"));
        assertThatThrownBy(() -> tx.execute(s -> notifications.notify(new NotificationDraft(person.id(),
                NotificationKind.GENERAL, "Not a key!", List.of(), "/x", null))))
                .isInstanceOfSatisfying(BaomiException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("notification.message.invalid"));
        assertThatThrownBy(() -> SignedIn.as(accounts.authenticationOf(person),
                () -> notifications.list(NotificationFilter.ALL, 0, Notifications.MAX_PAGE_SIZE + 1)))
                .isInstanceOfSatisfying(BaomiException.class,
                        e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.INVALID));
        assertThatThrownBy(() -> SignedIn.as(accounts.authenticationOf(person),
                () -> notifications.list(NotificationFilter.ALL, -1, 10)))
                .isInstanceOf(BaomiException.class);
        assertThat(all(person).total()).isZero();
        for (String key : List.of("notification.link.invalid", "notification.recipient.unknown",
                "notification.message.invalid", "notification.paging.invalid", "notification.not-yours",
                "notification.not-found")) {
            assertThat(messages.getMessage(key, new Object[] {1}, Locale.ENGLISH))
                    .isNotEqualTo(messages.getMessage(key, new Object[] {1}, Locale.SIMPLIFIED_CHINESE));
        }
    }

    @Test
    void aTitleCannotEvenBePassedAsAnArgument() {
        // issue 4: no title or content of a subject, whatever its level: an argument is a number, a time or a key
        assertThat(NotificationArg.class.getPermittedSubclasses()).extracting(Class::getSimpleName)
                .containsExactlyInAnyOrder("Number", "Time", "Key");
        assertThatThrownBy(() -> new NotificationArg.Key("approval.kind.copy", "\u7edd\u5bc6\u6587\u4ef6"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NotificationArg.Key("Surgery roster for the president", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NotificationArg.Key("approval.kind.copy", "roster of ward 3"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
