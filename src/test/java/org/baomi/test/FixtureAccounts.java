package org.baomi.test;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.baomi.iam.internal.account.Account;
import org.baomi.iam.internal.account.AccountRepository;
import org.baomi.iam.internal.account.AccountRole;
import org.baomi.iam.internal.login.CredentialStore;
import org.baomi.iam.internal.login.SecretCipher;
import org.baomi.iam.internal.login.Totp;
import org.baomi.shared.SecretLevel;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Staff accounts made for one test, each with a unique staff number, so that tests sharing one database never
 * meet each other's accounts. Built from the beans of a running Baomi (not a bean itself, so that it does not
 * change the shared test context).
 */
public final class FixtureAccounts {

    /** A password that satisfies the policy; never the one a test changes to. */
    public static final String PASSWORD = "Fixture#Pass2026";

    /** What a test needs to sign in as the account. {@code totpSecret} is null unless enrolled. */
    public record FixtureAccount(long id, String staffNo, String fullName, String password, String totpSecret) {
    }

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final CredentialStore credentials;
    private final PasswordEncoder encoder;
    private final SecretCipher cipher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public FixtureAccounts(JdbcClient jdbc, AccountRepository accounts, CredentialStore credentials,
            PasswordEncoder encoder, SecretCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.credentials = credentials;
        this.encoder = encoder;
        this.cipher = cipher;
        this.clock = clock;
    }

    public static FixtureAccounts of(ApplicationContext context) {
        return new FixtureAccounts(context.getBean(JdbcClient.class), context.getBean(AccountRepository.class),
                context.getBean(CredentialStore.class), context.getBean(PasswordEncoder.class),
                context.getBean(SecretCipher.class), context.getBean(Clock.class));
    }

    /** Someone signing in for the first time: the password must be changed before anything else. */
    public FixtureAccount newcomer(String label) {
        return create(label, SecretLevel.INTERNAL, true, false);
    }

    /** An ordinary member of staff, clearance 内部, no second factor required. */
    public FixtureAccount staff(String label) {
        return create(label, SecretLevel.INTERNAL, false, false);
    }

    /** Clearance 秘密 and not yet enrolled: the login sends them to enrolment (ACC-7). */
    public FixtureAccount secretHolder(String label) {
        return create(label, SecretLevel.SECRET, false, false);
    }

    /** Clearance 秘密 with an authenticator already enrolled. */
    public FixtureAccount enrolledSecretHolder(String label) {
        return create(label, SecretLevel.SECRET, false, true);
    }

    public FixtureAccount create(String label, SecretLevel clearance, boolean mustChangePassword, boolean enrolled) {
        Instant now = clock.instant();
        String staffNo = uniqueStaffNo(label);
        String fullName = "Fixture " + label + " " + staffNo.substring(staffNo.length() - 4);
        Account account = new Account(staffNo, fullName, null, null, clearance, null, null, now, null);
        long staffRole = jdbc.sql("SELECT id FROM iam_role WHERE code = 'staff'").query(Long.class).single();
        account.replaceRoles(Set.of(new AccountRole(staffRole, null, now, null)));
        long id = accounts.save(account).getId();
        credentials.create(id, encoder.encode(PASSWORD), now, mustChangePassword);
        String secret = null;
        if (enrolled) {
            secret = Totp.newSecret(random);
            credentials.storePendingTotpSecret(id, cipher.encrypt(secret));
            credentials.enableTotp(id);
        }
        return new FixtureAccount(id, staffNo, fullName, PASSWORD, secret);
    }

    /**
     * Removes the operational login-attempt rows of an account (not its audit entries), so that the failures a
     * test provokes on purpose do not count towards the per-address throttling of later tests in the same
     * context (ACC-8 counts failures per source address, and every test signs in from the loopback address).
     */
    public void forgetLoginAttempts(FixtureAccount account) {
        jdbc.sql("DELETE FROM iam_login_attempt WHERE account_id = :id").param("id", account.id()).update();
    }

    private static String uniqueStaffNo(String label) {
        String prefix = label.replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT);
        prefix = prefix.length() > 6 ? prefix.substring(0, 6) : prefix;
        return "T" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }
}
