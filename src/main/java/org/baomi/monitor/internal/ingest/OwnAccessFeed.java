package org.baomi.monitor.internal.ingest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.baomi.audit.AuditPatientAccesses;
import org.baomi.iam.StaffKeys;
import org.baomi.monitor.AccessEventIngest;
import org.baomi.privacy.PatientKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Baomi's own accesses to patient records (issue 7 item 1; PAT-4, AUD-2): every few seconds, the patient entries
 * of the audit trail sealed since the last run become access events of source {@code BAOMI}, keyed by the audit
 * entry id (so each is stored exactly once, also if two instances or a retry read it twice). The cursor is the
 * audit chain's sequence, moved in the same transaction as the events it covers.
 *
 * <p>Only a person looking counts: views, prints, exports and searches. Registrations, care-relationship changes
 * and batch imports that name a patient are not someone reading the record (the audit API already leaves batch
 * imports out).
 */
@Component
class OwnAccessFeed {

    static final String CURSOR = "audit-trail";
    /** Chain positions looked at per transaction. */
    private static final int STEP = 5_000;
    /** Steps per run: a backlog (after downtime) is caught up over a few runs instead of in one long one. */
    private static final int MAX_STEPS = 20;

    private final AuditPatientAccesses trail;
    private final StaffKeys staff;
    private final PatientKeys patients;
    private final EventWriter writer;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;

    OwnAccessFeed(AuditPatientAccesses trail, StaffKeys staff, PatientKeys patients, EventWriter writer,
            JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.trail = trail;
        this.staff = staff;
        this.patients = patients;
        this.writer = writer;
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "${baomi.monitor.own-access-interval:5s}",
            initialDelayString = "${baomi.monitor.own-access-interval:5s}")
    @SchedulerLock(name = "monitor.own-access-feed", lockAtMostFor = "PT5M")
    public void run() {
        for (int step = 0; step < MAX_STEPS && pollOnce() > 0; step++) {
            // caught up when a step moves nothing
        }
    }

    /**
     * One step: reads up to {@value #STEP} chain positions after the cursor and stores their accesses.
     *
     * @return how many chain positions the cursor moved
     */
    int pollOnce() {
        Integer moved = tx.execute(status -> {
            // FOR UPDATE: two runs (another instance, a test calling this) take turns instead of both storing
            long position = jdbc.sql("SELECT position FROM mon_ingest_cursor WHERE name = :name FOR UPDATE")
                    .param("name", CURSOR).query(Long.class).single();
            AuditPatientAccesses.Page page = trail.after(position, STEP);
            if (page.lastSequence() == position) {
                return 0;
            }
            store(page.accesses());
            jdbc.sql("UPDATE mon_ingest_cursor SET position = :p, updated_at = :at WHERE name = :name")
                    .param("p", page.lastSequence()).param("at", java.sql.Timestamp.from(clock.instant()))
                    .param("name", CURSOR).update();
            return (int) (page.lastSequence() - position);
        });
        return moved == null ? 0 : moved;
    }

    private void store(List<AuditPatientAccesses.Access> accesses) {
        List<AuditPatientAccesses.Access> looks = new ArrayList<>();
        Set<Long> persons = new HashSet<>();
        Set<Long> patientIds = new HashSet<>();
        for (AuditPatientAccesses.Access a : accesses) {
            if (actionOf(a.action()) == null) {
                continue;
            }
            looks.add(a);
            persons.add(a.personId());
            Long patient = number(a.patientId());
            if (patient != null) {
                patientIds.add(patient);
            }
        }
        if (looks.isEmpty()) {
            return;
        }
        Map<Long, String> staffNumbers = staff.staffNumbers(persons);
        Map<Long, String> mrns = patients.mrns(patientIds);
        List<AccessEventRow> rows = new ArrayList<>(looks.size());
        for (AuditPatientAccesses.Access a : looks) {
            Long patient = number(a.patientId());
            String mrn = patient == null ? null : mrns.get(patient);
            String user = staffNumbers.get(a.personId());
            AccessEventRow row = new AccessEventRow(rows.size(), AccessEventIngest.OWN_SOURCE,
                    "audit:" + a.entryId(), a.occurredAt(), user != null ? user : "#" + a.personId(),
                    mrn != null ? mrn : "#" + a.patientId(), actionOf(a.action()), clip(a.sourceAddress()), null);
            row.personId = user != null ? a.personId() : null;
            row.patientId = mrn != null ? patient : null;
            rows.add(row);
        }
        writer.write(rows, clock.instant(), null);
    }

    /**
     * The access kind of an audit action by its last segment ({@code privacy.patient.viewed} → READ), or null for
     * actions that are not someone looking at a record.
     */
    static String actionOf(String auditAction) {
        String verb = auditAction.substring(auditAction.lastIndexOf('.') + 1);
        return switch (verb) {
            case "viewed", "read", "opened" -> "READ";
            case "printed" -> "PRINT";
            case "exported", "downloaded" -> "EXPORT";
            case "searched" -> "QUERY";
            default -> null;
        };
    }

    private static Long number(String id) {
        try {
            return id == null ? null : Long.valueOf(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String clip(String value) {
        return value == null || value.length() <= 100 ? value : value.substring(0, 100);
    }
}
