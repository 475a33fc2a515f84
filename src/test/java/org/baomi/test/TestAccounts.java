package org.baomi.test;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.baomi.iam.internal.account.Account;
import org.baomi.iam.internal.account.AccountRepository;
import org.baomi.iam.internal.account.AccountRole;
import org.baomi.iam.internal.account.Role;
import org.baomi.iam.internal.account.RoleRepository;
import org.baomi.iam.internal.login.CredentialStore;
import org.baomi.iam.internal.login.SecretCipher;
import org.baomi.shared.SecretLevel;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Creates accounts for tests directly in the identity tables, each with a unique staff number. */
@Component
public class TestAccounts {

    public static final String PASSWORD = "Correct-Horse-42";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final AccountRepository accounts;
    private final RoleRepository roles;
    private final CredentialStore credentials;
    private final PasswordEncoder encoder;
    private final SecretCipher cipher;
    private final Clock clock;
    private String passwordHash;

    TestAccounts(AccountRepository accounts, RoleRepository roles, CredentialStore credentials, PasswordEncoder encoder,
            SecretCipher cipher, Clock clock) {
        this.accounts = accounts;
        this.roles = roles;
        this.credentials = credentials;
        this.encoder = encoder;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** What a test asks for; build with {@link #person()} and the with-methods. */
    public record Spec(SecretLevel clearance, Set<String> roleCodes, boolean mustChangePassword, String totpSecret) {
        public Spec clearance(SecretLevel level) {
            return new Spec(level, roleCodes, mustChangePassword, totpSecret);
        }

        public Spec roles(String... codes) {
            return new Spec(clearance, Set.of(codes), mustChangePassword, totpSecret);
        }

        public Spec needingPasswordChange() {
            return new Spec(clearance, roleCodes, true, totpSecret);
        }

        public Spec totp(String base32Secret) {
            return new Spec(clearance, roleCodes, mustChangePassword, base32Secret);
        }
    }

    public static Spec person() {
        return new Spec(SecretLevel.INTERNAL, Set.of("staff"), false, null);
    }

    /** A created account: its id and staff number; the password is {@link #PASSWORD}. */
    public record Created(long id, String staffNo) {
    }

    @Transactional
    public Created create(Spec spec) {
        String staffNo = "T" + ProcessHandle.current().pid() % 1000 + "X" + SEQUENCE.incrementAndGet();
        Account account = new Account(staffNo, "Test " + staffNo, null, null, spec.clearance(), null, null,
                clock.instant(), null);
        Set<AccountRole> held = new HashSet<>();
        for (String code : spec.roleCodes()) {
            Role role = roles.findByCode(code).orElseThrow(() -> new IllegalArgumentException("no role " + code));
            held.add(new AccountRole(role.getId(), role.getKind().adminKind(), clock.instant(), null));
        }
        account.replaceRoles(held);
        account = accounts.save(account);
        credentials.create(account.getId(), hash(), clock.instant(), spec.mustChangePassword());
        if (spec.totpSecret() != null) {
            credentials.storePendingTotpSecret(account.getId(), cipher.encrypt(spec.totpSecret()));
            credentials.enableTotp(account.getId());
        }
        return new Created(account.getId(), staffNo);
    }

    private synchronized String hash() {
        if (passwordHash == null) {
            passwordHash = encoder.encode(PASSWORD);
        }
        return passwordHash;
    }
}
