package org.baomi.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import org.baomi.iam.InvalidInputException;
import org.baomi.iam.ProtectedObjects;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.internal.access.AccessChangeFeed;
import org.baomi.shared.BaomiException;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.TestAccounts;
import org.baomi.vault.EncryptedFiles;
import org.baomi.vault.FileOwner;
import org.baomi.vault.LevelMark;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** CLS-4, CLS-3: the designee extends, downgrades or lets lapse; anybody else is refused; the file's mark follows. */
@BaomiSpringTest
class DeclassificationReviewTest {

    @Autowired DocumentRegister register;
    @Autowired DocumentDeclassificationReview review;
    @Autowired DocumentFiles documentFiles;
    @Autowired ProtectedObjects objects;
    @Autowired EncryptedFiles files;
    @Autowired AccessChangeFeed feed;
    @Autowired TestAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired PlatformTransactionManager transactions;

    DocumentFixture f;
    TestAccounts.Created designee;
    TestAccounts.Created custodian;
    long documentId;

    @BeforeEach
    void document() {
        f = new DocumentFixture(accounts, feed, register);
        designee = f.registrar();
        custodian = f.custodian();
        documentId = f.minutes(designee, custodian, "Minutes to review " + System.nanoTime());
    }

    private LocalDate today() {
        return clock.instant().atZone(clock.getZone()).toLocalDate();
    }

    @Test
    @DisplayName("CLS-4: a person who is not a designee cannot extend, downgrade or let lapse")
    void nonDesigneeRefused() {
        assertThatThrownBy(() -> f.as(custodian, () -> review.extend(documentId, today().plusYears(20), "needed")))
                .isInstanceOfSatisfying(BaomiException.class,
                        e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.FORBIDDEN));
        assertThatThrownBy(() -> f.as(custodian, () -> review.downgrade(documentId, SecretLevel.SECRET, "less")))
                .isInstanceOf(BaomiException.class);
        assertThatThrownBy(() -> f.as(custodian, () -> review.letLapse(documentId, "fine")))
                .isInstanceOf(BaomiException.class);
        assertThat(jdbc.sql("SELECT level FROM doc_document WHERE id = :id").param("id", documentId)
                .query(String.class).single()).isEqualTo("HIGHLY_SECRET");
    }

    @Test
    @DisplayName("CLS-4: the designee extends and downgrades (access point and file mark follow) and lets lapse, each in the history and audited")
    void designeeDecides() {
        FileOwner owner = new FileOwner("document", Long.toString(documentId));
        TransactionTemplate tx = new TransactionTemplate(transactions);
        byte[] content = "review".getBytes(StandardCharsets.UTF_8);
        f.as(custodian, () -> documentFiles.upload(documentId, "review.txt", content.length,
                new ByteArrayInputStream(content)));
        long fileId = jdbc.sql("SELECT file_id FROM doc_document WHERE id = :id").param("id", documentId)
                .query(Long.class).single();

        assertThatThrownBy(() -> f.as(designee, () -> review.extend(documentId, today().minusDays(1), " ")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.concerns("until")).isTrue();
                    assertThat(e.concerns("reason")).isTrue();
                });
        LocalDate until = today().plusYears(15);
        f.as(designee, () -> review.extend(documentId, until, "project continues"));
        assertThat(jdbc.sql("SELECT declassify_on FROM doc_document WHERE id = :id").param("id", documentId)
                .query(java.sql.Date.class).single().toLocalDate()).isEqualTo(until);

        assertThatThrownBy(() -> f.as(designee, () -> review.downgrade(documentId, SecretLevel.TOP_SECRET, "x")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.concerns("level")).isTrue());
        f.as(designee, () -> review.downgrade(documentId, SecretLevel.SECRET, "partly published"));
        feed.poll();
        assertThat(objects.find(ResourceRef.document(Long.toString(documentId))).orElseThrow().level())
                .isEqualTo(SecretLevel.SECRET);
        LevelMark bound = files.info(fileId).orElseThrow().levelMark();
        assertThat(bound.level()).isEqualTo(SecretLevel.SECRET);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        f.as(custodian, () -> tx.execute(s -> {
            files.read(fileId, owner, bound, out);
            return null;
        }));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("review");

        f.as(designee, () -> review.letLapse(documentId, "nothing more to protect"));
        assertThat(f.as(custodian, () -> register.show(documentId)).history()).extracting(DocumentEvent::action)
                .contains("declassification-extended", "declassification-downgraded", "declassification-lapse");
        for (String action : new String[] {"document.declassification.extended",
                "document.declassification.downgraded", "document.declassification.lapse-confirmed"}) {
            assertThat(accounts.auditEntries(action, "ALLOWED", designee.id(), documentId)).as(action).isEqualTo(1);
        }
    }
}
