package org.baomi.print.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.CurrentUser;
import org.baomi.iam.PermissionGuard;
import org.baomi.iam.StaffLookup;
import org.baomi.iam.StaffPrincipal;
import org.baomi.print.PrintPermissions;
import org.baomi.print.TraceCode;
import org.baomi.print.TraceCodes;
import org.baomi.print.TraceRecord;
import org.baomi.print.TraceRequest;
import org.baomi.print.TraceSource;
import org.baomi.shared.BaomiException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Issue 5 item 5 (DOC-3, AUD-1): issuing trace codes with the export, and the office's lookup. */
@Service
class TraceCodeService implements TraceCodes {

    /** 55 random bits make a collision rare; a few retries make it harmless. */
    private static final int ATTEMPTS = 5;
    private static final int MAX_OBJECT_TYPE = 40;
    private static final int MAX_OBJECT_ID = 64;
    private static final int MAX_TYPED = 40;

    private final TraceStore store;
    private final StaffLookup staff;
    private final CurrentUser currentUser;
    private final PermissionGuard guard;
    private final AuditTrail audit;
    private final Clock clock;
    private final ObjectProvider<TraceSource> otherSources;
    private final SecureRandom random = new SecureRandom();

    TraceCodeService(TraceStore store, StaffLookup staff, CurrentUser currentUser, PermissionGuard guard,
            AuditTrail audit, Clock clock, ObjectProvider<TraceSource> otherSources) {
        this.store = store;
        this.staff = staff;
        this.currentUser = currentUser;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
        this.otherSources = otherSources;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public TraceCode issue(TraceRequest request) {
        String objectType = request.objectType().strip();
        String objectId = request.objectId().strip();
        if (objectType.isEmpty() || objectType.length() > MAX_OBJECT_TYPE || objectId.isEmpty()
                || objectId.length() > MAX_OBJECT_ID) {
            throw BaomiException.invalid("print.error.trace.object");
        }
        StaffPrincipal person = staff.activeById(request.personId())
                .orElseThrow(() -> BaomiException.invalid("print.error.trace.unknown-person"));
        Long issuedBy = currentUser.principal().map(StaffPrincipal::accountId).orElse(null);
        // the database keeps microseconds: the time read back is the time stored
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            TraceCode code = TraceCode.random(random);
            TraceRecord row = new TraceRecord(code, person.accountId(), person.staffNo(), person.fullName(),
                    objectType, objectId, request.level(), request.purpose(), now, issuedBy);
            if (store.insert(row)) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("traceCode", code.value());
                details.put("personId", person.accountId());
                details.put("staffNo", person.staffNo());
                details.put("purpose", request.purpose().name());
                audit.record(new AuditEntry(null, "print.trace.issued", objectType, objectId, request.level(),
                        AuditOutcome.ALLOWED, null, details));
                return code;
            }
        }
        throw new IllegalStateException("no free trace code after " + ATTEMPTS + " attempts");
    }

    @Override
    @Transactional
    public Optional<TraceRecord> lookup(String typed) {
        guard.require(PrintPermissions.TRACE_LOOKUP);
        Optional<TraceCode> parsed = TraceCode.parse(typed);
        if (parsed.isEmpty()) {
            // AUD-1: a failed lookup is kept too (in its own transaction), with what was typed, clipped
            String shown = typed == null ? "" : typed.strip();
            audit.recordIndependently(new AuditEntry(null, "print.trace.looked-up", "print-trace", null, null,
                    AuditOutcome.FAILED, "print.error.trace.malformed",
                    Map.of("typed", shown.length() > MAX_TYPED ? shown.substring(0, MAX_TYPED) : shown)));
            throw BaomiException.invalid("print.error.trace.malformed");
        }
        TraceCode code = parsed.get();
        // codes of copies held by patients (self-service prints) are recorded by their module: ask those too
        Optional<TraceRecord> found = store.find(code).or(() -> otherSources.orderedStream()
                .map(source -> source.find(code)).flatMap(Optional::stream).findFirst());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("traceCode", code.value());
        details.put("found", found.isPresent());
        found.ifPresent(r -> {
            details.put("holder", r.holder().name());
            details.put("personId", r.personId());
            details.put("objectType", r.objectType());
            details.put("objectId", r.objectId());
        });
        AuditEntry entry = new AuditEntry(null, "print.trace.looked-up", "print-trace", code.value(),
                found.map(TraceRecord::level).orElse(null), AuditOutcome.ALLOWED, null, details);
        // a patient's copy: the office learnt who the patient is, so the patient's trail shows the lookup (PAT-1)
        boolean patient = found.filter(r -> r.holder() == TraceRecord.Holder.PATIENT).isPresent();
        audit.record(patient ? entry.withPatient(Long.toString(found.get().personId())) : entry);
        return found;
    }
}
