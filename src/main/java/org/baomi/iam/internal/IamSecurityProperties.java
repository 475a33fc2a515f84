package org.baomi.iam.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Login security settings (ACC-7, ACC-8). Defaults follow 等保三级 practice and OWASP ASVS level 2.
 *
 * @param password password rules
 * @param lockout  account lockout and per-source throttling
 * @param session  session time-outs and the single-session rule
 * @param totp     two-factor settings
 */
@ConfigurationProperties("baomi.security")
public record IamSecurityProperties(Password password, Lockout lockout, Session session, Totp totp) {

    public IamSecurityProperties {
        password = password == null ? new Password(10, 3, 128, 5, Duration.ofDays(90)) : password;
        lockout = lockout == null ? new Lockout(5, Duration.ofMinutes(15), Duration.ofMinutes(15), 20, Duration.ofMinutes(15)) : lockout;
        session = session == null ? new Session(Duration.ofMinutes(15), Duration.ofHours(12), false) : session;
        totp = totp == null ? new Totp("Baomi", null) : totp;
    }

    /**
     * @param minLength  at least this many characters
     * @param minClasses at least this many of: lower case, upper case, digits, other characters
     * @param maxLength  at most this many characters (at least 64 must be allowed)
     * @param history    a new password may not repeat any of this many previous ones
     * @param expiry     a password older than this must be changed; zero switches expiry off
     */
    public record Password(int minLength, int minClasses, int maxLength, int history, Duration expiry) {
        public boolean expires() {
            return expiry != null && !expiry.isZero() && !expiry.isNegative();
        }
    }

    /**
     * @param maxFailures       failures within the window that lock the account
     * @param window            the counting window
     * @param duration          how long a lock lasts
     * @param sourceMaxFailures failures from one address within the source window that throttle that address
     * @param sourceWindow      the source counting window
     */
    public record Lockout(int maxFailures, Duration window, Duration duration, int sourceMaxFailures,
            Duration sourceWindow) {
    }

    /**
     * @param idleTimeout     a session unused for this long ends
     * @param absoluteTimeout a session ends this long after sign-in whatever its use
     * @param singleSession   signing in ends the person's other sessions
     */
    public record Session(Duration idleTimeout, Duration absoluteTimeout, boolean singleSession) {
    }

    /**
     * @param issuer        the name shown in authenticator apps
     * @param encryptionKey base64 AES-256 key that encrypts TOTP secrets at rest; every instance needs the same
     *                      one. When empty, a key file is created under the data directory on first start.
     */
    public record Totp(String issuer, String encryptionKey) {
    }
}
