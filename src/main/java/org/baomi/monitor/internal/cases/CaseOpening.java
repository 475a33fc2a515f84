package org.baomi.monitor.internal.cases;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.StaffLookup;
import org.baomi.iam.StaffPrincipal;
import org.baomi.monitor.PrivacyCaseStep;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opens a person's case or adds alerts to their open case, for the grouping rule and for the office's "open a case"
 * (PAT-4): one open case per person, the alerts move to IN_CASE, the record and the audit trail say which.
 */
@Component
class CaseOpening {

    static final String OBJECT = "monitor-case";

    private final CaseStore store;
    private final CaseSettings settings;
    private final StaffLookup staff;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    CaseOpening(CaseStore store, CaseSettings settings, StaffLookup staff, JdbcClient jdbc, AuditTrail audit,
            Clock clock) {
        this.store = store;
        this.settings = settings;
        this.staff = staff;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Adds the alerts to the person's open case, or opens one with them. Requires a transaction.
     *
     * @param because HIGH_SCORE, REPEATED or MANUAL (for a new case)
     * @param actor   the office member, or null when the grouping job acts
     * @return the case id, or empty when none of the alerts was still OPEN
     */
    Optional<Long> openOrAdd(String userRef, Long personId, List<Long> alertIds, String because, Long actor) {
        Instant now = clock.instant();
        Optional<CaseStore.CaseRow> open = store.openCaseOf(userRef);
        if (open.isPresent()) {
            long caseId = open.get().id();
            List<Long> added = store.attachAlerts(caseId, alertIds, now);
            if (added.isEmpty()) {
                return Optional.empty();
            }
            store.step(caseId, "ALERTS_ADDED", open.get().step(), actor, now, null, Map.of("alerts", added), null);
            audit.record(AuditEntry.allowed("monitor.case.alerts-added", OBJECT, caseId,
                    Map.of("alerts", added, "userRef", userRef, "by", actor == null ? "rule" : "office")));
            return Optional.of(caseId);
        }
        BigDecimal score = jdbc.sql("SELECT coalesce(sum(score), 0) FROM mon_alert WHERE id = ANY(:ids) AND status = 'OPEN'")
                .param("ids", alertIds.toArray(Long[]::new)).query(BigDecimal.class).single();
        Instant due = now.plus(settings.triageDeadline);
        long caseId = store.insert(userRef, personId, departmentOf(userRef, personId), because, score, now, due,
                actor);
        List<Long> added = store.attachAlerts(caseId, alertIds, now);
        if (added.isEmpty()) {
            // the alerts were taken meanwhile: the transaction rolls the empty case back
            throw new IllegalStateException("alerts no longer open");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("alerts", added);
        details.put("because", because);
        details.put("score", score.toPlainString());
        store.step(caseId, "OPENED", PrivacyCaseStep.TRIAGE, actor, now, null, details, due);
        details.put("userRef", userRef);
        if (personId != null) {
            details.put("person", personId);
        }
        audit.record(AuditEntry.allowed("monitor.case.opened", OBJECT, caseId, details));
        return Optional.of(caseId);
    }

    /**
     * The person's department now, or for an account no longer active (a departed person still used, the
     * INACTIVE_ACCOUNT detector) the department their latest access event names.
     */
    private Long departmentOf(String userRef, Long personId) {
        if (personId != null) {
            Optional<StaffPrincipal> person = staff.activeById(personId);
            if (person.isPresent() && person.get().departmentId() != null) {
                return person.get().departmentId();
            }
        }
        // By person where known, else by the reference of an unknown user: both served by an index of ingest.
        String where = personId != null ? "person_id = :p" : "person_id IS NULL AND user_ref = :u";
        return jdbc.sql("SELECT department_id FROM mon_access_event WHERE " + where
                + " AND department_id IS NOT NULL ORDER BY occurred_at DESC LIMIT 1")
                .param("p", personId).param("u", userRef).query(Long.class).optional().orElse(null);
    }
}
