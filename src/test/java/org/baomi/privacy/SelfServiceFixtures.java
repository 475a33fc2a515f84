package org.baomi.privacy;

import java.util.concurrent.atomic.AtomicInteger;

import org.baomi.privacy.internal.selfservice.LoggingSmsGateway;
import org.baomi.test.SignedIn;
import org.baomi.test.TestAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Demo patients for the self-service tests (ACC-5), each handed out once per test run so that one test's failed
 * attempts (throttled per ID number) never meet another's, and a desk clerk (demo role {@code billing}) to issue codes.
 */
public final class SelfServiceFixtures {

    /** Shared by every test of the run: each patient is used by one test only. */
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    /** A demo patient who can sign in: unique ID number, a phone on file, fee lists. */
    public record Patient(long id, String mrn, String name, String idNumber, String phone) {
    }

    private final JdbcClient jdbc;
    private final TestAccounts accounts;
    private TestAccounts.Created clerk;

    public SelfServiceFixtures(JdbcClient jdbc, TestAccounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    public Patient next() {
        return jdbc.sql("""
                SELECT p.id, p.mrn, p.name, p.id_number, p.phone FROM pat_patient p
                WHERE p.source_system = 'DEMO-HIS' AND NOT p.deceased AND p.phone IS NOT NULL
                  AND NOT p.vip AND p.staff_account_id IS NULL AND NOT p.public_figure AND NOT p.psychiatric
                  AND (SELECT count(*) FROM pat_patient q WHERE q.id_number = p.id_number) = 1
                  AND EXISTS (SELECT 1 FROM pat_charge c WHERE c.patient_id = p.id)
                ORDER BY p.id OFFSET :n LIMIT 1
                """).param("n", 7 * NEXT.getAndIncrement() + 3)
                .query((rs, n) -> new Patient(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5))).single();
    }

    /** A client address of its own (throttling per address never meets another test's failures). */
    public static String address() {
        int n = ADDRESSES.incrementAndGet();
        return "192.0." + (n >> 8 & 255) + "." + (n & 255);
    }

    public synchronized TestAccounts.Created clerk() {
        if (clerk == null) {
            clerk = accounts.create(TestAccounts.person().roles("staff", "billing"));
        }
        return clerk;
    }

    /** A code issued at the desk by the clerk. */
    public String deskCode(SelfServiceDesk desk, long patientId) {
        return SignedIn.as(accounts.authenticationOf(clerk()), () -> desk.issueCode(patientId)).code();
    }

    /** Signs the patient in with a fresh desk code. */
    public SelfServiceSession signIn(SelfServiceDesk desk, SelfServiceSignIn signIn, Patient p) {
        return signIn.signIn(p.name(), p.idNumber(), deskCode(desk, p.id()), address());
    }

    /** The code the SMS double last "sent" to the phone. */
    public static String smsCode(LoggingSmsGateway sms, String phone) {
        return sms.lastTo(phone).orElseThrow(() -> new AssertionError("no SMS to the phone")).code();
    }
}
