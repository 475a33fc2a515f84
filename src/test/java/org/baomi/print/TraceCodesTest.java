package org.baomi.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.baomi.shared.BaomiException;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.MutableClock;
import org.baomi.test.SignedIn;
import org.baomi.test.TestAccounts;
import org.baomi.test.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Trace codes against the application (issue 5 item 5; DOC-3, AUD-1): issued in the exporter's transaction with an
 * audit record, unique, rolled back with the export; the confidentiality office finds who got a copy, every lookup is
 * audited, a typo is refused with a translated message, and people without the permission are refused and recorded.
 */
@BaomiSpringTest
class TraceCodesTest {

    @LocalServerPort
    int port;
    @Autowired
    TraceCodes traces;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    PlatformTransactionManager transactionManager;

    private TestAccounts.Created office() {
        return accounts.create(TestAccounts.person().clearance(SecretLevel.SECRET)
                .roles("staff", "confidentiality-office").withTotp());
    }

    private TraceCode issue(TestAccounts.Created reader, String documentId) {
        return SignedIn.as(accounts.authenticationOf(reader), () -> new TransactionTemplate(transactionManager)
                .execute(s -> traces.issue(new TraceRequest(reader.id(), "document", documentId,
                        SecretLevel.HIGHLY_SECRET, TracePurpose.DOWNLOAD))));
    }

    private long issuedAudits(String code) {
        return jdbc.sql("""
                SELECT count(*) FROM aud_entry WHERE action = 'print.trace.issued'
                  AND details->>'traceCode' = :code AND object_type = 'document' AND secret_level = 'HIGHLY_SECRET'
                """).param("code", code).query(Long.class).single();
    }

    @Test
    void aCodeIsIssuedInTheExportersTransactionWithItsAuditRecord() {
        TestAccounts.Created reader = accounts.staff();
        TraceCode code = issue(reader, "D-1001");

        assertThat(jdbc.sql("SELECT person_id FROM prt_trace WHERE code = :c").param("c", code.value())
                .query(Long.class).single()).isEqualTo(reader.id());
        assertThat(issuedAudits(code.value())).isEqualTo(1);
        assertThat(accounts.auditEntriesBy("print.trace.issued", reader.id())).isEqualTo(1);
    }

    @Test
    void anExportRolledBackTakesItsCodeAndAuditRecordWithIt() {
        TestAccounts.Created reader = accounts.staff();
        String[] issued = new String[1];
        assertThatThrownBy(() -> SignedIn.as(accounts.authenticationOf(reader), () ->
                new TransactionTemplate(transactionManager).execute(s -> {
                    issued[0] = traces.issue(new TraceRequest(reader.id(), "document", "D-1002",
                            SecretLevel.HIGHLY_SECRET, TracePurpose.PRINT)).value();
                    throw new IllegalStateException("the export failed");
                }))).hasMessage("the export failed");
        assertThat(issued[0]).isNotNull();
        assertThat(jdbc.sql("SELECT count(*) FROM prt_trace WHERE code = :c").param("c", issued[0])
                .query(Long.class).single()).isZero();
        assertThat(issuedAudits(issued[0])).isZero();
    }

    @Test
    void issuingNeedsTheCallersTransaction() {
        TestAccounts.Created reader = accounts.staff();
        assertThatThrownBy(() -> traces.issue(new TraceRequest(reader.id(), "document", "D-1003", null,
                TracePurpose.DOWNLOAD))).isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void codesAreUniqueAcrossManyExports() {
        TestAccounts.Created reader = accounts.staff();
        Set<String> codes = new HashSet<>();
        new TransactionTemplate(transactionManager).executeWithoutResult(s -> {
            for (int i = 0; i < 300; i++) {
                codes.add(traces.issue(new TraceRequest(reader.id(), "register", "page-" + i, null,
                        TracePurpose.REGISTER_EXPORT)).value());
            }
        });
        assertThat(codes).hasSize(300);
        assertThat(jdbc.sql("SELECT count(DISTINCT code) FROM prt_trace WHERE person_id = :p")
                .param("p", reader.id()).query(Long.class).single()).isEqualTo(300);
    }

    @Test
    void anUnknownPersonOrABadObjectIsRefusedWithATranslatedMessage() {
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        assertThatThrownBy(() -> tx.execute(s -> traces.issue(new TraceRequest(-5, "document", "D-1", null,
                TracePurpose.DOWNLOAD)))).isInstanceOfSatisfying(BaomiException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("print.error.trace.unknown-person"));
        long reader = accounts.staff().id();
        assertThatThrownBy(() -> tx.execute(s -> traces.issue(new TraceRequest(reader, "document", " ", null,
                TracePurpose.DOWNLOAD)))).isInstanceOfSatisfying(BaomiException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("print.error.trace.object"));
    }

    @Test
    void theOfficeFindsWhoGotTheCopyAndTheLookupIsAudited() {
        TestAccounts.Created reader = accounts.staff();
        java.time.Instant before = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        TraceCode code = issue(reader, "D-2001");
        java.time.Instant after = clock.instant();
        TestAccounts.Created office = office();

        Optional<TraceRecord> found = SignedIn.as(accounts.authenticationOf(office),
                () -> traces.lookup(code.display().toLowerCase()));
        assertThat(found).hasValueSatisfying(r -> {
            assertThat(r.personId()).isEqualTo(reader.id());
            assertThat(r.staffNo()).isEqualTo(reader.staffNo());
            assertThat(r.personName()).isEqualTo(reader.fullName());
            assertThat(r.objectType()).isEqualTo("document");
            assertThat(r.objectId()).isEqualTo("D-2001");
            assertThat(r.level()).isEqualTo(SecretLevel.HIGHLY_SECRET);
            assertThat(r.purpose()).isEqualTo(TracePurpose.DOWNLOAD);
            assertThat(r.issuedAt()).isBetween(before, after);
            assertThat(r.issuedById()).isEqualTo(reader.id());
        });
        assertThat(jdbc.sql("""
                SELECT count(*) FROM aud_entry WHERE action = 'print.trace.looked-up' AND actor_id = :actor
                  AND object_id = :code AND details->>'found' = 'true'
                """).param("actor", office.id()).param("code", code.value()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aLookupOfACodeNobodyGotIsAuditedToo() {
        TestAccounts.Created office = office();
        TraceCode unused = TraceCode.random(new java.security.SecureRandom());
        assertThat(SignedIn.as(accounts.authenticationOf(office), () -> traces.lookup(unused.value()))).isEmpty();
        assertThat(accounts.auditEntriesBy("print.trace.looked-up", office.id())).isEqualTo(1);
    }

    @Test
    void aMistypedCodeIsRefusedWithATranslatedMessage() {
        TraceCode code = issue(accounts.staff(), "D-2002");
        String typo = code.value().substring(0, 5) + (code.value().charAt(5) == 'A' ? 'B' : 'A')
                + code.value().substring(6);
        TestAccounts.Created office = office();
        assertThatThrownBy(() -> SignedIn.as(accounts.authenticationOf(office), () -> traces.lookup(typo)))
                .isInstanceOfSatisfying(BaomiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BaomiException.Kind.INVALID);
                    assertThat(e.messageKey()).isEqualTo("print.error.trace.malformed");
                });
        assertThat(accounts.auditEntries("print.trace.looked-up", "FAILED", office.id(), null)).isEqualTo(1);
    }

    @Test
    void traceRowsCannotBeChangedOrDeleted() {
        TraceCode code = issue(accounts.staff(), "D-2004");
        assertThatThrownBy(() -> jdbc.sql("UPDATE prt_trace SET person_id = 1 WHERE code = :c")
                .param("c", code.value()).update()).hasMessageContaining("never changed or deleted");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM prt_trace WHERE code = :c").param("c", code.value()).update())
                .hasMessageContaining("never changed or deleted");
        assertThat(jdbc.sql("SELECT count(*) FROM prt_trace WHERE code = :c").param("c", code.value())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aLookupNeedsItsPermissionAndARefusalIsRecorded() {
        TraceCode code = issue(accounts.staff(), "D-2003");
        TestAccounts.Created staff = accounts.staff();
        assertThatThrownBy(() -> SignedIn.as(accounts.authenticationOf(staff), () -> traces.lookup(code.value())))
                .isInstanceOfSatisfying(BaomiException.class,
                        e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.FORBIDDEN));
        assertThat(accounts.auditEntries("access.denied", "DENIED", staff.id(), null)).isEqualTo(1);
        assertThat(accounts.auditEntriesBy("print.trace.looked-up", staff.id())).isZero();
        // the 三员 do not hold it either (ORG-5)
        TestAccounts.Created securityAdmin = accounts.securityAdmin();
        assertThatThrownBy(() -> SignedIn.as(accounts.authenticationOf(securityAdmin),
                () -> traces.lookup(code.value()))).isInstanceOf(BaomiException.class);
    }

    @Test
    void theLookupScreenAnswersTheOfficeInBothLanguagesAndRefusesOthers() {
        TestAccounts.Created reader = accounts.staff();
        TraceCode code = issue(reader, "D-3001");
        WebSession web = new WebSession(port).signIn(office(), accounts);

        WebSession.Page form = web.get("/print/trace");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"trace-form\"").contains("\u8ffd\u8e2a\u7801\u67e5\u8be2");
        assertThat(web.get("/").body()).as("menu entry").contains("href=\"/print/trace\"");

        WebSession.Page hit = web.get("/print/trace?lang=en&code=" + code.display());
        assertThat(hit.status()).isEqualTo(200);
        assertThat(hit.body()).contains("id=\"trace-found\"").contains(reader.staffNo()).contains("D-3001")
                .contains("Download").contains("Trace code lookup");

        WebSession.Page part = web.get("/print/trace?code=" + code.value(), Map.of("HX-Request", "true"));
        assertThat(part.body()).contains("id=\"trace-found\"").doesNotContain("<html");

        WebSession.Page typo = web.get("/print/trace?lang=en&code=XXXX");
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.body()).contains("id=\"trace-problem\"").contains("This is not a valid trace code");

        WebSession.Page none = web.get("/print/trace?code=" + TraceCode.random(new java.security.SecureRandom()).value());
        assertThat(none.body()).contains("id=\"trace-not-found\"");

        WebSession staff = new WebSession(port).signIn(accounts.staff(), accounts);
        assertThat(staff.get("/print/trace").status()).isEqualTo(403);
        assertThat(staff.get("/print/trace?code=" + code.value()).status()).isEqualTo(403);
        assertThat(staff.get("/").body()).doesNotContain("href=\"/print/trace\"");
    }
}
