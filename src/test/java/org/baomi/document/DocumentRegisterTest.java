package org.baomi.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;

import org.baomi.classification.PeriodKind;
import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.iam.ProtectedObjects;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.ResultPage;
import org.baomi.iam.internal.access.AccessChangeFeed;
import org.baomi.shared.BaomiException;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.MutableClock;
import org.baomi.test.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The register's rules against the application (DOC-1, DOC-2, CLS-1..5). */
@BaomiSpringTest
class DocumentRegisterTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Autowired DocumentRegister register;
    @Autowired ProtectedObjects objects;
    @Autowired AccessChangeFeed feed;
    @Autowired TestAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired MessageSource messages;
    @Autowired MutableClock clock;

    DocumentFixture f;
    TestAccounts.Created registrar;
    TestAccounts.Created custodian;

    @BeforeEach
    void people() {
        f = new DocumentFixture(accounts, feed, register);
        registrar = f.registrar();
        custodian = f.custodian();
    }

    @Test
    @DisplayName("DOC-2, CLS-2, CLS-4: a registration takes level and period from the category, numbers serially per direction and year, registers the protected object and is audited")
    void registrationDefaultsAndSerials() {
        long first = f.minutes(registrar, custodian, "Minutes A " + System.nanoTime());
        long second = f.minutes(registrar, custodian, "Minutes B " + System.nanoTime());
        DocumentDetail one = f.as(custodian, () -> register.show(first));
        DocumentDetail two = f.as(custodian, () -> register.show(second));

        DocumentSummary a = one.summary();
        assertThat(a.level()).isEqualTo(SecretLevel.HIGHLY_SECRET);
        assertThat(a.term()).isEqualTo(new ConfidentialityTerm(PeriodKind.YEARS, 10, null, null));
        LocalDate today = clock.instant().atZone(clock.getZone()).toLocalDate();
        assertThat(a.declassifyOn()).isEqualTo(today.plusYears(10));
        assertThat(a.status()).isEqualTo(DocumentStatus.REGISTERED);
        assertThat(a.custodianId()).isEqualTo(custodian.id());
        int year = today.getYear();
        assertThat(a.serialNo()).matches("\u6536-" + year + "-\\d{4}");
        int n1 = Integer.parseInt(a.serialNo().substring(a.serialNo().lastIndexOf('-') + 1));
        int n2 = Integer.parseInt(two.summary().serialNo().substring(two.summary().serialNo().lastIndexOf('-') + 1));
        assertThat(n2).isGreaterThan(n1);

        assertThat(messages.getMessage(a.mark(), ZH)).isEqualTo("\u673a\u5bc6\u260510\u5e74");
        assertThat(messages.getMessage(a.mark(), Locale.ENGLISH)).endsWith("\u260510 years");
        assertThat(objects.find(ResourceRef.document(Long.toString(first))).orElseThrow())
                .satisfies(o -> {
                    assertThat(o.level()).isEqualTo(SecretLevel.HIGHLY_SECRET);
                    assertThat(o.custodianId()).isEqualTo(custodian.id());
                });
        assertThat(accounts.auditEntries("document.registered", "ALLOWED", registrar.id(), first)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT secret_level FROM aud_entry WHERE action = 'document.registered' AND object_id = :id")
                .param("id", Long.toString(first)).query(String.class).single()).isEqualTo("HIGHLY_SECRET");
        assertThat(one.history()).extracting(DocumentEvent::action).containsExactly("registered");
        assertThat(accounts.auditEntries("document.viewed", "ALLOWED", custodian.id(), first)).isEqualTo(1);
    }

    @Test
    @DisplayName("CLS-1: a 机密 document is refused to a reader cleared for 秘密 even with the link, and the refusal is audited")
    void highlySecretRefusedToSecretReader() {
        long id = f.minutes(registrar, custodian, "Minutes refused " + System.nanoTime());
        TestAccounts.Created reader = f.reader(SecretLevel.SECRET);

        assertThatThrownBy(() -> f.as(reader, () -> register.show(id)))
                .isInstanceOfSatisfying(BaomiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BaomiException.Kind.FORBIDDEN);
                    assertThat(e.messageKey()).isEqualTo("access.denied.clearance");
                });
        assertThat(accounts.auditEntries("access.decision", "DENIED", reader.id(), id)).isEqualTo(1);
        assertThat(accounts.auditEntries("document.viewed", "ALLOWED", reader.id(), id)).isZero();
    }

    @Test
    @DisplayName("CLS-3: a dispatched document of 秘密 or above is refused, field by field, to a registrar who may not classify; nothing is written")
    void dispatchNeedsAClassifier() {
        TestAccounts.Created clerk = f.person(SecretLevel.SECRET, "confidentiality-office");
        String title = "Contract " + System.nanoTime();
        DocumentDraft draft = f.draft(Direction.DISPATCH, title, "MGMT-CONTRACT", null, custodian);

        assertThatThrownBy(() -> f.as(clerk, () -> register.register(draft)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.concerns("level")).isTrue());
        assertThat(jdbc.sql("SELECT count(*) FROM doc_document WHERE title = :t").param("t", title)
                .query(Long.class).single()).isZero();
        assertThat(accounts.auditEntriesBy("classification.classifier.denied", clerk.id())).isEqualTo(1);

        // the same clerk records a received contract at the level it came with (the category's default)
        long received = f.as(clerk, () -> register.register(f.draft(Direction.RECEIPT, title, "MGMT-CONTRACT", null,
                custodian)));
        assertThat(received).isPositive();
    }

    @Test
    @DisplayName("DOC-2: bad input gives every problem at once with translated keys, never a partial write")
    void badInputIsRefusedFieldByField() {
        TestAccounts.Created lowCustodian = f.person(SecretLevel.INTERNAL, "confidentiality-office");
        DocumentDraft draft = new DocumentDraft(null, " ", "x".repeat(101), "", "NO-SUCH-CATEGORY", null, null, 0,
                "NOBODY-" + System.nanoTime(), null, null);
        InvalidInputException refused = catchInvalid(() -> f.as(registrar, () -> register.register(draft)));
        assertThat(refused.problems()).extracting(FieldProblem::field)
                .contains("direction", "title", "docNumber", "originatingUnit", "categoryCode", "copies",
                        "custodianStaffNo");
        for (FieldProblem p : refused.problems()) {
            DefaultMessageSourceResolvable text = new DefaultMessageSourceResolvable(new String[] {p.messageKey()},
                    p.args());
            assertThat(messages.getMessage(text, ZH)).isNotEqualTo(p.messageKey());
            assertThat(messages.getMessage(text, Locale.ENGLISH)).isNotEqualTo(p.messageKey());
        }

        // the custodian must be cleared for the level (CLS-1) and CLS-5 categories are internal at most
        InvalidInputException low = catchInvalid(() -> f.as(registrar, () -> register.register(
                f.draft(Direction.RECEIPT, "Low " + System.nanoTime(), "MGMT-MINUTES", null, lowCustodian))));
        assertThat(low.concerns("custodianStaffNo")).isTrue();
        InvalidInputException general = catchInvalid(() -> f.as(registrar, () -> register.register(
                f.draft(Direction.RECEIPT, "General " + System.nanoTime(), "MGMT-GENERAL", SecretLevel.SECRET,
                        custodian))));
        assertThat(general.concerns("level")).isTrue();
        InvalidInputException tooLong = catchInvalid(() -> f.as(registrar, () -> register.register(new DocumentDraft(
                Direction.DISPATCH, "Long " + System.nanoTime(), null, "Unit", "MGMT-MINUTES", null,
                DocumentFixture.years(99), 1, custodian.staffNo(), null, null))));
        assertThat(tooLong.concerns("periodYears")).isTrue();
    }

    @Test
    @DisplayName("DOC-2, CLS-1: the register lists only documents up to the reader's clearance; the CSV export carries the marks and is audited")
    void searchAndExport() {
        String marker = "Search" + System.nanoTime();
        long secret = f.as(registrar, () -> register.register(f.draft(Direction.RECEIPT, marker + " contract",
                "MGMT-CONTRACT", null, custodian)));
        long highly = f.minutes(registrar, custodian, marker + " minutes");
        TestAccounts.Created office = f.person(SecretLevel.SECRET, "confidentiality-office");
        DocumentFilter byTitle = new DocumentFilter(marker, null, null, null, null, null, null, false, 0, 20);

        ResultPage<DocumentSummary> mine = f.as(registrar, () -> register.search(byTitle));
        assertThat(mine.rows()).extracting(DocumentSummary::id).containsExactly(highly, secret);
        ResultPage<DocumentSummary> theirs = f.as(office, () -> register.search(byTitle));
        assertThat(theirs.rows()).extracting(DocumentSummary::id).containsExactly(secret);
        assertThat(f.as(registrar, () -> register.search(new DocumentFilter(marker, SecretLevel.SECRET, null, null,
                null, null, null, false, 0, 20))).rows()).extracting(DocumentSummary::id).containsExactly(secret);
        assertThat(f.as(registrar, () -> register.search(new DocumentFilter(marker, null, null, null, null, null,
                3650, false, 0, 20))).rows()).extracting(DocumentSummary::id).containsExactly(secret);

        String csv = new String(f.as(registrar, () -> register.export(byTitle, ZH)).content(), StandardCharsets.UTF_8);
        assertThat(csv).contains("\u673a\u5bc6\u260510\u5e74").contains("\u79d8\u5bc6\u26055\u5e74")
                .contains(marker + " minutes");
        assertThat(accounts.auditEntriesBy("document.register.exported", registrar.id())).isEqualTo(1);
        assertThat(accounts.auditEntriesBy("document.register.searched", registrar.id())).isEqualTo(3);

        TestAccounts.Created doctor = f.reader(SecretLevel.SECRET);
        assertThatThrownBy(() -> f.as(doctor, () -> register.search(byTitle))).isInstanceOfSatisfying(
                BaomiException.class, e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.FORBIDDEN));
        assertThatThrownBy(() -> f.as(registrar, () -> register.search(new DocumentFilter(null, null, null, null, null,
                null, null, false, 0, 1000)))).isInstanceOf(InvalidInputException.class);
    }

    private static InvalidInputException catchInvalid(Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            return e;
        }
        throw new AssertionError("expected the input to be refused");
    }
}
