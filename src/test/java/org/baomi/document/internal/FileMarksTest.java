package org.baomi.document.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.baomi.document.ConfidentialityTerm;
import org.baomi.document.DocumentFiles;
import org.baomi.document.DocumentFixture;
import org.baomi.document.DocumentRegister;
import org.baomi.iam.internal.access.AccessChangeFeed;
import org.baomi.shared.BaomiException;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.SignedIn;
import org.baomi.test.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** CLS-3, CLS-4, DOC-9: a lawful level change rebinds the document's file; the same change by SQL alone is tampering. */
@BaomiSpringTest
class FileMarksTest {

    @Autowired TestAccounts accounts;
    @Autowired AccessChangeFeed feed;
    @Autowired DocumentRegister register;
    @Autowired DocumentFiles files;
    @Autowired FileMarks marks;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    @AfterEach
    void tearDown() {
        SignedIn.out();
    }

    @Test
    void aLawfulDowngradeRebindsTheFileSoItStaysReadableWhileTheSameChangeBySqlAloneIsRefused() {
        DocumentFixture f = new DocumentFixture(accounts, feed, register);
        TestAccounts.Created custodian = f.custodian();
        long lawful = f.minutes(f.registrar(), custodian, "Rebind " + System.nanoTime());
        long forged = f.minutes(f.registrar(), custodian, "Forged " + System.nanoTime());
        byte[] content = "minutes".getBytes(StandardCharsets.UTF_8);
        for (long document : new long[] {lawful, forged}) {
            f.as(custodian, () -> files.upload(document, "m.txt", content.length, new ByteArrayInputStream(content)));
        }
        ConfidentialityTerm tenYears = DocumentFixture.years(10);
        ConfidentialityTerm fiveYears = DocumentFixture.years(5);
        f.as(custodian, () -> transactions.executeWithoutResult(tx -> {
            downgrade(lawful);
            long fileId = jdbc.sql("SELECT file_id FROM doc_document WHERE id = :id").param("id", lawful)
                    .query(Long.class).single();
            marks.levelChanged(lawful, fileId, SecretLevel.HIGHLY_SECRET, tenYears, SecretLevel.SECRET, fiveYears);
        }));
        downgrade(forged);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        f.as(custodian, () -> files.download(lawful, delivery -> out));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("minutes");
        assertThatThrownBy(() -> f.as(custodian, () -> files.download(forged, delivery -> new ByteArrayOutputStream())))
                .isInstanceOfSatisfying(BaomiException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("vault.file.tampered"));
    }

    private void downgrade(long document) {
        jdbc.sql("UPDATE doc_document SET level = 'SECRET', period_years = 5 WHERE id = :id").param("id", document)
                .update();
    }
}
