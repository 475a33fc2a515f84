package org.baomi.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

import org.baomi.classification.PeriodKind;
import org.baomi.iam.ProtectedObjects;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.internal.access.AccessChangeFeed;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.MutableClock;
import org.baomi.test.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** CLS-4: a document declassifies itself on the day its period ends (injected clock), recorded and told. */
@BaomiSpringTest
class DeclassificationTest {

    @Autowired DocumentRegister register;
    @Autowired DocumentDeclassification declassification;
    @Autowired ProtectedObjects objects;
    @Autowired AccessChangeFeed feed;
    @Autowired TestAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    @DisplayName("CLS-4: declassification happens on the day the period ends, not before, with its event, audit record and notice")
    void declassifiedOnTheDay() {
        DocumentFixture f = new DocumentFixture(accounts, feed, register);
        TestAccounts.Created custodian = f.custodian();
        LocalDate today = clock.instant().atZone(clock.getZone()).toLocalDate();
        long id = f.as(f.registrar(), () -> register.register(new DocumentDraft(Direction.DISPATCH,
                "Ends tomorrow " + System.nanoTime(), null, "Office", "MGMT-CONTRACT", null,
                new ConfidentialityTerm(PeriodKind.YEARS, null, today.plusDays(1), null), 1, custodian.staffNo(), null,
                null)));

        declassification.declassifyDue();
        assertThat(status(id)).isEqualTo("REGISTERED");

        clock.advance(Duration.ofDays(1));
        assertThat(declassification.declassifyDue()).isPositive();
        assertThat(status(id)).isEqualTo("DECLASSIFIED");
        assertThat(objects.find(ResourceRef.document(Long.toString(id))).orElseThrow().level())
                .isEqualTo(SecretLevel.INTERNAL);
        assertThat(accounts.auditEntries("document.declassified", "ALLOWED", null, id)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT secret_level FROM aud_entry WHERE action = 'document.declassified' AND object_id = :id")
                .param("id", Long.toString(id)).query(String.class).single()).isEqualTo("SECRET");
        assertThat(jdbc.sql("SELECT count(*) FROM ntf_notification WHERE recipient_id = :p AND message_key = "
                + "'document.notification.declassified'").param("p", custodian.id()).query(Long.class).single())
                .isEqualTo(1);
        assertThat(f.as(custodian, () -> register.show(id)).history()).extracting(DocumentEvent::action)
                .containsExactly("registered", "declassified");

        declassification.declassifyDue();
        assertThat(accounts.auditEntries("document.declassified", "ALLOWED", null, id)).isEqualTo(1);
    }

    private String status(long id) {
        return jdbc.sql("SELECT status FROM doc_document WHERE id = :id").param("id", id).query(String.class).single();
    }
}
