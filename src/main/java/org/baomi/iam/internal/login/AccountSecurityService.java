package org.baomi.iam.internal.login;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.CurrentUser;
import org.baomi.iam.StaffPrincipal;
import org.baomi.iam.internal.IamSecurityProperties;
import org.baomi.shared.BaomiException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signed-in person's own security settings (ACC-7): changing the password with the current one, setting up
 * or re-enrolling the second factor, and new recovery codes. It acts only on the current person's account.
 *
 * <p>Each change first proves the person again (current password, current code), so that an unattended or
 * stolen session cannot take over the account. A failed proof counts towards the lockout like a failed login
 * and is audited as {@code iam.reauthentication.failed} in its own transaction.
 */
@Service
public class AccountSecurityService {

    static final int RECOVERY_CODES = 10;

    /** What the settings page shows about the person's credentials. */
    public record Status(Instant passwordChangedAt, Instant passwordExpiresAt, boolean passwordMustChange,
            boolean totpEnabled, boolean totpPending, boolean secondFactorRequired, int unusedRecoveryCodes) {
    }

    private final CredentialStore credentials;
    private final LoginService loginService;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final SecretCipher cipher;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final IamSecurityProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AccountSecurityService(CredentialStore credentials, LoginService loginService, PasswordPolicy policy,
            PasswordEncoder encoder, SecretCipher cipher, CurrentUser currentUser, AuditTrail audit,
            IamSecurityProperties properties, Clock clock) {
        this.credentials = credentials;
        this.loginService = loginService;
        this.policy = policy;
        this.encoder = encoder;
        this.cipher = cipher;
        this.currentUser = currentUser;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Status status() {
        StaffPrincipal me = currentUser.require();
        Credential c = credential(me);
        IamSecurityProperties.Password rules = properties.password();
        Instant expires = rules.expires() ? c.passwordChangedAt().plus(rules.expiry()) : null;
        return new Status(c.passwordChangedAt(), expires, loginService.passwordMustChange(c), c.totpEnabled(),
                !c.totpEnabled() && c.totpSecretSealed() != null, loginService.secondFactorRequired(me),
                c.totpEnabled() ? credentials.unusedRecoveryCodes(me.accountId()) : 0);
    }

    /**
     * Changes the password after checking the current one, the policy and the history; records
     * {@code iam.password.changed}.
     *
     * @return the broken rules; empty when the password was changed
     */
    @Transactional
    public List<PasswordPolicy.Violation> changePassword(String currentPassword, String newPassword,
            String confirmation) {
        StaffPrincipal me = currentUser.require();
        Credential c = credential(me);
        if (c.lockedAt(clock.instant())) {
            return List.of(new PasswordPolicy.Violation("account.error.locked"));
        }
        if (currentPassword == null || currentPassword.isEmpty() || !encoder.matches(currentPassword, c.passwordHash())) {
            boolean locked = refuse(me, "PASSWORD_CHANGE", "BAD_PASSWORD");
            return List.of(new PasswordPolicy.Violation(locked ? "account.error.locked" : "account.password.current-wrong"));
        }
        List<PasswordPolicy.Violation> violations = new ArrayList<>(policy.check(newPassword, me.staffNo()));
        if (newPassword != null && !newPassword.equals(confirmation)) {
            violations.add(new PasswordPolicy.Violation("iam.password.mismatch"));
        }
        if (violations.isEmpty() && isInHistory(me.accountId(), newPassword)) {
            violations.add(new PasswordPolicy.Violation("iam.password.reused", properties.password().history()));
        }
        if (!violations.isEmpty()) {
            return violations;
        }
        credentials.changePassword(me.accountId(), encoder.encode(newPassword), clock.instant(), false);
        audit.record(AuditEntry.allowed("iam.password.changed", "account", me.accountId(), Map.of("by", "SELF")));
        return List.of();
    }

    /**
     * Starts setting up, or re-enrolling, the authenticator app: proves the person with the current password
     * and, when a second factor is already in use, a current code or a recovery code. The old factor and its
     * recovery codes stop working; the new one works once confirmed. Records {@code iam.totp.enrolment-started}.
     *
     * @throws BaomiException INVALID with the reason the person was not proven
     */
    @Transactional(noRollbackFor = BaomiException.class)
    public LoginService.Enrolment startEnrolment(String currentPassword, String code) {
        StaffPrincipal me = currentUser.require();
        Credential c = credential(me);
        Instant now = clock.instant();
        if (c.lockedAt(now)) {
            throw BaomiException.invalid("account.error.locked");
        }
        if (currentPassword == null || currentPassword.isEmpty() || !encoder.matches(currentPassword, c.passwordHash())) {
            throw refused(me, "TOTP_ENROLMENT", "BAD_PASSWORD", "account.password.current-wrong");
        }
        if (c.totpEnabled() && !totpMatches(me.accountId(), c, code) && !recoveryCodeMatches(me.accountId(), code, now)) {
            throw refused(me, "TOTP_ENROLMENT", "BAD_CODE", "account.error.bad-code");
        }
        // A fresh start: the old secret, its last used step and its recovery codes go together.
        credentials.resetTotp(me.accountId());
        LoginService.Enrolment enrolment = loginService.beginEnrolment(me.accountId());
        audit.record(AuditEntry.allowed("iam.totp.enrolment-started", "account", me.accountId(),
                Map.of("reenrolment", c.totpEnabled())));
        return enrolment;
    }

    /** The enrolment waiting for its first code, to show its QR code again. */
    @Transactional(readOnly = true)
    public Optional<LoginService.Enrolment> pendingEnrolment() {
        StaffPrincipal me = currentUser.require();
        Credential c = credential(me);
        if (c.totpEnabled() || c.totpSecretSealed() == null) {
            return Optional.empty();
        }
        String secret = cipher.decrypt(c.totpSecretSealed());
        return Optional.of(new LoginService.Enrolment(secret,
                Totp.otpauthUri(properties.totp().issuer(), me.staffNo(), secret)));
    }

    /**
     * Confirms the pending enrolment with a code from the app; returns the new recovery codes, shown once.
     * Records {@code iam.totp.enrolled}.
     *
     * @throws BaomiException INVALID when nothing is pending or the code is wrong
     */
    @Transactional
    public List<String> confirmEnrolment(String code, String source) {
        StaffPrincipal me = currentUser.require();
        Credential c = credential(me);
        if (c.totpEnabled() || c.totpSecretSealed() == null) {
            throw BaomiException.invalid("account.totp.nothing-pending");
        }
        return loginService.confirmEnrolment(me.accountId(), code, source)
                .orElseThrow(() -> BaomiException.invalid("account.totp.bad-code"));
    }

    /**
     * Replaces the recovery codes after a current code from the app; returns the new codes, shown once.
     * Records {@code iam.recovery-codes.regenerated}.
     *
     * @throws BaomiException INVALID without a second factor, or with a wrong code
     */
    @Transactional(noRollbackFor = BaomiException.class)
    public List<String> regenerateRecoveryCodes(String code) {
        StaffPrincipal me = currentUser.require();
        Credential c = credential(me);
        Instant now = clock.instant();
        if (!c.totpEnabled()) {
            throw BaomiException.invalid("account.recovery.totp-required");
        }
        if (c.lockedAt(now)) {
            throw BaomiException.invalid("account.error.locked");
        }
        if (!totpMatches(me.accountId(), c, code)) {
            throw refused(me, "RECOVERY_CODES", "BAD_CODE", "account.error.bad-code");
        }
        List<String> codes = newRecoveryCodes(me.accountId(), now);
        audit.record(AuditEntry.allowed("iam.recovery-codes.regenerated", "account", me.accountId(),
                Map.of("count", codes.size())));
        return codes;
    }

    private Credential credential(StaffPrincipal me) {
        return credentials.find(me.accountId())
                .orElseThrow(() -> BaomiException.notFound("account.error.no-credential"));
    }

    private boolean isInHistory(long accountId, String newPassword) {
        int history = Math.max(properties.password().history(), 1);
        return credentials.recentPasswordHashes(accountId, history).stream()
                .anyMatch(hash -> encoder.matches(newPassword, hash));
    }

    /** ACC-7: a code is accepted once; only a step later than the last one used counts. */
    private boolean totpMatches(long accountId, Credential c, String code) {
        String trimmed = code == null ? "" : code.strip().replace(" ", "");
        if (c.totpSecretSealed() == null || !trimmed.matches("\\d{" + Totp.DIGITS + "}")) {
            return false;
        }
        OptionalLong step = Totp.matchingStep(cipher.decrypt(c.totpSecretSealed()), trimmed, clock.instant());
        return step.isPresent() && credentials.consumeTotpStep(accountId, step.getAsLong());
    }

    private boolean recoveryCodeMatches(long accountId, String code, Instant now) {
        String trimmed = code == null ? "" : code.strip();
        return !trimmed.isEmpty() && trimmed.length() <= 64
                && credentials.consumeRecoveryCode(accountId, LoginService.hashRecoveryCode(trimmed), now);
    }

    private BaomiException refused(StaffPrincipal me, String purpose, String reason, String messageKey) {
        boolean locked = refuse(me, purpose, reason);
        return BaomiException.invalid(locked ? "account.error.locked" : messageKey);
    }

    /**
     * Counts a failed proof like a failed login (ACC-7) and audits it in its own transaction (ACC-8).
     *
     * @return whether this failure locked the account
     */
    private boolean refuse(StaffPrincipal me, String purpose, String reason) {
        Instant now = clock.instant();
        IamSecurityProperties.Lockout lockout = properties.lockout();
        CredentialStore.FailureResult result = credentials.recordFailure(me.accountId(), now,
                now.minus(lockout.window()), lockout.maxFailures(), now.plus(lockout.duration()));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("purpose", purpose);
        facts.put("reason", reason);
        facts.put("failedCount", result.failedCount());
        audit.recordIndependently(new AuditEntry(null, "iam.reauthentication.failed", "account",
                Long.toString(me.accountId()), null, AuditOutcome.DENIED, "account.error.reauthentication", facts));
        boolean lockedNow = result.lockedUntil() != null && result.lockedUntil().isAfter(now)
                && result.failedCount() >= lockout.maxFailures();
        if (lockedNow) {
            audit.recordIndependently(new AuditEntry(null, "iam.account.locked", "account",
                    Long.toString(me.accountId()), null, AuditOutcome.DENIED, "iam.login.error.locked",
                    Map.of("lockedUntil", result.lockedUntil().toString(), "failedCount", result.failedCount())));
        }
        return lockedNow;
    }

    /** Same form as the codes given at enrolment: ten groups of 5+5 base32 characters, stored hashed. */
    private List<String> newRecoveryCodes(long accountId, Instant now) {
        List<String> plain = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            byte[] bytes = new byte[7];
            random.nextBytes(bytes);
            String code = Totp.base32(bytes).substring(0, 10).toLowerCase(Locale.ROOT);
            String shown = code.substring(0, 5) + "-" + code.substring(5);
            plain.add(shown);
            hashes.add(LoginService.hashRecoveryCode(shown));
        }
        credentials.replaceRecoveryCodes(accountId, hashes, now);
        return plain;
    }
}
