package org.baomi.iam.internal.login;

import org.springframework.security.core.AuthenticationException;

/** A refused login step; {@link #code()} names the reason shown to the person (never more than that). */
public class LoginRefusedException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    /** Reasons shown on the login page, as short codes in the redirect URL. */
    public enum Reason {
        BAD_CREDENTIALS("bad-credentials"),
        LOCKED("locked"),
        THROTTLED("throttled"),
        DISABLED("disabled"),
        BAD_CODE("bad-code");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public LoginRefusedException(Reason reason) {
        super(reason.code());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String code() {
        return reason.code();
    }
}
