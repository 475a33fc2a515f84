package org.baomi.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.baomi.approval.ApprovalFixture;
import org.baomi.approval.Approvals;
import org.baomi.iam.InvalidInputException;
import org.baomi.iam.ProtectedObjects;
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

/**
 * Copies, excerpts and carrying out by approval only (DOC-3, DOC-4), through the approval engine. Each test has a
 * department of its own with its head, so that the chain's first step asks nobody else.
 */
@BaomiSpringTest
class CopyTest {

    @Autowired DocumentRegister register;
    @Autowired DocumentCopies copies;
    @Autowired Approvals approvals;
    @Autowired ProtectedObjects objects;
    @Autowired AccessChangeFeed feed;
    @Autowired TestAccounts accounts;
    @Autowired JdbcClient jdbc;

    ApprovalFixture department;
    DocumentFixture f;
    TestAccounts.Created custodian;
    TestAccounts.Created head;
    TestAccounts.Created office;
    TestAccounts.Created president;
    long documentId;

    @BeforeEach
    void document() {
        department = new ApprovalFixture(accounts, jdbc, objects, feed);
        f = new DocumentFixture(accounts, feed, register);
        custodian = department.person(SecretLevel.SECRET, "confidentiality-office");
        head = department.person(SecretLevel.SECRET, "department-head");
        office = f.person(SecretLevel.SECRET, "confidentiality-office");
        president = f.person(SecretLevel.TOP_SECRET, "president");
        documentId = f.as(f.registrar(), () -> register.register(f.draft(Direction.RECEIPT,
                "Contract for copies " + System.nanoTime(), "MGMT-CONTRACT", null, custodian)));
        f.poll();
    }

    private void approve(long approvalId, TestAccounts.Created... deciders) {
        for (TestAccounts.Created decider : deciders) {
            f.as(decider, () -> approvals.decide(approvalId, decider.id(), true, "ok", -1));
        }
    }

    @Test
    @DisplayName("DOC-3: a copy without approval is refused and audited; an approved request gives numbered copies, each made once, then refused again")
    void copiesOnlyByApproval() {
        assertThatThrownBy(() -> f.as(custodian, () -> copies.makeCopy(documentId, CopyKind.COPY)))
                .isInstanceOfSatisfying(BaomiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BaomiException.Kind.FORBIDDEN);
                    assertThat(e.messageKey()).isEqualTo("document.error.copy-not-approved");
                });
        assertThat(accounts.auditEntries("document.copy.refused", "DENIED", custodian.id(), documentId)).isEqualTo(1);

        long approvalId = f.as(custodian, () -> copies.request(new CopyRequest(documentId, CopyKind.COPY, 2, null,
                "for the board meeting")));
        assertThatThrownBy(() -> f.as(custodian, () -> copies.makeCopy(documentId, CopyKind.COPY)))
                .isInstanceOf(BaomiException.class);
        // DOC-3: the president decides copies of hospital secrets, after the head and the office
        approve(approvalId, head, office, president);
        assertThat(department.status(approvalId)).isEqualTo("APPROVED");

        CopyRecord one = f.as(custodian, () -> copies.makeCopy(documentId, CopyKind.COPY));
        CopyRecord two = f.as(custodian, () -> copies.makeCopy(documentId, CopyKind.COPY));
        assertThat(one.number()).isEqualTo(1);
        assertThat(two.number()).isEqualTo(2);
        assertThat(two.ofTotal()).isEqualTo(2);
        assertThat(one.holderId()).isEqualTo(custodian.id());
        assertThatThrownBy(() -> f.as(custodian, () -> copies.makeCopy(documentId, CopyKind.COPY)))
                .isInstanceOf(BaomiException.class);
        assertThatThrownBy(() -> f.as(custodian, () -> copies.makeCopy(documentId, CopyKind.EXCERPT)))
                .isInstanceOf(BaomiException.class);

        f.as(custodian, () -> copies.returnCopy(one.id()));
        assertThatThrownBy(() -> f.as(custodian, () -> copies.returnCopy(one.id())))
                .isInstanceOfSatisfying(BaomiException.class,
                        e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.CONFLICT));
        assertThat(f.as(custodian, () -> copies.copiesOf(documentId))).extracting(CopyRecord::status)
                .containsExactly("RETURNED", "MADE");
        assertThat(f.as(custodian, () -> register.show(documentId)).history()).extracting(DocumentEvent::action)
                .contains("requested-copy", "copies-authorised", "copy-made", "copy-returned");
        assertThat(accounts.auditEntries("document.copy.made", "ALLOWED", custodian.id(), documentId)).isEqualTo(2);
    }

    @Test
    @DisplayName("DOC-4: carrying out needs prior approval; the document is then out until its custodian records it back")
    void carryOutByApproval() {
        long approvalId = f.as(custodian, () -> copies.request(new CopyRequest(documentId, CopyKind.CARRY_OUT, null,
                "City health commission", "inspection")));
        assertThat(f.as(custodian, () -> register.show(documentId)).summary().status())
                .isEqualTo(DocumentStatus.REGISTERED);
        approve(approvalId, head, office);
        assertThat(department.status(approvalId)).isEqualTo("APPROVED");
        DocumentDetail out = f.as(custodian, () -> register.show(documentId));
        assertThat(out.summary().status()).isEqualTo(DocumentStatus.CARRIED_OUT);
        assertThat(out.carryOuts()).singleElement().satisfies(o -> assertThat(o.destination())
                .isEqualTo("City health commission"));

        TestAccounts.Created stranger = f.person(SecretLevel.SECRET, "confidentiality-office");
        assertThatThrownBy(() -> f.as(stranger, () -> copies.returnCarriedOut(out.carryOuts().get(0).id())))
                .isInstanceOfSatisfying(BaomiException.class,
                        e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.FORBIDDEN));
        f.as(custodian, () -> copies.returnCarriedOut(out.carryOuts().get(0).id()));
        assertThat(f.as(custodian, () -> register.show(documentId)).summary().status())
                .isEqualTo(DocumentStatus.REGISTERED);
    }

    @Test
    @DisplayName("DOC-3: a request with bad input is refused field by field and nothing is submitted")
    void badRequests() {
        assertThatThrownBy(() -> f.as(custodian, () -> copies.request(new CopyRequest(documentId, CopyKind.COPY, 0,
                null, " ")))).isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.concerns("copies")).isTrue();
                    assertThat(e.concerns("reason")).isTrue();
                });
        assertThatThrownBy(() -> f.as(custodian, () -> copies.request(new CopyRequest(documentId, CopyKind.CARRY_OUT,
                null, "", "why")))).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.concerns("destination")).isTrue());
        assertThat(jdbc.sql("SELECT count(*) FROM doc_copy_request WHERE document_id = :id").param("id", documentId)
                .query(Long.class).single()).isZero();
    }
}
