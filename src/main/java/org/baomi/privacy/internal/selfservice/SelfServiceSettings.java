package org.baomi.privacy.internal.selfservice;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The hospital's settings of patient self-service ({@code baomi.privacy.self-service.*}, ACC-5), with safe defaults:
 * codes valid 10 minutes and void after 5 wrong tries; 5 failures in 15 minutes per ID number or client address
 * refuse further attempts until they are 15 minutes old; at most 3 SMS codes per ID number in that window; sessions
 * end after 10 idle minutes or 60 minutes in all; a desk clerk issues at most 30 codes an hour; names of accessing
 * staff hidden from patients unless the policy says otherwise.
 */
@Component
public class SelfServiceSettings {

    private final Duration codeValidity;
    private final int codeAttempts;
    private final int failureLimit;
    private final Duration failureWindow;
    private final int smsLimit;
    private final Duration idleTimeout;
    private final Duration maxSession;
    private final boolean disclosureNames;
    private final int deskLimit;
    private final Duration deskWindow;

    SelfServiceSettings(@Value("${baomi.privacy.self-service.code-validity:PT10M}") Duration codeValidity,
            @Value("${baomi.privacy.self-service.code-attempts:5}") int codeAttempts,
            @Value("${baomi.privacy.self-service.failure-limit:5}") int failureLimit,
            @Value("${baomi.privacy.self-service.failure-window:PT15M}") Duration failureWindow,
            @Value("${baomi.privacy.self-service.sms-limit:3}") int smsLimit,
            @Value("${baomi.privacy.self-service.idle-timeout:PT10M}") Duration idleTimeout,
            @Value("${baomi.privacy.self-service.max-session:PT60M}") Duration maxSession,
            @Value("${baomi.privacy.self-service.disclosure-names:false}") boolean disclosureNames,
            @Value("${baomi.privacy.self-service.desk-limit:30}") int deskLimit,
            @Value("${baomi.privacy.self-service.desk-window:PT1H}") Duration deskWindow) {
        this.codeValidity = codeValidity;
        this.codeAttempts = codeAttempts;
        this.failureLimit = failureLimit;
        this.failureWindow = failureWindow;
        this.smsLimit = smsLimit;
        this.idleTimeout = idleTimeout;
        this.maxSession = maxSession;
        this.disclosureNames = disclosureNames;
        this.deskLimit = deskLimit;
        this.deskWindow = deskWindow;
    }

    public Duration codeValidity() {
        return codeValidity;
    }

    public int codeAttempts() {
        return codeAttempts;
    }

    public int failureLimit() {
        return failureLimit;
    }

    public Duration failureWindow() {
        return failureWindow;
    }

    public int smsLimit() {
        return smsLimit;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    public Duration maxSession() {
        return maxSession;
    }

    public boolean disclosureNames() {
        return disclosureNames;
    }

    /** At most this many desk codes per clerk in {@link #deskWindow()} (default 30 an hour). */
    public int deskLimit() {
        return deskLimit;
    }

    public Duration deskWindow() {
        return deskWindow;
    }
}
