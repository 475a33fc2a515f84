package org.baomi.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.baomi.iam.AccessPolicy;
import org.baomi.iam.AccessRequest;
import org.baomi.iam.InvalidInputException;
import org.baomi.iam.ProtectedObjects;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.internal.access.AccessChangeFeed;
import org.baomi.shared.BaomiException;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.MutableClock;
import org.baomi.test.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Circulation (DOC-5): direct from the custodian, signed by each reader, back to the custodian, two days at most. */
@BaomiSpringTest
class CirculationTest {

    @Autowired DocumentRegister register;
    @Autowired DocumentCirculation circulation;
    @Autowired ProtectedObjects objects;
    @Autowired AccessPolicy policy;
    @Autowired AccessChangeFeed feed;
    @Autowired TestAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired java.util.List<org.baomi.shared.DutyProvider> providers;
    org.baomi.shared.DutyProvider duties;

    DocumentFixture f;
    TestAccounts.Created custodian;
    TestAccounts.Created first;
    TestAccounts.Created second;
    long documentId;

    @BeforeEach
    void document() {
        f = new DocumentFixture(accounts, feed, register);
        duties = providers.stream().filter(p -> p.getClass().getSimpleName().startsWith("DocumentDuties")).findFirst()
                .orElseThrow();
        custodian = f.custodian();
        first = f.reader(SecretLevel.HIGHLY_SECRET);
        second = f.reader(SecretLevel.HIGHLY_SECRET);
        documentId = f.minutes(f.registrar(), custodian, "Circulated minutes " + System.nanoTime());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    boolean mayRead(TestAccounts.Created person) {
        feed.poll();
        return policy.decide(AccessRequest.read(person.id(), ref())).allowed();
    }

    ResourceRef ref() {
        return ResourceRef.document(Long.toString(documentId));
    }

    long send(CirculationMode mode, boolean urgent, TestAccounts.Created... readers) {
        List<String> staffNos = java.util.Arrays.stream(readers).map(TestAccounts.Created::staffNo).toList();
        long id = f.as(custodian, () -> circulation.send(documentId, new CirculationDraft(staffNos, mode, urgent)));
        feed.poll();
        return id;
    }

    @Test
    @DisplayName("DOC-5: a reader cannot pass the document on: sending and widening are refused to anyone but the custodian, and audited")
    void aReaderCannotForward() {
        long id = send(CirculationMode.PARALLEL, false, first);
        assertThat(mayRead(first)).isTrue();

        assertThatThrownBy(() -> f.as(first, () -> circulation.widen(id, List.of(second.staffNo()))))
                .isInstanceOfSatisfying(BaomiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BaomiException.Kind.FORBIDDEN);
                    assertThat(e.messageKey()).isEqualTo("document.error.not-custodian");
                });
        assertThatThrownBy(() -> f.as(first, () -> circulation.send(documentId, new CirculationDraft(
                List.of(second.staffNo()), CirculationMode.PARALLEL, false))))
                .isInstanceOfSatisfying(BaomiException.class,
                        e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.FORBIDDEN));
        assertThatThrownBy(() -> f.as(first, () -> circulation.close(id)))
                .isInstanceOfSatisfying(BaomiException.class,
                        e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.FORBIDDEN));
        assertThat(accounts.auditEntries("document.circulation.refused", "DENIED", first.id(), documentId))
                .isEqualTo(3);
        assertThat(mayRead(second)).isFalse();
        assertThat(objects.distributionOf(ref())).containsExactly(first.id());
    }

    @Test
    @DisplayName("DOC-5: one at a time, each reader holds the document only in turn, signs with full name and time, and it comes back to the custodian")
    void sequentialCirculationWithSignatures() {
        long id = send(CirculationMode.SEQUENTIAL, false, first, second);
        assertThat(mayRead(first)).isTrue();
        assertThat(mayRead(second)).isFalse();
        assertThat(f.as(first, () -> circulation.inbox())).extracting(InboxItem::documentId).containsExactly(documentId);
        assertThat(f.as(second, () -> circulation.inbox())).isEmpty();

        f.as(first, () -> circulation.sign(id));
        assertThat(mayRead(first)).isFalse();
        assertThat(mayRead(second)).isTrue();
        assertThatThrownBy(() -> f.as(first, () -> circulation.sign(id))).isInstanceOf(BaomiException.class);

        clock.advance(Duration.ofHours(3));
        f.as(second, () -> circulation.sign(id));
        f.as(custodian, () -> circulation.close(id));
        feed.poll();
        assertThat(mayRead(second)).isFalse();

        DocumentDetail detail = f.as(custodian, () -> register.show(documentId));
        assertThat(detail.summary().status()).isEqualTo(DocumentStatus.REGISTERED);
        CirculationView view = detail.circulations().get(0);
        assertThat(view.open()).isFalse();
        assertThat(view.readers()).allSatisfy(r -> {
            assertThat(r.signedAt()).isNotNull();
            assertThat(r.releasedAt()).isNotNull();
        });
        assertThat(view.readers().get(0).signedName()).isEqualTo(first.fullName());
        assertThat(view.readers().get(1).signedAt()).isAfter(view.readers().get(0).signedAt());
        assertThat(detail.history()).extracting(DocumentEvent::action)
                .containsExactly("registered", "circulated", "signed", "sent-to-next", "signed", "returned");
        assertThat(accounts.auditEntries("document.signed", "ALLOWED", first.id(), documentId)).isEqualTo(1);
        assertThat(accounts.auditEntries("document.returned", "ALLOWED", custodian.id(), documentId)).isEqualTo(1);
    }

    @Test
    @DisplayName("DOC-5: an urgent document comes back as soon as each reader has signed")
    void urgentReturnsOnReading() {
        long id = send(CirculationMode.PARALLEL, true, first, second);
        f.as(first, () -> circulation.sign(id));
        assertThat(mayRead(first)).isFalse();
        assertThat(mayRead(second)).isTrue();
    }

    @Test
    @DisplayName("DOC-5: a circulation over two days is flagged once, chased, and shown as overdue")
    void overTwoDaysIsFlagged() {
        long id = send(CirculationMode.PARALLEL, false, first);
        clock.advance(Duration.ofDays(1));
        circulation.flagOverdue();
        assertThat(flagged(id)).isFalse();

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(circulation.flagOverdue()).isPositive();
        assertThat(flagged(id)).isTrue();
        circulation.flagOverdue();
        assertThat(accounts.auditEntries("document.circulation.overdue", "ALLOWED", null, documentId)).isEqualTo(1);
        assertThat(f.as(custodian, () -> register.kept())).filteredOn(d -> d.id() == documentId)
                .singleElement().satisfies(d -> assertThat(d.overdue()).isTrue());
        assertThat(f.as(first, () -> circulation.inbox())).singleElement()
                .satisfies(i -> assertThat(i.overdue()).isTrue());
        assertThat(duties.dutiesOf(custodian.id())).extracting(org.baomi.shared.Duty::key)
                .contains("document.circulations-overdue");
        assertThat(duties.dutiesOf(first.id())).singleElement().satisfies(d -> {
            assertThat(d.key()).isEqualTo("document.to-sign");
            assertThat(d.urgent()).isTrue();
        });
        assertThat(jdbc.sql("SELECT count(*) FROM ntf_notification WHERE recipient_id = :id "
                + "AND message_key = 'document.notification.overdue-reader'").param("id", first.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @DisplayName("DOC-5, CLS-1: the custodian widens the readership only within policy: a reader cleared below the level is refused")
    void widenOnlyWithinPolicy() {
        TestAccounts.Created low = f.reader(SecretLevel.SECRET);
        long id = send(CirculationMode.PARALLEL, false, first);
        assertThatThrownBy(() -> f.as(custodian, () -> circulation.widen(id, List.of(low.staffNo()))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.concerns("readers")).isTrue());
        assertThat(mayRead(low)).isFalse();

        f.as(custodian, () -> circulation.widen(id, List.of(second.staffNo())));
        assertThat(mayRead(second)).isTrue();
        assertThatThrownBy(() -> f.as(custodian, () -> circulation.send(documentId, new CirculationDraft(
                List.of(low.staffNo()), CirculationMode.PARALLEL, false))))
                .isInstanceOfSatisfying(BaomiException.class,
                        e -> assertThat(e.kind()).isIn(BaomiException.Kind.CONFLICT, BaomiException.Kind.INVALID));
    }

    private boolean flagged(long circulationId) {
        return jdbc.sql("SELECT overdue_at IS NOT NULL FROM doc_circulation WHERE id = :id").param("id", circulationId)
                .query(Boolean.class).single();
    }
}
