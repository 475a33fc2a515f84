package org.baomi.privacy;

/**
 * A patient proves identity with name, ID number and a one-time code (issue 6 item 4, ACC-5). No staff principal is
 * involved. Answers never tell whether a patient exists: a wrong name, a wrong ID number, a wrong, used or expired
 * code all get the same refusal. Throttled per ID number and per client address (by default: after 5 failures in
 * 15 minutes, refused until they are 15 minutes old).
 */
public interface SelfServiceSignIn {

    /**
     * Sends a new code to the phone on file when name and ID number match a patient who has one, through the SMS
     * gateway; otherwise does nothing visible (the same answer either way). Audit: {@code privacy.self.code.sent}
     * (patient id, channel SMS) or {@code privacy.self.code.refused} (FAILED, own transaction).
     *
     * @throws org.baomi.shared.BaomiException TOO_MANY_REQUESTS {@code privacy-self.sign-in.throttled};
     *                                         INVALID {@code privacy-self.sign-in.error.input} for missing or
     *                                         overlong input
     */
    void sendCode(String name, String idNumber, String clientAddress);

    /**
     * Signs the patient in: the code must be one issued for the patient with this name and ID number, unused, not
     * expired, not voided by too many wrong tries; it is used up. Audit: {@code privacy.self.signed-in} with the
     * patient id (actor kind PATIENT); a failure {@code privacy.self.sign-in.failed} (FAILED, own transaction); a
     * throttled attempt {@code privacy.self.sign-in.throttled} (DENIED, own transaction).
     *
     * @throws org.baomi.shared.BaomiException INVALID {@code privacy-self.sign-in.refused} for any mismatch;
     *                                         TOO_MANY_REQUESTS {@code privacy-self.sign-in.throttled}
     */
    SelfServiceSession signIn(String name, String idNumber, String code, String clientAddress);

    /** Ends the session (no effect on an unknown or ended one). Audit: {@code privacy.self.signed-out}. */
    void signOut(String token);
}
