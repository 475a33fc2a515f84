package org.baomi.iam.internal.login;

/**
 * The steps of signing in after the password: the second factor, a forced password change (first login,
 * reset, expiry), and enrolment of a second factor where it is mandatory (ACC-7). Factors are verified
 * before the password may be changed.
 */
public enum LoginStep {
    TOTP("/login/totp"),
    CHANGE_PASSWORD("/login/password"),
    ENROL_TOTP("/login/enrol"),
    COMPLETE("/");

    private final String path;

    LoginStep(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    /** The only authority a session holds while this step is pending. */
    public String authority() {
        return "LOGIN_STEP_" + name();
    }
}
