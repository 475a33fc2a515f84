package org.baomi.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.baomi.print.TraceCode;
import org.baomi.print.TraceCodes;
import org.baomi.print.TracePurpose;
import org.baomi.print.TraceRecord;
import org.baomi.shared.BaomiException;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.MutableClock;
import org.baomi.test.SignedIn;
import org.baomi.test.TestAccounts;
import org.baomi.vault.VaultKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 6 follow-ups of patient self-service (ACC-5): ID numbers in the throttle table keyed with a secret outside
 * the database, patients' print trace codes found by the office's lookup, and the desk's hourly limit per clerk.
 */
@BaomiSpringTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SelfServiceHardeningTest {

    @Autowired
    SelfServiceSignIn signIn;
    @Autowired
    SelfServiceDesk desk;
    @Autowired
    SelfServicePortal portal;
    @Autowired
    TraceCodes traces;
    @Autowired
    VaultKeys vaultKeys;
    @Autowired
    MessageSource messages;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    MutableClock clock;

    SelfServiceFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new SelfServiceFixtures(jdbc, accounts);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Test
    void the_throttle_table_keeps_ID_numbers_as_an_HMAC_under_a_vault_derived_key_not_a_plain_hash_ACC_5()
            throws Exception {
        SelfServiceFixtures.Patient p = fixtures.next();
        String address = SelfServiceFixtures.address();
        assertThatThrownBy(() -> signIn.signIn(p.name(), p.idNumber(), "000000", address))
                .isInstanceOf(BaomiException.class);

        List<String> stored = jdbc.sql("SELECT id_number_hash FROM pat_self_attempt WHERE client_address = :a")
                .param("a", address).query(String.class).list();
        assertThat(stored).hasSize(1);
        String plain = hex(MessageDigest.getInstance("SHA-256").digest(p.idNumber().getBytes(StandardCharsets.UTF_8)));
        // a database copy alone: trying every ID number against a plain SHA-256 would find it
        assertThat(stored.get(0)).isNotEqualTo(plain).doesNotContain(p.idNumber());
        byte[] key = vaultKeys.derivedSecret("privacy/self-service/id-number");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        assertThat(stored.get(0)).isEqualTo(hex(mac.doFinal(p.idNumber().getBytes(StandardCharsets.UTF_8))));
        // the key is derived per purpose and is nowhere in the database
        assertThat(vaultKeys.derivedSecret("another/purpose")).isNotEqualTo(key);
        assertThat(jdbc.sql("SELECT count(*) FROM pat_self_attempt WHERE id_number_hash = :h").param("h", plain)
                .query(Long.class).single()).isZero();
    }

    @Test
    void throttling_per_ID_number_still_works_with_the_keyed_hash_ACC_5() {
        SelfServiceFixtures.Patient p = fixtures.next();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn.signIn(p.name(), p.idNumber(), "123456", SelfServiceFixtures.address()))
                    .isInstanceOf(BaomiException.class);
        }
        // lower-case x or spaces around: the same ID number, so the same key in the table
        String typed = " " + p.idNumber().toLowerCase(Locale.ROOT) + " ";
        assertThatThrownBy(() -> signIn.signIn(p.name(), typed, "123456", SelfServiceFixtures.address()))
                .isInstanceOfSatisfying(BaomiException.class,
                        e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.TOO_MANY_REQUESTS));
    }

    @Test
    void the_office_trace_lookup_finds_a_fee_list_the_patient_printed_and_audits_it_with_the_patient_ACC_5_AUD_1() {
        SelfServiceFixtures.Patient p = fixtures.next();
        SelfServiceSession session = fixtures.signIn(desk, signIn, p);
        SelfServicePrint print = portal.print(session.token(), null);
        TestAccounts.Created office = accounts.create(TestAccounts.person().clearance(SecretLevel.SECRET)
                .roles("staff", "confidentiality-office").withTotp());
        long before = jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = 'print.trace.looked-up' "
                + "AND patient_id = :p").param("p", Long.toString(p.id())).query(Long.class).single();

        Optional<TraceRecord> found = SignedIn.as(accounts.authenticationOf(office),
                () -> traces.lookup(print.traceCode()));

        assertThat(found).isPresent();
        TraceRecord r = found.get();
        assertThat(r.holder()).isEqualTo(TraceRecord.Holder.PATIENT);
        assertThat(r.code().display()).isEqualTo(print.traceCode());
        assertThat(r.personId()).isEqualTo(p.id());
        assertThat(r.staffNo()).isEqualTo(p.mrn());
        assertThat(r.personName()).isEqualTo(p.name());
        assertThat(r.objectType()).isEqualTo("fee-list");
        assertThat(r.objectId()).isEqualTo("all");
        assertThat(r.purpose()).isEqualTo(TracePurpose.PRINT);
        assertThat(jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = 'print.trace.looked-up' "
                + "AND patient_id = :p AND actor_id = :o AND details->>'holder' = 'PATIENT'")
                .param("p", Long.toString(p.id())).param("o", office.id()).query(Long.class).single())
                .isEqualTo(before + 1);
        // a staff holder's code is still answered from the print module's own register, a stranger's not at all
        TraceCode unused = TraceCode.random(new java.security.SecureRandom());
        assertThat(SignedIn.as(accounts.authenticationOf(office), () -> traces.lookup(unused.value()))).isEmpty();
    }

    @Test
    void the_lookup_of_a_patient_print_still_needs_the_office_permission_ACC_5() {
        SelfServiceFixtures.Patient p = fixtures.next();
        SelfServicePrint print = portal.print(fixtures.signIn(desk, signIn, p).token(), null);
        TestAccounts.Created clerk = fixtures.clerk();
        assertThatThrownBy(() -> SignedIn.as(accounts.authenticationOf(clerk), () -> traces.lookup(print.traceCode())))
                .isInstanceOfSatisfying(BaomiException.class,
                        e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.FORBIDDEN));
    }

    @Test
    void a_clerk_issues_at_most_thirty_desk_codes_an_hour_then_gets_a_translated_refusal_that_is_audited_ACC_5() {
        SelfServiceFixtures.Patient p = fixtures.next();
        TestAccounts.Created clerk = fixtures.clerk();
        var auth = accounts.authenticationOf(clerk);
        for (int i = 0; i < 30; i++) {
            clock.advance(Duration.ofSeconds(60));
            assertThat(SignedIn.as(auth, () -> desk.issueCode(p.id())).code()).matches("\\d{6}");
        }
        long codesBefore = jdbc.sql("SELECT count(*) FROM pat_self_code WHERE issued_by = :c")
                .param("c", clerk.id()).query(Long.class).single();
        long refusedBefore = accounts.auditEntriesBy("privacy.self.code.refused", clerk.id());

        assertThatThrownBy(() -> SignedIn.as(auth, () -> desk.issueCode(p.id())))
                .isInstanceOfSatisfying(BaomiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BaomiException.Kind.TOO_MANY_REQUESTS);
                    assertThat(e.messageKey()).isEqualTo("privacy-self.desk.error.limit");
                    assertThat(messages.getMessage(e.messageKey(), null, Locale.SIMPLIFIED_CHINESE))
                            .isNotEqualTo(messages.getMessage(e.messageKey(), null, Locale.ENGLISH))
                            .isNotBlank();
                });
        assertThat(jdbc.sql("SELECT count(*) FROM pat_self_code WHERE issued_by = :c")
                .param("c", clerk.id()).query(Long.class).single()).isEqualTo(codesBefore);
        assertThat(accounts.auditEntriesBy("privacy.self.code.refused", clerk.id())).isEqualTo(refusedBefore + 1);

        // another clerk is not affected; an hour after the first code, this clerk may issue again
        TestAccounts.Created other = accounts.create(TestAccounts.person().roles("staff", "billing"));
        assertThat(SignedIn.as(accounts.authenticationOf(other), () -> desk.issueCode(p.id())).code()).isNotBlank();
        clock.advance(Duration.ofMinutes(31));
        assertThat(SignedIn.as(auth, () -> desk.issueCode(p.id())).code()).matches("\\d{6}");
    }
}
