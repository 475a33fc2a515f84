package org.baomi.iam.internal.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.baomi.audit.ActorKind;
import org.baomi.audit.AuditActor;
import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.AccountStatus;
import org.baomi.iam.StaffPrincipal;
import org.baomi.iam.internal.IamSecurityProperties;
import org.baomi.iam.internal.account.Account;
import org.baomi.iam.internal.account.AccountRepository;
import org.baomi.iam.internal.account.StaffDirectory;
import org.baomi.shared.SecretLevel;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing in (ACC-7, ACC-8): password check with lockout and per-source throttling, second factor with replay
 * protection, forced password change, mandatory enrolment, and completion. Every refusal is audited in its own
 * transaction; the counters that a refusal changes are committed although the step is refused.
 */
@Service
public class LoginService {

    private static final int RECOVERY_CODES = 10;

    private final AccountRepository accounts;
    private final CredentialStore credentials;
    private final LoginAttempts attempts;
    private final StaffDirectory directory;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final SecretCipher cipher;
    private final AuditTrail audit;
    private final IamSecurityProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final String dummyHash;

    LoginService(AccountRepository accounts, CredentialStore credentials, LoginAttempts attempts,
            StaffDirectory directory, PasswordEncoder encoder, PasswordPolicy policy, SecretCipher cipher,
            AuditTrail audit, IamSecurityProperties properties, Clock clock) {
        this.accounts = accounts;
        this.credentials = credentials;
        this.attempts = attempts;
        this.directory = directory;
        this.encoder = encoder;
        this.policy = policy;
        this.cipher = cipher;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        // Unknown user names still cost one hash, so timing does not tell which names exist.
        this.dummyHash = encoder.encode("baomi-timing-equaliser");
    }

    /** Step one: the password. Returns the login in progress with its next step. */
    @Transactional(noRollbackFor = LoginRefusedException.class)
    public LoginProgressToken verifyPassword(String rawUsername, String password, String source) {
        Instant now = clock.instant();
        String username = normaliseUsername(rawUsername);
        IamSecurityProperties.Lockout lockout = properties.lockout();
        if (attempts.failuresFrom(source, now.minus(lockout.sourceWindow())) >= lockout.sourceMaxFailures()) {
            attempts.record(now, username, null, source, false, "THROTTLED");
            refuse("iam.login.throttled", anonymous(username, source), null, Map.of("username", username),
                    LoginRefusedException.Reason.THROTTLED);
        }
        Optional<Account> found = username.isEmpty() ? Optional.empty() : accounts.findByStaffNoIgnoreCase(username);
        Optional<Credential> credential = found.flatMap(a -> credentials.find(a.getId()));
        if (found.isEmpty() || credential.isEmpty()) {
            encoder.matches(password == null ? "" : password, dummyHash);
            attempts.record(now, username, null, source, false, "UNKNOWN_USER");
            refuse("iam.login.failed", anonymous(username, source), null,
                    Map.of("username", username, "reason", "UNKNOWN_USER"), LoginRefusedException.Reason.BAD_CREDENTIALS);
        }
        Account account = found.get();
        AuditActor actor = actorOf(account, source);
        if (credential.get().lockedAt(now)) {
            attempts.record(now, username, account.getId(), source, false, "LOCKED");
            refuse("iam.login.failed", actor, account, Map.of("reason", "LOCKED"), LoginRefusedException.Reason.LOCKED);
        }
        if (account.getStatus() != AccountStatus.ACTIVE) {
            encoder.matches(password == null ? "" : password, dummyHash);
            attempts.record(now, username, account.getId(), source, false, "DISABLED");
            refuse("iam.login.failed", actor, account, Map.of("reason", account.getStatus().name()),
                    LoginRefusedException.Reason.DISABLED);
        }
        if (password == null || !encoder.matches(password, credential.get().passwordHash())) {
            attempts.record(now, username, account.getId(), source, false, "BAD_PASSWORD");
            failAndMaybeLock(account, actor, now, "BAD_PASSWORD", LoginRefusedException.Reason.BAD_CREDENTIALS);
        }
        return advance(account.getId(), account.getStaffNo(), EnumSet.noneOf(LoginStep.class));
    }

    /** Step two when enrolled: a TOTP code, or one of the recovery codes. */
    @Transactional(noRollbackFor = LoginRefusedException.class)
    public LoginProgressToken verifySecondFactor(LoginProgressToken progress, String code, String source) {
        Instant now = clock.instant();
        Account account = accounts.findById(progress.accountId()).orElseThrow();
        Credential credential = credentials.find(account.getId()).orElseThrow();
        AuditActor actor = actorOf(account, source);
        if (credential.lockedAt(now)) {
            refuse("iam.login.failed", actor, account, Map.of("reason", "LOCKED"), LoginRefusedException.Reason.LOCKED);
        }
        String trimmed = code == null ? "" : code.strip().replace(" ", "");
        boolean ok;
        String method;
        if (trimmed.matches("\\d{6}")) {
            method = "TOTP";
            String secret = cipher.decrypt(credential.totpSecretSealed());
            OptionalLong step = Totp.matchingStep(secret, trimmed, now);
            // ACC-7: a used code cannot be replayed; only a later step than the last accepted one counts.
            ok = step.isPresent() && credentials.consumeTotpStep(account.getId(), step.getAsLong());
        } else {
            method = "RECOVERY_CODE";
            ok = !trimmed.isEmpty() && credentials.consumeRecoveryCode(account.getId(), hashRecoveryCode(trimmed), now);
        }
        if (!ok) {
            attempts.record(now, account.getStaffNo(), account.getId(), source, false, "BAD_SECOND_FACTOR");
            failAndMaybeLock(account, actor, now, "BAD_SECOND_FACTOR", LoginRefusedException.Reason.BAD_CODE);
        }
        if (method.equals("RECOVERY_CODE")) {
            audit.record(new AuditEntry(actor, "iam.recovery-code.used", "account", account.getId().toString(), null,
                    AuditOutcome.ALLOWED, null, Map.of("remaining", credentials.unusedRecoveryCodes(account.getId()))));
        }
        EnumSet<LoginStep> done = EnumSet.copyOf(withStep(progress.done(), LoginStep.TOTP));
        return advance(account.getId(), account.getStaffNo(), done);
    }

    /**
     * Forced password change: checks the policy and the history, stores the new hash.
     *
     * @return the broken rules; empty when the password was changed
     */
    @Transactional
    public List<PasswordPolicy.Violation> changePassword(long accountId, String newPassword, String confirmation,
            String source) {
        Account account = accounts.findById(accountId).orElseThrow();
        List<PasswordPolicy.Violation> violations = new ArrayList<>(policy.check(newPassword, account.getStaffNo()));
        if (newPassword != null && !newPassword.equals(confirmation)) {
            violations.add(new PasswordPolicy.Violation("iam.password.mismatch"));
        }
        if (violations.isEmpty() && isInHistory(accountId, newPassword)) {
            violations.add(new PasswordPolicy.Violation("iam.password.reused", properties.password().history()));
        }
        if (!violations.isEmpty()) {
            return violations;
        }
        credentials.changePassword(accountId, encoder.encode(newPassword), clock.instant(), false);
        audit.record(new AuditEntry(actorOf(account, source), "iam.password.changed", "account",
                account.getId().toString(), null, AuditOutcome.ALLOWED, null, Map.of()));
        return List.of();
    }

    /** After a successful change, the login moves on. */
    @Transactional(readOnly = true)
    public LoginProgressToken afterPasswordChange(LoginProgressToken progress) {
        return advance(progress.accountId(), progress.getName(), withStep(progress.done(), LoginStep.CHANGE_PASSWORD));
    }

    private boolean isInHistory(long accountId, String newPassword) {
        int history = Math.max(properties.password().history(), 1);
        return credentials.recentPasswordHashes(accountId, history).stream()
                .anyMatch(hash -> encoder.matches(newPassword, hash));
    }

    /** Starts (or restarts) enrolment: a fresh secret, stored sealed, returned for the QR code. */
    @Transactional
    public Enrolment beginEnrolment(long accountId) {
        Account account = accounts.findById(accountId).orElseThrow();
        String secret = Totp.newSecret(random);
        credentials.storePendingTotpSecret(accountId, cipher.encrypt(secret));
        String uri = Totp.otpauthUri(properties.totp().issuer(), account.getStaffNo(), secret);
        return new Enrolment(secret, uri);
    }

    /** The secret being enrolled and the URI its QR code carries. */
    public record Enrolment(String secret, String otpauthUri) {
    }

    /**
     * Confirms enrolment with a code from the app; on success enables TOTP and returns fresh recovery codes
     * (shown once, stored hashed). Empty when the code is wrong.
     */
    @Transactional
    public Optional<List<String>> confirmEnrolment(long accountId, String code, String source) {
        Instant now = clock.instant();
        Account account = accounts.findById(accountId).orElseThrow();
        Credential credential = credentials.find(accountId).orElseThrow();
        if (credential.totpSecretSealed() == null) {
            return Optional.empty();
        }
        String secret = cipher.decrypt(credential.totpSecretSealed());
        OptionalLong step = Totp.matchingStep(secret, code == null ? "" : code.strip(), now);
        if (step.isEmpty() || !credentials.consumeTotpStep(accountId, step.getAsLong())) {
            return Optional.empty();
        }
        credentials.enableTotp(accountId);
        List<String> codes = newRecoveryCodes(accountId, now);
        audit.record(new AuditEntry(actorOf(account, source), "iam.totp.enrolled", "account",
                account.getId().toString(), null, AuditOutcome.ALLOWED, null, Map.of()));
        return Optional.of(codes);
    }

    @Transactional(readOnly = true)
    public LoginProgressToken afterEnrolment(LoginProgressToken progress) {
        EnumSet<LoginStep> done = EnumSet.copyOf(withStep(progress.done(), LoginStep.ENROL_TOTP));
        done.add(LoginStep.TOTP);
        return advance(progress.accountId(), progress.getName(), done);
    }

    private List<String> newRecoveryCodes(long accountId, Instant now) {
        List<String> plain = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String code = Totp.base32(randomBytes(7)).substring(0, 10).toLowerCase(Locale.ROOT);
            String shown = code.substring(0, 5) + "-" + code.substring(5);
            plain.add(shown);
            hashes.add(hashRecoveryCode(shown));
        }
        credentials.replaceRecoveryCodes(accountId, hashes, now);
        return plain;
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** Recovery codes carry 50 random bits, so a fast hash is enough; dashes and case do not matter. */
    static String hashRecoveryCode(String code) {
        String normal = code.replace("-", "").strip().toLowerCase(Locale.ROOT);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normal.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The last step: the session becomes a full login; counters are cleared; the login is audited. */
    @Transactional
    public StaffAuthentication complete(LoginProgressToken progress, String source) {
        Instant now = clock.instant();
        Account account = accounts.findById(progress.accountId()).orElseThrow();
        StaffPrincipal principal = directory.principalOf(account);
        credentials.recordSuccess(account.getId(), now, source);
        attempts.record(now, account.getStaffNo(), account.getId(), source, true, "OK");
        audit.record(new AuditEntry(actorOf(account, source), "iam.login.succeeded", "account",
                account.getId().toString(), null, AuditOutcome.ALLOWED, null,
                Map.of("secondFactor", progress.hasDone(LoginStep.TOTP))));
        return new StaffAuthentication(principal, now);
    }

    /** Whether this person must use a second factor: the 三员 and clearance 秘密 or above (ACC-7). */
    public boolean secondFactorRequired(StaffPrincipal principal) {
        return principal.isAdministrator() || principal.clearance().atLeast(SecretLevel.SECRET);
    }

    private LoginProgressToken advance(long accountId, String staffNo, Set<LoginStep> done) {
        Credential credential = credentials.find(accountId).orElseThrow();
        StaffPrincipal principal = directory.principalOf(accountId).orElseThrow();
        LoginStep next;
        if (credential.totpEnabled() && !done.contains(LoginStep.TOTP)) {
            next = LoginStep.TOTP;
        } else if (!done.contains(LoginStep.CHANGE_PASSWORD) && passwordMustChange(credential)) {
            next = LoginStep.CHANGE_PASSWORD;
        } else if (!credential.totpEnabled() && secondFactorRequired(principal)) {
            next = LoginStep.ENROL_TOTP;
        } else {
            next = LoginStep.COMPLETE;
        }
        return new LoginProgressToken(accountId, staffNo, done, next);
    }

    public boolean passwordMustChange(Credential credential) {
        if (credential.mustChangePassword()) {
            return true;
        }
        IamSecurityProperties.Password rules = properties.password();
        return rules.expires() && credential.passwordChangedAt().plus(rules.expiry()).isBefore(clock.instant());
    }

    private void failAndMaybeLock(Account account, AuditActor actor, Instant now, String reason,
            LoginRefusedException.Reason shown) {
        IamSecurityProperties.Lockout lockout = properties.lockout();
        CredentialStore.FailureResult result = credentials.recordFailure(account.getId(), now,
                now.minus(lockout.window()), lockout.maxFailures(), now.plus(lockout.duration()));
        boolean lockedNow = result.lockedUntil() != null && result.lockedUntil().isAfter(now)
                && result.failedCount() >= lockout.maxFailures();
        audit.recordIndependently(new AuditEntry(actor, "iam.login.failed", "account", account.getId().toString(),
                null, AuditOutcome.DENIED, "iam.login.error." + shown.code(),
                Map.of("reason", reason, "failedCount", result.failedCount())));
        if (lockedNow) {
            audit.recordIndependently(new AuditEntry(actor, "iam.account.locked", "account",
                    account.getId().toString(), null, AuditOutcome.DENIED, "iam.login.error.locked",
                    Map.of("lockedUntil", result.lockedUntil().toString(), "failedCount", result.failedCount())));
            throw new LoginRefusedException(LoginRefusedException.Reason.LOCKED);
        }
        throw new LoginRefusedException(shown);
    }

    private void refuse(String action, AuditActor actor, Account account, Map<String, ?> details,
            LoginRefusedException.Reason reason) {
        audit.recordIndependently(new AuditEntry(actor, action, "account",
                account == null ? null : account.getId().toString(), null, AuditOutcome.DENIED,
                "iam.login.error." + reason.code(), details));
        throw new LoginRefusedException(reason);
    }

    private static Set<LoginStep> withStep(Set<LoginStep> done, LoginStep step) {
        EnumSet<LoginStep> copy = done.isEmpty() ? EnumSet.noneOf(LoginStep.class) : EnumSet.copyOf(done);
        copy.add(step);
        return copy;
    }

    /** User names are staff numbers: trimmed, upper case, printable, bounded. */
    static String normaliseUsername(String raw) {
        if (raw == null) {
            return "";
        }
        String printable = raw.strip().codePoints().filter(cp -> !Character.isISOControl(cp))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        String bounded = printable.length() > 64 ? printable.substring(0, 64) : printable;
        return bounded.toUpperCase(Locale.ROOT);
    }

    private AuditActor actorOf(Account account, String source) {
        String department = directory.principalOf(account).departmentName();
        return new AuditActor(account.getId(), account.getFullName(), department, ActorKind.PERSON, source, null);
    }

    private static AuditActor anonymous(String username, String source) {
        return new AuditActor(null, username, null, ActorKind.ANONYMOUS, source, null);
    }
}
