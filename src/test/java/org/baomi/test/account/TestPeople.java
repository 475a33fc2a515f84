package org.baomi.test.account;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;

import org.baomi.iam.internal.account.Account;
import org.baomi.iam.internal.account.AccountRepository;
import org.baomi.iam.internal.account.AccountRole;
import org.baomi.iam.internal.account.Role;
import org.baomi.iam.internal.account.RoleRepository;
import org.baomi.iam.internal.login.CredentialStore;
import org.baomi.iam.internal.login.SecretCipher;
import org.baomi.iam.internal.login.Totp;
import org.baomi.shared.SecretLevel;
import org.baomi.test.MutableClock;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Creates the accounts the account-security and audit-screen tests need, each with a fresh staff number, a
 * known password and, where the role or the test needs it, an enabled authenticator secret. Independent of
 * the demo hospital.
 */
public final class TestPeople {

    /** A person the tests can sign in as. {@code totpSecret} is null when no second factor is set up. */
    public record Person(long accountId, String staffNo, String fullName, String password, String totpSecret) {

        public Person withPassword(String newPassword) {
            return new Person(accountId, staffNo, fullName, newPassword, totpSecret);
        }

        public Person withTotpSecret(String secret) {
            return new Person(accountId, staffNo, fullName, password, secret);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountRepository accounts;
    private final RoleRepository roles;
    private final CredentialStore credentials;
    private final PasswordEncoder encoder;
    private final SecretCipher cipher;
    private final MutableClock clock;
    private final JdbcClient jdbc;

    public TestPeople(ApplicationContext context) {
        this.accounts = context.getBean(AccountRepository.class);
        this.roles = context.getBean(RoleRepository.class);
        this.credentials = context.getBean(CredentialStore.class);
        this.encoder = context.getBean(PasswordEncoder.class);
        this.cipher = context.getBean(SecretCipher.class);
        this.clock = context.getBean(MutableClock.class);
        this.jdbc = context.getBean(JdbcClient.class);
    }

    /** A staff member of clearance INTERNAL: signs in with the password alone. */
    public Person staff() {
        return create("staff", "Staff", false);
    }

    /** A staff member who has set up an authenticator app. */
    public Person staffWithTotp() {
        return create("staff", "Staff", true);
    }

    public Person auditAdministrator() {
        return create("audit-admin", "Auditor", true);
    }

    public Person securityAdministrator() {
        return create("security-admin", "Security", true);
    }

    public Person systemAdministrator() {
        return create("system-admin", "Sysadmin", true);
    }

    private Person create(String roleCode, String namePrefix, boolean totp) {
        String suffix = HexFormat.of().withUpperCase().formatHex(randomBytes(4));
        String staffNo = "T" + suffix;
        String fullName = namePrefix + " " + suffix;
        String password = "Baomi-Test-" + HexFormat.of().formatHex(randomBytes(3)) + "-Qz";
        Instant now = clock.instant();
        Role role = roles.findByCode(roleCode).orElseThrow();
        Account account = new Account(staffNo, fullName, placeholder("iam_department", "kind", "'ADMINISTRATIVE'"),
                placeholder("iam_post", "medical", "FALSE"), SecretLevel.INTERNAL, null, null, now, null);
        account.replaceRoles(Set.of(new AccountRole(role.getId(), role.getKind().adminKind(), now, null)));
        long id = accounts.save(account).getId();
        credentials.create(id, encoder.encode(password), now, false);
        String secret = null;
        if (totp) {
            secret = Totp.newSecret(RANDOM);
            credentials.storePendingTotpSecret(id, cipher.encrypt(secret));
            credentials.enableTotp(id);
        }
        return new Person(id, staffNo, fullName, password, secret);
    }

    /**
     * The test department or post (code TACCSEC: fixtures' codes start with T) that every person here belongs
     * to, like every real account does. Created once, whichever test comes first.
     */
    private Long placeholder(String table, String column, String value) {
        jdbc.sql("INSERT INTO " + table + " (code, name_zh, name_en, " + column + ") VALUES ('TACCSEC', 'TACCSEC', "
                + "'Account security tests', " + value + ") ON CONFLICT (code) DO NOTHING").update();
        return jdbc.sql("SELECT id FROM " + table + " WHERE code = 'TACCSEC'").query(Long.class).single();
    }

    /**
     * A code for the person's authenticator. The clock first moves on by one step, so the code is never one
     * that an earlier sign-in in the same 30 seconds has used (replay protection, ACC-7).
     */
    public String nextCode(String secret) {
        clock.advance(java.time.Duration.ofSeconds(Totp.STEP_SECONDS));
        return Totp.codeAt(secret, Totp.stepAt(clock.instant()));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
