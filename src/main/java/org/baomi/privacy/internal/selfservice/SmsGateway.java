package org.baomi.privacy.internal.selfservice;

/**
 * Sends a patient's one-time code to the phone on file (ACC-5). The hospital's SMS provider implements it in
 * production; Baomi ships only {@link LoggingSmsGateway}, a test double that sends nothing.
 */
public interface SmsGateway {

    /**
     * Sends the code.
     *
     * @param phone     the phone number on file
     * @param code      the six digits; implementations never log it
     * @param minutes   how long it is valid, for the text of the message
     * @param language  "zh" or "en"
     */
    void sendCode(String phone, String code, long minutes, String language);
}
