package org.baomi.privacy.internal.selfservice;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Issues one-time codes (ACC-5): one usable code per patient at a time, kept as a salted hash only. */
@Component
class CodeIssuer {

    private final SelfServiceStore store;
    private final SelfServiceSettings settings;
    private final Clock clock;

    CodeIssuer(SelfServiceStore store, SelfServiceSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /** A new code for the patient, voiding the ones before; returns the code in clear, once. */
    @Transactional(propagation = Propagation.MANDATORY)
    String issue(long patientId, String channel, Long issuedBy) {
        Instant now = clock.instant();
        store.voidCodes(patientId, now);
        String code = Secrets.newCode();
        byte[] salt = Secrets.newSalt();
        store.insertCode(patientId, channel, salt, Secrets.codeHash(salt, patientId, code), issuedBy, now,
                now.plus(settings.codeValidity()));
        return code;
    }

    Instant expiry() {
        return clock.instant().plus(settings.codeValidity());
    }
}
