package org.baomi.privacy.internal.selfservice;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.PermissionGuard;
import org.baomi.iam.StaffPrincipal;
import org.baomi.privacy.SelfServiceCode;
import org.baomi.privacy.SelfServiceDesk;
import org.baomi.privacy.SelfServicePatient;
import org.baomi.privacy.SelfServicePermissions;
import org.baomi.shared.BaomiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The desk's side of ACC-5: find the patient at the desk, issue a code shown once. Permission first, then audit. */
@Service
class DeskService implements SelfServiceDesk {

    private static final Pattern QUERY = Pattern.compile("[A-Za-z0-9-]{1,40}");

    private final SelfServiceStore store;
    private final CodeIssuer codes;
    private final PermissionGuard guard;
    private final AuditTrail audit;
    private final SelfServiceSettings settings;
    private final Clock clock;

    DeskService(SelfServiceStore store, CodeIssuer codes, PermissionGuard guard, AuditTrail audit,
            SelfServiceSettings settings, Clock clock) {
        this.store = store;
        this.codes = codes;
        this.guard = guard;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<SelfServicePatient> find(String mrnOrIdNumber) {
        guard.require(SelfServicePermissions.ISSUE_CODE);
        String query = mrnOrIdNumber == null ? "" : mrnOrIdNumber.strip();
        if (!QUERY.matcher(query).matches()) {
            throw BaomiException.invalid("privacy-self.desk.error.query");
        }
        // MRNs as the HIS wrote them; ID numbers with the check character X in capitals
        List<SelfServicePatient> found = store.byMrnOrIdNumber(query, query.toUpperCase(Locale.ROOT)).stream()
                .map(p -> new SelfServicePatient(p.id(), p.mrn(), p.name(), p.birthDate(), maskIdNumber(p.idNumber()),
                        p.phone() != null && !p.phone().isBlank()))
                .toList();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("count", found.size());
        details.put("patients", found.stream().map(SelfServicePatient::id).toList());
        audit.record(AuditEntry.allowed("privacy.self.desk.searched", "patient", null, details));
        return found;
    }

    @Override
    @Transactional
    public SelfServiceCode issueCode(long patientId) {
        StaffPrincipal clerk = guard.require(SelfServicePermissions.ISSUE_CODE);
        SelfServiceStore.Patient patient = store.patient(patientId)
                .orElseThrow(() -> BaomiException.notFound("privacy-self.desk.error.not-found"));
        // ACC-5: a clerk issues at most desk-limit codes per desk-window (a stolen desk session or a clerk signing in
        // patients wholesale stands out); the lock makes concurrent requests of one clerk count one after another
        store.lockClerk(clerk.accountId());
        long issued = store.deskCodesSince(clerk.accountId(), clock.instant().minus(settings.deskWindow()));
        if (issued >= settings.deskLimit()) {
            audit.recordIndependently(new AuditEntry(null, "privacy.self.code.refused", "self-service-code", null,
                    null, AuditOutcome.DENIED, "privacy-self.desk.error.limit",
                    Map.of("channel", "DESK", "issuedInWindow", issued, "limit", settings.deskLimit()))
                    .withPatient(Long.toString(patient.id())));
            throw new BaomiException(BaomiException.Kind.TOO_MANY_REQUESTS, "privacy-self.desk.error.limit");
        }
        String code = codes.issue(patient.id(), "DESK", clerk.accountId());
        Instant expires = codes.expiry();
        audit.record(AuditEntry.allowed("privacy.self.code.issued", "self-service-code", null,
                Map.of("channel", "DESK", "expiresAt", expires.toString())).withPatient(Long.toString(patient.id())));
        return new SelfServiceCode(patient.id(), patient.mrn(), patient.name(), code, expires);
    }

    /** PAT-3: the desk sees the first four and the last four characters, enough to compare with the card. */
    static String maskIdNumber(String idNumber) {
        if (idNumber == null || idNumber.length() < 8) {
            return idNumber == null ? null : "********";
        }
        return idNumber.substring(0, 4) + "*".repeat(idNumber.length() - 8) + idNumber.substring(idNumber.length() - 4);
    }
}
