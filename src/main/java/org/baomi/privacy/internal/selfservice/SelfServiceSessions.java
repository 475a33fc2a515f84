package org.baomi.privacy.internal.selfservice;

import java.time.Clock;
import java.time.Instant;

import org.baomi.audit.ActorKind;
import org.baomi.audit.AuditActor;
import org.baomi.shared.BaomiException;
import org.springframework.stereotype.Component;

/**
 * Patient sessions (ACC-5): separate from staff logins, found by the hash of the browser's token, ended after the
 * idle timeout or the maximum length. The audit actor of a patient is built here.
 */
@Component
class SelfServiceSessions {

    private final SelfServiceStore store;
    private final SelfServiceSettings settings;
    private final Clock clock;

    SelfServiceSessions(SelfServiceStore store, SelfServiceSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /** A live session and its patient. */
    record Active(long sessionId, SelfServiceStore.Patient patient, String sessionRef) {
        AuditActor actor() {
            return SelfServiceSessions.actor(patient, sessionRef);
        }
    }

    /**
     * The live session of this token, marked as used now; call inside the caller's transaction.
     *
     * @throws BaomiException UNAUTHENTICATED {@code privacy-self.session.expired}
     */
    Active require(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw expired();
        }
        String hash = Secrets.hash(token);
        SelfServiceStore.Session session = store.session(hash).orElseThrow(SelfServiceSessions::expired);
        Instant now = clock.instant();
        if (session.endedAt() != null || !now.isBefore(session.lastSeenAt().plus(settings.idleTimeout()))
                || !now.isBefore(session.startedAt().plus(settings.maxSession()))) {
            throw expired();
        }
        store.touchSession(session.id(), now);
        SelfServiceStore.Patient patient = store.patient(session.patientId()).orElseThrow(SelfServiceSessions::expired);
        return new Active(session.id(), patient, reference(hash));
    }

    /** AUD-1: the trail can group a session's entries but never holds the token or its full hash. */
    static String reference(String tokenHash) {
        return "self:" + tokenHash.substring(0, 16);
    }

    /**
     * A patient as the audit actor: kind PATIENT, no account id (patients are not staff accounts), named by MRN so
     * that the trail does not spread the patient's name.
     */
    static AuditActor actor(SelfServiceStore.Patient patient, String sessionRef) {
        return new AuditActor(null, patient.mrn(), null, ActorKind.PATIENT, null, sessionRef);
    }

    static BaomiException expired() {
        return new BaomiException(BaomiException.Kind.UNAUTHENTICATED, "privacy-self.session.expired");
    }
}
