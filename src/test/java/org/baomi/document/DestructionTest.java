package org.baomi.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.baomi.approval.ApprovalFixture;
import org.baomi.approval.Approvals;
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

/**
 * DOC-7: destruction by approval, performed and confirmed by two different named people (两人监销), refused under a
 * hold or an open incident; the electronic file's keys destroyed; a certificate naming both people. Each test has a
 * department of its own (its head decides the chain's first step) and a 秘密 contract kept there.
 */
@BaomiSpringTest
class DestructionTest {

    @Autowired DocumentRegister register;
    @Autowired DocumentDestruction destruction;
    @Autowired DocumentLoss loss;
    @Autowired Approvals approvals;
    @Autowired ProtectedObjects objects;
    @Autowired EncryptedFiles files;
    @Autowired AccessChangeFeed feed;
    @Autowired TestAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    ApprovalFixture department;
    DocumentFixture f;
    TestAccounts.Created custodian;
    TestAccounts.Created head;
    TestAccounts.Created office;
    TestAccounts.Created supervisor;
    long documentId;

    @BeforeEach
    void document() {
        department = new ApprovalFixture(accounts, jdbc, objects, feed);
        f = new DocumentFixture(accounts, feed, register);
        custodian = department.person(SecretLevel.SECRET, "confidentiality-office");
        head = department.person(SecretLevel.SECRET, "department-head");
        office = f.person(SecretLevel.SECRET, "confidentiality-office");
        supervisor = f.person(SecretLevel.SECRET, "confidentiality-office");
        documentId = f.as(f.registrar(), () -> register.register(f.draft(Direction.RECEIPT,
                "Contract to destroy " + System.nanoTime(), "MGMT-CONTRACT", null, custodian)));
        f.poll();
    }

    private long approvedDestruction() {
        long id = f.as(custodian, () -> destruction.request(new DestructionRequest(documentId,
                DestructionMethod.SHREDDING, "Office shredder room", "period ended, no longer needed")));
        long approvalId = approvalOf(id);
        for (TestAccounts.Created decider : new TestAccounts.Created[] {head, office}) {
            f.as(decider, () -> approvals.decide(approvalId, decider.id(), true, "ok", -1));
        }
        assertThat(department.status(approvalId)).isEqualTo("APPROVED");
        return id;
    }

    private long approvalOf(long destructionId) {
        return jdbc.sql("SELECT approval_id FROM doc_destruction WHERE id = :id").param("id", destructionId)
                .query(Long.class).single();
    }

    private DocumentStatus status() {
        return DocumentStatus.valueOf(jdbc.sql("SELECT status FROM doc_document WHERE id = :id")
                .param("id", documentId).query(String.class).single());
    }

    private static void refused(ThrowingRunnable action, BaomiException.Kind kind, String key) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(BaomiException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.messageKey()).isEqualTo(key);
        });
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run();
    }

    @Test
    @DisplayName("DOC-7: without approval nothing is performed; one person alone (performer = supervisor) is refused; two people destroy it")
    void twoDifferentPeople() {
        long id = f.as(custodian, () -> destruction.request(new DestructionRequest(documentId,
                DestructionMethod.SHREDDING, "Office shredder room", "no longer needed")));
        // not approved yet
        refused(() -> f.as(custodian, () -> destruction.perform(id)), BaomiException.Kind.FORBIDDEN,
                "document.destruction.error.not-approved");
        refused(() -> f.as(supervisor, () -> destruction.confirm(id)), BaomiException.Kind.CONFLICT,
                "document.destruction.error.not-performed");
        assertThat(accounts.auditEntries("document.destruction.refused", "DENIED", custodian.id(), documentId))
                .isEqualTo(1);
        // a second request while one is under way is refused
        refused(() -> f.as(custodian, () -> destruction.request(new DestructionRequest(documentId,
                DestructionMethod.SHREDDING, "x", "y"))), BaomiException.Kind.CONFLICT,
                "document.destruction.error.under-way");

        long approvalId = approvalOf(id);
        f.as(head, () -> approvals.decide(approvalId, head.id(), true, "ok", -1));
        f.as(office, () -> approvals.decide(approvalId, office.id(), true, "ok", -1));

        f.as(custodian, () -> destruction.perform(id));
        assertThat(status()).isEqualTo(DocumentStatus.REGISTERED);
        // the performer cannot also be the supervisor, though they hold the permission (两人监销)
        refused(() -> f.as(custodian, () -> destruction.confirm(id)), BaomiException.Kind.FORBIDDEN,
                "document.destruction.error.same-person");
        // a person without the supervising permission cannot confirm
        TestAccounts.Created reader = f.reader(SecretLevel.SECRET);
        refused(() -> f.as(reader, () -> destruction.confirm(id)), BaomiException.Kind.FORBIDDEN,
                "document.destruction.error.not-supervisor");
        assertThat(status()).isEqualTo(DocumentStatus.REGISTERED);

        f.as(supervisor, () -> destruction.confirm(id));
        assertThat(status()).isEqualTo(DocumentStatus.DESTROYED);
        assertThat(objects.distributionOf(ResourceRef.document(Long.toString(documentId)))).isEmpty();
        DestructionRecord record = f.as(custodian, () -> destruction.destructionsOf(documentId)).get(0);
        assertThat(record.status()).isEqualTo("DESTROYED");
        assertThat(record.performerName()).isEqualTo(custodian.fullName());
        assertThat(record.supervisorName()).isEqualTo(supervisor.fullName());
        assertThat(record.performedAt()).isNotNull();
        assertThat(record.supervisedAt()).isNotNull();
        assertThat(accounts.auditEntries("document.destroyed", "ALLOWED", supervisor.id(), documentId)).isEqualTo(1);
        // the register keeps the metadata record and the history
        assertThat(f.as(custodian, () -> register.show(documentId)).history()).extracting(DocumentEvent::action)
                .contains("destruction-requested", "destruction-approved", "destruction-performed", "destroyed");
        // confirming twice is refused
        assertThatThrownBy(() -> f.as(office, () -> destruction.confirm(id))).isInstanceOf(BaomiException.class);
    }

    @Test
    @DisplayName("DOC-7: the certificate names both people and is audited; the electronic file can never be read again")
    void certificateAndCryptoShredding() throws Exception {
        byte[] content = "destruction test content".getBytes(StandardCharsets.UTF_8);
        FileOwner owner = new FileOwner("document", Long.toString(documentId));
        LevelMark mark = new LevelMark(SecretLevel.SECRET, "S-test");
        TransactionTemplate tx = new TransactionTemplate(transactions);
        long fileId = f.as(custodian, () -> tx.execute(s -> files.store(owner, mark, "text/plain",
                new ByteArrayInputStream(content)).id()));
        jdbc.sql("UPDATE doc_document SET file_id = :file WHERE id = :id").param("file", fileId)
                .param("id", documentId).update();

        long id = approvedDestruction();
        refused(() -> f.as(custodian, () -> destruction.certificate(id, Locale.ENGLISH, new ByteArrayOutputStream())),
                BaomiException.Kind.CONFLICT, "document.destruction.error.not-destroyed");
        f.as(custodian, () -> destruction.perform(id));
        f.as(supervisor, () -> destruction.confirm(id));

        assertThatThrownBy(() -> f.as(custodian, () -> tx.execute(s -> {
            files.read(fileId, owner, mark, new ByteArrayOutputStream());
            return null;
        }))).isInstanceOfSatisfying(BaomiException.class,
                e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.CONFLICT));

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        f.as(custodian, () -> destruction.certificate(id, Locale.ENGLISH, pdf));
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
            text = new PDFTextStripper().getText(doc);
        }
        assertThat(text).contains(custodian.fullName()).contains(supervisor.fullName());
        assertThat(accounts.auditEntries("document.destruction.certificate.downloaded", "ALLOWED", custodian.id(),
                documentId)).isEqualTo(1);
        // somebody who is neither keeper nor signatory gets no certificate
        TestAccounts.Created reader = f.reader(SecretLevel.SECRET);
        refused(() -> f.as(reader, () -> destruction.certificate(id, Locale.ENGLISH, new ByteArrayOutputStream())),
                BaomiException.Kind.FORBIDDEN, "document.destruction.error.not-keeper");
    }

    @Test
    @DisplayName("DOC-7: destruction is refused under a hold and under an open incident, also after approval")
    void refusedUnderHoldOrIncident() {
        f.as(office, () -> loss.hold(documentId, "audit of the contracts"));
        refused(() -> f.as(custodian, () -> destruction.request(new DestructionRequest(documentId,
                DestructionMethod.SHREDDING, "room", "why"))), BaomiException.Kind.CONFLICT,
                "document.destruction.error.held");
        f.as(office, () -> loss.releaseHold(documentId));

        long id = approvedDestruction();
        f.as(office, () -> loss.hold(documentId, "legal matter"));
        refused(() -> f.as(custodian, () -> destruction.perform(id)), BaomiException.Kind.CONFLICT,
                "document.destruction.error.held");
        f.as(office, () -> loss.releaseHold(documentId));
        f.as(custodian, () -> destruction.perform(id));

        f.as(custodian, () -> loss.report(new LossReport(documentId, null, LossKind.LEAKED, "seen on a forum")));
        refused(() -> f.as(supervisor, () -> destruction.confirm(id)), BaomiException.Kind.CONFLICT,
                "document.destruction.error.incident");
        assertThat(status()).isEqualTo(DocumentStatus.LOST);
        // a hold is the office's: a custodian cannot set one
        assertThatThrownBy(() -> f.as(head, () -> loss.hold(documentId, "x"))).isInstanceOfSatisfying(
                BaomiException.class, e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.FORBIDDEN));
    }

    @Test
    @DisplayName("DOC-7: a request with bad input is refused field by field; a stranger may not ask")
    void badRequests() {
        assertThatThrownBy(() -> f.as(custodian, () -> destruction.request(new DestructionRequest(documentId, null,
                " ", "x".repeat(1001))))).isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.concerns("method")).isTrue();
                    assertThat(e.concerns("place")).isTrue();
                    assertThat(e.concerns("reason")).isTrue();
                });
        TestAccounts.Created stranger = f.reader(SecretLevel.SECRET);
        refused(() -> f.as(stranger, () -> destruction.request(new DestructionRequest(documentId,
                DestructionMethod.SHREDDING, "room", "why"))), BaomiException.Kind.FORBIDDEN,
                "document.destruction.error.not-keeper");
        assertThat(jdbc.sql("SELECT count(*) FROM doc_destruction WHERE document_id = :id").param("id", documentId)
                .query(Long.class).single()).isZero();
    }
}
