package org.baomi.privacy.internal.selfservice;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.baomi.audit.ActorKind;
import org.baomi.audit.AuditActor;
import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.privacy.SelfServiceSession;
import org.baomi.privacy.SelfServiceSignIn;
import org.baomi.shared.BaomiException;
import org.baomi.vault.VaultKeys;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * ACC-5 identity: name + ID number + one-time code. Throttled before anything is looked up; every mismatch gets the
 * same answer (no account enumeration); the bookkeeping of a failure (wrong tries, the attempt) commits although
 * the sign-in is refused, and the failure is audited in its own transaction.
 */
@Service
class SignInService implements SelfServiceSignIn {

    static final String SIGN_IN = "SIGN_IN";
    static final String SMS = "SMS";
    /** Label of the vault-derived secret that keys the ID-number hashes of the throttle table. */
    static final String ID_NUMBER_KEY = "privacy/self-service/id-number";

    private final SelfServiceStore store;
    private final CodeIssuer codes;
    private final SmsGateway sms;
    private final SelfServiceSettings settings;
    private final SelfServiceSessions sessions;
    private final AuditTrail audit;
    private final VaultKeys vaultKeys;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SignInService(SelfServiceStore store, CodeIssuer codes, SmsGateway sms, SelfServiceSettings settings,
            SelfServiceSessions sessions, AuditTrail audit, VaultKeys vaultKeys,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.store = store;
        this.codes = codes;
        this.sms = sms;
        this.settings = settings;
        this.sessions = sessions;
        this.audit = audit;
        this.vaultKeys = vaultKeys;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Name and ID number as compared with the directory: trimmed, the check character X in capitals. */
    private record Claim(String name, String idNumber, String idNumberHash, String address) {
    }

    private Claim claim(String name, String idNumber, String clientAddress) {
        String n = name == null ? "" : name.strip();
        String id = idNumber == null ? "" : idNumber.strip().toUpperCase(Locale.ROOT);
        if (n.isEmpty() || id.isEmpty() || n.length() > 100 || id.length() > 40) {
            throw BaomiException.invalid("privacy-self.sign-in.error.input");
        }
        String address = clientAddress == null || clientAddress.isBlank() ? "unknown" : clientAddress.strip();
        return new Claim(n, id, idNumberHash(id), address.length() > 100 ? address.substring(0, 100) : address);
    }

    /**
     * ACC-5: the throttle table's key for an ID number, an HMAC under a secret derived from the vault's master key
     * (outside the database): a database copy alone does not reveal which ID numbers tried to sign in, although the
     * 18-digit numbers are few enough to try them all against a plain hash. A master-key rotation changes the key,
     * so failure counts younger than the window restart once then (documented in docs/privacy.md).
     */
    String idNumberHash(String normalisedIdNumber) {
        return Secrets.keyedHash(vaultKeys.derivedSecret(ID_NUMBER_KEY), normalisedIdNumber);
    }

    @Override
    public void sendCode(String name, String idNumber, String clientAddress) {
        Claim claim = claim(name, idNumber, clientAddress);
        Instant now = clock.instant();
        Instant since = now.minus(settings.failureWindow());
        if (throttled(claim, since) || store.smsSentSince(claim.idNumberHash(), since) >= settings.smsLimit()) {
            refuseThrottled(claim, SMS);
        }
        Boolean sent = transactions.execute(tx -> {
            List<SelfServiceStore.Patient> found = store.byIdNumberAndName(claim.idNumber(), claim.name());
            SelfServiceStore.Patient patient = found.size() == 1 ? found.get(0) : null;
            boolean ok = patient != null && patient.phone() != null && !patient.phone().isBlank();
            store.recordAttempt(SMS, claim.idNumberHash(), claim.address(), now, ok);
            if (!ok) {
                return false;
            }
            String code = codes.issue(patient.id(), "SMS", null);
            audit.record(new AuditEntry(anonymous(claim), "privacy.self.code.sent", "self-service-code", null, null,
                    AuditOutcome.ALLOWED, null, Map.of("channel", "SMS")).withPatient(Long.toString(patient.id())));
            // sent in the transaction: if the gateway fails, the code is not kept either
            sms.sendCode(patient.phone(), code, settings.codeValidity().toMinutes(),
                    LocaleContextHolder.getLocale().getLanguage());
            return true;
        });
        if (!Boolean.TRUE.equals(sent)) {
            audit.recordIndependently(new AuditEntry(anonymous(claim), "privacy.self.code.refused",
                    "self-service-code", null, null, AuditOutcome.FAILED, "privacy-self.sign-in.refused",
                    Map.of("channel", "SMS")));
        }
    }

    /** Why a sign-in failed, for the audit record only (the person is told nothing of it). */
    private record Outcome(SelfServiceSession session, String reason, Long patientId) {
    }

    @Override
    public SelfServiceSession signIn(String name, String idNumber, String code, String clientAddress) {
        Claim claim = claim(name, idNumber, clientAddress);
        String typed = code == null ? "" : code.strip();
        if (throttled(claim, clock.instant().minus(settings.failureWindow()))) {
            refuseThrottled(claim, SIGN_IN);
        }
        Outcome outcome = transactions.execute(tx -> attempt(claim, typed, clock.instant()));
        if (outcome.session() != null) {
            return outcome.session();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", outcome.reason());
        AuditEntry failed = new AuditEntry(anonymous(claim), "privacy.self.sign-in.failed", "self-service-session",
                null, null, AuditOutcome.FAILED, "privacy-self.sign-in.refused", details);
        audit.recordIndependently(outcome.patientId() == null ? failed
                : failed.withPatient(Long.toString(outcome.patientId())));
        throw BaomiException.invalid("privacy-self.sign-in.refused");
    }

    private Outcome attempt(Claim claim, String typed, Instant now) {
        List<SelfServiceStore.Patient> found = store.byIdNumberAndName(claim.idNumber(), claim.name());
        if (found.isEmpty()) {
            store.recordAttempt(SIGN_IN, claim.idNumberHash(), claim.address(), now, false);
            return new Outcome(null, "identity", null);
        }
        List<Long> ids = found.stream().map(SelfServiceStore.Patient::id).toList();
        List<SelfServiceStore.Code> usable = store.usableCodes(ids, now, settings.codeAttempts());
        Long patientId = found.size() == 1 ? found.get(0).id() : null;
        if (usable.isEmpty()) {
            store.recordAttempt(SIGN_IN, claim.idNumberHash(), claim.address(), now, false);
            return new Outcome(null, "no-usable-code", patientId);
        }
        for (SelfServiceStore.Code c : usable) {
            if (typed.matches("\\d{6}") && Secrets.matches(c.hash(), Secrets.codeHash(c.salt(), c.patientId(), typed))
                    && store.useCode(c.id(), now)) {
                store.recordAttempt(SIGN_IN, claim.idNumberHash(), claim.address(), now, true);
                SelfServiceStore.Patient patient = found.stream().filter(p -> p.id() == c.patientId()).findFirst()
                        .orElseThrow();
                String token = Secrets.newToken();
                String hash = Secrets.hash(token);
                long sessionId = store.insertSession(hash, patient.id(), c.id(), claim.address(), now);
                audit.record(new AuditEntry(SelfServiceSessions.actor(patient, SelfServiceSessions.reference(hash)),
                        "privacy.self.signed-in", "self-service-session", Long.toString(sessionId), null,
                        AuditOutcome.ALLOWED, null, Map.of("codeId", c.id()))
                        .withPatient(Long.toString(patient.id())));
                return new Outcome(new SelfServiceSession(token, patient.name(),
                        now.plus(settings.idleTimeout())), null, patient.id());
            }
        }
        store.countWrongTry(usable.stream().map(SelfServiceStore.Code::id).toList());
        store.recordAttempt(SIGN_IN, claim.idNumberHash(), claim.address(), now, false);
        return new Outcome(null, "wrong-code", patientId);
    }

    @Override
    public void signOut(String token) {
        transactions.executeWithoutResult(tx -> {
            SelfServiceSessions.Active active;
            try {
                active = sessions.require(token);
            } catch (BaomiException e) {
                return;
            }
            if (store.endSession(active.sessionId(), clock.instant())) {
                audit.record(new AuditEntry(active.actor(), "privacy.self.signed-out", "self-service-session",
                        Long.toString(active.sessionId()), null, AuditOutcome.ALLOWED, null, Map.of())
                        .withPatient(Long.toString(active.patient().id())));
            }
        });
    }

    private boolean throttled(Claim claim, Instant since) {
        long[] failures = store.failuresSince(claim.idNumberHash(), claim.address(), since);
        return failures[0] >= settings.failureLimit() || failures[1] >= settings.failureLimit();
    }

    private void refuseThrottled(Claim claim, String kind) {
        audit.recordIndependently(new AuditEntry(anonymous(claim), "privacy.self.sign-in.throttled",
                "self-service-session", null, null, AuditOutcome.DENIED, "privacy-self.sign-in.throttled",
                Map.of("kind", kind, "windowMinutes", settings.failureWindow().toMinutes())));
        throw new BaomiException(BaomiException.Kind.TOO_MANY_REQUESTS, "privacy-self.sign-in.throttled",
                settings.failureWindow().toMinutes());
    }

    /** Someone not yet identified: no name in the trail (it could be anyone's), only the client address. */
    private static AuditActor anonymous(Claim claim) {
        return new AuditActor(null, null, null, ActorKind.ANONYMOUS, claim.address(), null);
    }
}
