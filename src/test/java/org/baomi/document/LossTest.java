package org.baomi.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.baomi.iam.AccessPolicy;
import org.baomi.iam.AccessRequest;
import org.baomi.iam.InvalidInputException;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.internal.access.AccessChangeFeed;
import org.baomi.shared.BaomiException;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** DOC-8: a loss or leak freezes access at once and opens an incident for the office, who is told immediately. */
@BaomiSpringTest
class LossTest {

    @Autowired DocumentRegister register;
    @Autowired DocumentCirculation circulation;
    @Autowired DocumentLoss loss;
    @Autowired AccessPolicy policy;
    @Autowired AccessChangeFeed feed;
    @Autowired TestAccounts accounts;
    @Autowired JdbcClient jdbc;

    DocumentFixture f;
    TestAccounts.Created custodian;
    TestAccounts.Created reader;
    TestAccounts.Created office;
    long documentId;

    @BeforeEach
    void document() {
        f = new DocumentFixture(accounts, feed, register);
        custodian = f.custodian();
        reader = f.reader(SecretLevel.HIGHLY_SECRET);
        office = f.person(SecretLevel.SECRET, "confidentiality-office");
        documentId = f.minutes(f.registrar(), custodian, "Minutes to lose " + System.nanoTime());
    }

    boolean mayRead(TestAccounts.Created person) {
        feed.poll();
        return policy.decide(AccessRequest.read(person.id(), ResourceRef.document(Long.toString(documentId))))
                .allowed();
    }

    @Test
    @DisplayName("DOC-8: reporting a document lost freezes it at once: the reader holding it and the custodian are denied, the office is told")
    void lossFreezesAccess() {
        f.as(custodian, () -> circulation.send(documentId, new CirculationDraft(List.of(reader.staffNo()),
                CirculationMode.PARALLEL, false)));
        assertThat(mayRead(reader)).isTrue();
        assertThat(mayRead(custodian)).isTrue();

        long incidentId = f.as(reader, () -> loss.report(new LossReport(documentId, null, LossKind.LOST,
                "left in a taxi on the way to the meeting")));

        assertThat(mayRead(reader)).isFalse();
        assertThat(mayRead(custodian)).isFalse();
        assertThatThrownBy(() -> f.as(reader, () -> register.show(documentId))).isInstanceOf(RuntimeException.class);
        assertThat(jdbc.sql("SELECT status FROM doc_document WHERE id = :id").param("id", documentId)
                .query(String.class).single()).isEqualTo("LOST");
        assertThat(accounts.auditEntries("document.loss.reported", "ALLOWED", reader.id(), documentId)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM ntf_notification WHERE recipient_id = :office "
                + "AND message_key = 'document.notification.incident'").param("office", office.id())
                .query(Long.class).single()).isEqualTo(1);

        List<DocumentIncident> incidents = f.as(office, () -> loss.incidentsOf(documentId));
        assertThat(incidents).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo(incidentId);
            assertThat(i.status()).isEqualTo("OPEN");
            assertThat(i.reportedByName()).isEqualTo(reader.fullName());
            assertThat(i.kind()).isEqualTo(LossKind.LOST);
        });
        f.as(office, () -> loss.closeIncident(incidentId, "found and destroyed under supervision"));
        assertThat(f.as(office, () -> loss.incidentsOf(documentId))).singleElement()
                .satisfies(i -> assertThat(i.status()).isEqualTo("CLOSED"));
        // the document stays frozen after the incident is closed
        assertThat(mayRead(custodian)).isFalse();
        assertThatThrownBy(() -> f.as(office, () -> loss.closeIncident(incidentId, "again")))
                .isInstanceOfSatisfying(BaomiException.class,
                        e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.CONFLICT));
    }

    @Test
    @DisplayName("DOC-8: a person unconcerned cannot report; bad input is refused field by field; only the office lists incidents")
    void refusals() {
        TestAccounts.Created stranger = f.reader(SecretLevel.HIGHLY_SECRET);
        assertThatThrownBy(() -> f.as(stranger, () -> loss.report(new LossReport(documentId, null, LossKind.LOST,
                "rumour")))).isInstanceOfSatisfying(BaomiException.class,
                        e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.FORBIDDEN));
        assertThat(accounts.auditEntries("document.loss.refused", "DENIED", stranger.id(), documentId)).isEqualTo(1);
        assertThatThrownBy(() -> f.as(custodian, () -> loss.report(new LossReport(documentId, -1L, null, " "))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.concerns("kind")).isTrue();
                    assertThat(e.concerns("circumstances")).isTrue();
                    assertThat(e.concerns("copyId")).isTrue();
                });
        assertThat(mayRead(custodian)).isTrue();
        assertThatThrownBy(() -> f.as(reader, () -> loss.incidentsOf(documentId)))
                .isInstanceOfSatisfying(BaomiException.class,
                        e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.FORBIDDEN));
    }
}
