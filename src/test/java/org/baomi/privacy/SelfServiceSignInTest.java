package org.baomi.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.baomi.privacy.internal.selfservice.LoggingSmsGateway;
import org.baomi.shared.BaomiException;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.MutableClock;
import org.baomi.test.SignedIn;
import org.baomi.test.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ACC-5 identity: name + ID number + one-time code, refused alike for every mismatch (no enumeration), single use,
 * expiring, bounded tries, throttled per ID number and per client address, audited.
 */
@BaomiSpringTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SelfServiceSignInTest {

    @Autowired
    SelfServiceSignIn signIn;
    @Autowired
    SelfServiceDesk desk;
    @Autowired
    SelfServicePortal portal;
    @Autowired
    LoggingSmsGateway sms;
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

    private static void refused(Runnable attempt) {
        assertThatThrownBy(attempt::run).isInstanceOfSatisfying(BaomiException.class, e -> {
            assertThat(e.kind()).isEqualTo(BaomiException.Kind.INVALID);
            assertThat(e.messageKey()).isEqualTo("privacy-self.sign-in.refused");
        });
    }

    private static void throttled(Runnable attempt) {
        assertThatThrownBy(attempt::run).isInstanceOfSatisfying(BaomiException.class, e -> {
            assertThat(e.kind()).isEqualTo(BaomiException.Kind.TOO_MANY_REQUESTS);
            assertThat(e.messageKey()).isEqualTo("privacy-self.sign-in.throttled");
        });
    }

    private long audited(String action, String outcome, long patientId) {
        return jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = :a AND outcome = :o AND patient_id = :p")
                .param("a", action).param("o", outcome).param("p", Long.toString(patientId)).query(Long.class)
                .single();
    }

    @Test
    void the_right_name_ID_number_and_desk_code_sign_the_patient_in_and_the_code_is_kept_only_as_a_hash_ACC_5() {
        SelfServiceFixtures.Patient p = fixtures.next();
        String code = fixtures.deskCode(desk, p.id());

        SelfServiceSession session = signIn.signIn(" " + p.name() + " ", p.idNumber().toLowerCase(), code,
                SelfServiceFixtures.address());

        assertThat(session.patientName()).isEqualTo(p.name());
        assertThat(portal.fees(session.token()).patientId()).isEqualTo(p.id());
        assertThat(audited("privacy.self.code.issued", "ALLOWED", p.id())).isEqualTo(1);
        assertThat(audited("privacy.self.signed-in", "ALLOWED", p.id())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT actor_kind FROM aud_entry WHERE action = 'privacy.self.signed-in' AND patient_id = :p")
                .param("p", Long.toString(p.id())).query(String.class).single()).isEqualTo("PATIENT");
        // hashed at rest: neither the code nor the token appears in the tables
        assertThat(jdbc.sql("SELECT count(*) FROM pat_self_code WHERE patient_id = :p AND encode(code_hash, 'escape') "
                + "LIKE '%' || :c || '%'").param("p", p.id()).param("c", code).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM pat_self_session WHERE token_hash = :t").param("t", session.token())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM aud_entry WHERE patient_id = :p AND details::text LIKE '%' || :c || '%'")
                .param("p", Long.toString(p.id())).param("c", code).query(Long.class).single()).isZero();
    }

    @Test
    void a_wrong_ID_number_a_wrong_name_and_a_wrong_code_get_the_same_answer_and_are_audited_as_failures_ACC_5() {
        SelfServiceFixtures.Patient p = fixtures.next();
        String code = fixtures.deskCode(desk, p.id());
        String wrongId = p.idNumber().substring(0, 17) + (p.idNumber().endsWith("1") ? "2" : "1");

        refused(() -> signIn.signIn(p.name(), wrongId, code, SelfServiceFixtures.address()));
        refused(() -> signIn.signIn(p.name() + "X", p.idNumber(), code, SelfServiceFixtures.address()));
        refused(() -> signIn.signIn(p.name(), p.idNumber(), code.equals("000000") ? "000001" : "000000",
                SelfServiceFixtures.address()));
        refused(() -> signIn.signIn(p.name(), p.idNumber(), "abc", SelfServiceFixtures.address()));

        assertThat(audited("privacy.self.sign-in.failed", "FAILED", p.id())).as("wrong codes of the identified patient")
                .isEqualTo(2);
        // the code survives wrong tries below the limit
        assertThat(signIn.signIn(p.name(), p.idNumber(), code, SelfServiceFixtures.address()).token()).isNotBlank();
    }

    @Test
    void a_reused_code_is_refused_ACC_5() {
        SelfServiceFixtures.Patient p = fixtures.next();
        String code = fixtures.deskCode(desk, p.id());
        signIn.signIn(p.name(), p.idNumber(), code, SelfServiceFixtures.address());

        refused(() -> signIn.signIn(p.name(), p.idNumber(), code, SelfServiceFixtures.address()));
    }

    @Test
    void an_expired_code_is_refused_ACC_5() {
        SelfServiceFixtures.Patient p = fixtures.next();
        String code = fixtures.deskCode(desk, p.id());
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        refused(() -> signIn.signIn(p.name(), p.idNumber(), code, SelfServiceFixtures.address()));
    }

    @Test
    void a_new_code_voids_the_one_issued_before_ACC_5() {
        SelfServiceFixtures.Patient p = fixtures.next();
        String first = fixtures.deskCode(desk, p.id());
        String second = fixtures.deskCode(desk, p.id());

        if (!first.equals(second)) {
            refused(() -> signIn.signIn(p.name(), p.idNumber(), first, SelfServiceFixtures.address()));
        }
        assertThat(signIn.signIn(p.name(), p.idNumber(), second, SelfServiceFixtures.address()).token()).isNotBlank();
    }

    @Test
    void a_code_is_void_after_five_wrong_tries_even_from_different_addresses_ACC_5() {
        SelfServiceFixtures.Patient p = fixtures.next();
        String code = fixtures.deskCode(desk, p.id());
        String wrong = code.equals("999999") ? "999998" : "999999";
        for (int i = 0; i < 5; i++) {
            refused(() -> signIn.signIn(p.name(), p.idNumber(), wrong, SelfServiceFixtures.address()));
        }
        // the ID number is now throttled as well, and the code has used up its tries (usable only below five)
        throttled(() -> signIn.signIn(p.name(), p.idNumber(), code, SelfServiceFixtures.address()));
        assertThat(jdbc.sql("SELECT attempts FROM pat_self_code WHERE patient_id = :p AND used_at IS NULL "
                + "AND voided_at IS NULL").param("p", p.id()).query(Integer.class).single()).isEqualTo(5);
    }

    @Test
    void five_failures_for_an_ID_number_throttle_it_for_fifteen_minutes_with_a_translated_message_ACC_5() {
        SelfServiceFixtures.Patient p = fixtures.next();
        for (int i = 0; i < 5; i++) {
            refused(() -> signIn.signIn(p.name(), p.idNumber(), "123456", SelfServiceFixtures.address()));
        }
        long throttledBefore = jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = 'privacy.self.sign-in.throttled'")
                .query(Long.class).single();
        String code = fixtures.deskCode(desk, p.id());

        throttled(() -> signIn.signIn(p.name(), p.idNumber(), code, SelfServiceFixtures.address()));
        throttled(() -> signIn.sendCode(p.name(), p.idNumber(), SelfServiceFixtures.address()));
        assertThat(jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = 'privacy.self.sign-in.throttled' "
                + "AND outcome = 'DENIED'").query(Long.class).single()).isEqualTo(throttledBefore + 2);

        clock.advance(Duration.ofMinutes(14));
        throttled(() -> signIn.signIn(p.name(), p.idNumber(), code, SelfServiceFixtures.address()));
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        // the window has passed (and the code, valid for ten minutes, has expired meanwhile): a new code works
        refused(() -> signIn.signIn(p.name(), p.idNumber(), code, SelfServiceFixtures.address()));
        assertThat(fixtures.signIn(desk, signIn, p).token()).isNotBlank();
    }

    @Test
    void five_failures_from_one_address_throttle_that_address_whatever_the_ID_number_ACC_5() {
        String address = SelfServiceFixtures.address();
        for (int i = 0; i < 5; i++) {
            SelfServiceFixtures.Patient someone = fixtures.next();
            refused(() -> signIn.signIn(someone.name(), someone.idNumber(), "111111", address));
        }
        SelfServiceFixtures.Patient p = fixtures.next();
        String code = fixtures.deskCode(desk, p.id());

        throttled(() -> signIn.signIn(p.name(), p.idNumber(), code, address));
        assertThat(signIn.signIn(p.name(), p.idNumber(), code, SelfServiceFixtures.address()).token()).isNotBlank();
    }

    @Test
    void the_SMS_double_receives_a_code_for_the_phone_on_file_and_a_stranger_gets_the_same_answer_ACC_5() {
        SelfServiceFixtures.Patient p = fixtures.next();
        int before = sms.outbox().size();

        signIn.sendCode(p.name(), p.idNumber(), SelfServiceFixtures.address());
        signIn.sendCode("Nobody", "110101199001011237", SelfServiceFixtures.address());

        assertThat(sms.outbox()).hasSize(before + 1);
        String code = SelfServiceFixtures.smsCode(sms, p.phone());
        assertThat(code).matches("\\d{6}");
        assertThat(audited("privacy.self.code.sent", "ALLOWED", p.id())).isEqualTo(1);
        assertThat(signIn.signIn(p.name(), p.idNumber(), code, SelfServiceFixtures.address()).patientName())
                .isEqualTo(p.name());
    }

    @Test
    void at_most_three_SMS_codes_per_ID_number_in_the_window_ACC_5() {
        SelfServiceFixtures.Patient p = fixtures.next();
        for (int i = 0; i < 3; i++) {
            signIn.sendCode(p.name(), p.idNumber(), SelfServiceFixtures.address());
        }
        throttled(() -> signIn.sendCode(p.name(), p.idNumber(), SelfServiceFixtures.address()));
    }

    @Test
    void missing_name_or_ID_number_is_a_translated_input_error_not_a_failure() {
        assertThatThrownBy(() -> signIn.signIn(" ", null, "123456", SelfServiceFixtures.address()))
                .isInstanceOfSatisfying(BaomiException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("privacy-self.sign-in.error.input"));
    }

    @Test
    void the_desk_needs_the_permission_and_staff_without_it_are_refused_and_audited_ACC_5() {
        TestAccounts.Created someone = accounts.staff();
        long before = accounts.auditEntriesBy("access.denied", someone.id());

        assertThatThrownBy(() -> SignedIn.as(accounts.authenticationOf(someone), () -> desk.issueCode(1L)))
                .isInstanceOfSatisfying(BaomiException.class,
                        e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.FORBIDDEN));
        assertThat(accounts.auditEntriesBy("access.denied", someone.id())).isEqualTo(before + 1);
    }

    @Test
    void the_desk_finds_a_patient_by_MRN_or_ID_number_with_the_ID_number_masked_PAT_3() {
        SelfServiceFixtures.Patient p = fixtures.next();
        var clerk = accounts.authenticationOf(fixtures.clerk());

        var byMrn = SignedIn.as(clerk, () -> desk.find(p.mrn()));
        var byId = SignedIn.as(clerk, () -> desk.find(p.idNumber().toLowerCase()));

        assertThat(byMrn).extracting(SelfServicePatient::id).containsExactly(p.id());
        assertThat(byId).extracting(SelfServicePatient::id).containsExactly(p.id());
        assertThat(byMrn.get(0).maskedIdNumber()).isEqualTo(p.idNumber().substring(0, 4) + "**********"
                + p.idNumber().substring(14)).doesNotContain(p.idNumber().substring(4, 14));
        assertThatThrownBy(() -> SignedIn.as(clerk, () -> desk.find("x' OR 1=1"))).isInstanceOfSatisfying(
                BaomiException.class, e -> assertThat(e.messageKey()).isEqualTo("privacy-self.desk.error.query"));
    }
}
