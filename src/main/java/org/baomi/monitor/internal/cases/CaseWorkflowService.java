package org.baomi.monitor.internal.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.AccessPerson;
import org.baomi.iam.CurrentUser;
import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.iam.RoleHolders;
import org.baomi.iam.StaffLookup;
import org.baomi.iam.StaffPrincipal;
import org.baomi.monitor.PrivacyCaseOutcome;
import org.baomi.monitor.PrivacyCasePermissions;
import org.baomi.monitor.PrivacyCaseSanction;
import org.baomi.monitor.PrivacyCaseStep;
import org.baomi.monitor.PrivacyCaseWorkflow;
import org.baomi.notification.NotificationArg;
import org.baomi.notification.NotificationDraft;
import org.baomi.notification.NotificationKind;
import org.baomi.notification.Notifications;
import org.baomi.shared.BaomiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case workflow (issue 7 item 4; PAT-4, PEN-1..3). Each change locks the case row, checks the step and the
 * version, writes the step into the record with its deadline, and audits in the same transaction.
 */
@Service
class CaseWorkflowService implements PrivacyCaseWorkflow {

    static final String DEPARTMENT_HEAD = "department-head";

    private final CaseStore store;
    private final AlertRows alerts;
    private final CaseOpening opening;
    private final CaseSettings settings;
    private final CaseAccess access;
    private final CurrentUser currentUser;
    private final StaffLookup staff;
    private final RoleHolders roles;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final Clock clock;

    CaseWorkflowService(CaseStore store, AlertRows alerts, CaseOpening opening, CaseSettings settings,
            CaseAccess access, CurrentUser currentUser, StaffLookup staff, RoleHolders roles,
            Notifications notifications, AuditTrail audit, Clock clock) {
        this.store = store;
        this.alerts = alerts;
        this.opening = opening;
        this.settings = settings;
        this.access = access;
        this.currentUser = currentUser;
        this.staff = staff;
        this.roles = roles;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<Long> group() {
        // The job runs as the module (nobody signed in); a person asking for it on demand must be of the office.
        Long actor = currentUser.principal().isPresent()
                ? access.person(PrivacyCasePermissions.CASE_MANAGE).accountId() : null;
        Instant since = clock.instant().minus(CaseSettings.GROUP_WINDOW);
        Set<Long> touched = new LinkedHashSet<>();
        for (CaseStore.Candidate c : store.candidates(since)) {
            if (c.openCaseId() != null) {
                // a person under investigation: every new alert belongs to the case, whatever its age
                opening.openOrAdd(c.userRef(), c.personId(), store.openAlertsOf(c.userRef(), Instant.EPOCH),
                        "REPEATED", actor).ifPresent(touched::add);
                continue;
            }
            boolean high = c.maxScore() != null && c.maxScore().compareTo(settings.highScore) >= 0;
            boolean repeated = c.recentCount() >= settings.groupCount
                    || c.recentScore().compareTo(settings.groupScore) >= 0;
            if (high || repeated) {
                opening.openOrAdd(c.userRef(), c.personId(), store.openAlertsOf(c.userRef(), since),
                        high ? "HIGH_SCORE" : "REPEATED", actor).ifPresent(touched::add);
            }
        }
        return List.copyOf(touched);
    }

    @Override
    @Transactional
    public long openCase(List<Long> alertIds) {
        StaffPrincipal person = access.person(PrivacyCasePermissions.CASE_MANAGE);
        List<AlertRows.Raw> chosen = chosenOpen(alertIds);
        Set<String> people = new LinkedHashSet<>();
        chosen.forEach(a -> people.add(a.userRef()));
        if (people.size() > 1) {
            throw invalid("alerts", "monitor.cases.error.several-people");
        }
        AlertRows.Raw first = chosen.get(0);
        return opening.openOrAdd(first.userRef(), first.personId(), chosen.stream().map(AlertRows.Raw::id).toList(),
                "MANUAL", person.accountId()).orElseThrow(() -> invalid("alerts", "monitor.cases.error.alert-not-open"));
    }

    @Override
    @Transactional
    public int dismissAlerts(List<Long> alertIds, String reason) {
        StaffPrincipal person = access.person(PrivacyCasePermissions.CASE_MANAGE);
        String why = text(reason, 500, "reason", "monitor.cases.error.reason");
        List<AlertRows.Raw> chosen = chosenOpen(alertIds);
        List<Long> dismissed = store.dismissAlerts(chosen.stream().map(AlertRows.Raw::id).toList(), "OPEN",
                person.accountId(), why, clock.instant());
        audit.record(AuditEntry.allowed("monitor.alerts.dismissed", "monitor-alert", null, Map.of("alerts", dismissed,
                "reason", why, "patients", chosen.stream().map(AlertRows.Raw::patientId)
                        .filter(java.util.Objects::nonNull).distinct().toList())));
        return dismissed.size();
    }

    @Override
    @Transactional
    public void assign(long caseId, int version, long assigneeId) {
        StaffPrincipal person = access.person(PrivacyCasePermissions.CASE_MANAGE);
        CaseStore.CaseRow row = openCase(caseId);
        StaffPrincipal assignee = staff.activeById(assigneeId)
                .filter(a -> !a.isAdministrator() && a.hasPermission(PrivacyCasePermissions.CASE_MANAGE))
                .orElseThrow(() -> invalid("assignee", "monitor.cases.error.assignee"));
        Instant now = clock.instant();
        fresh(store.assign(caseId, version, assignee.accountId(), person.accountId(), now));
        store.step(caseId, "ASSIGNED", row.step(), person.accountId(), now, null,
                Map.of("assignee", assignee.accountId()), null);
        audit.record(AuditEntry.allowed("monitor.case.assigned", CaseOpening.OBJECT, caseId,
                Map.of("assignee", assignee.accountId())));
    }

    @Override
    @Transactional
    public void dismiss(long caseId, int version, String reason) {
        StaffPrincipal person = access.person(PrivacyCasePermissions.CASE_MANAGE);
        String why = text(reason, 500, "reason", "monitor.cases.error.reason");
        step(openCase(caseId), PrivacyCaseStep.TRIAGE);
        Instant now = clock.instant();
        fresh(store.moveTo(caseId, version, PrivacyCaseStep.DISMISSED, null, person.accountId(), now));
        List<Long> dismissed = store.dismissAlerts(store.alertIdsOfCase(caseId), "IN_CASE", person.accountId(), why,
                now);
        store.step(caseId, "DISMISSED", PrivacyCaseStep.DISMISSED, person.accountId(), now, why,
                Map.of("alerts", dismissed), null);
        audit.record(AuditEntry.allowed("monitor.case.dismissed", CaseOpening.OBJECT, caseId,
                Map.of("reason", why, "alerts", dismissed)));
    }

    @Override
    @Transactional
    public void requestExplanation(long caseId, int version, String note) {
        StaffPrincipal person = access.person(PrivacyCasePermissions.CASE_MANAGE);
        String question = optionalText(note, 2000, "note", "monitor.cases.error.note");
        CaseStore.CaseRow row = step(openCase(caseId), PrivacyCaseStep.TRIAGE);
        List<Long> heads = row.departmentId() == null ? List.of()
                : roles.activeHolders(DEPARTMENT_HEAD, row.departmentId()).stream().map(AccessPerson::personId)
                        // nobody explains their own case
                        .filter(id -> row.personId() == null || id != row.personId()).toList();
        if (heads.isEmpty()) {
            throw BaomiException.conflict("monitor.cases.error.no-head");
        }
        Instant now = clock.instant();
        Instant due = now.plus(settings.explanationDeadline);
        fresh(store.moveTo(caseId, version, PrivacyCaseStep.EXPLANATION, due, person.accountId(), now));
        store.step(caseId, "EXPLANATION_REQUESTED", PrivacyCaseStep.EXPLANATION, person.accountId(), now, question,
                Map.of("heads", heads), due);
        for (long head : heads) {
            notifications.notify(new NotificationDraft(head, NotificationKind.GENERAL,
                    "monitor.cases.notify.explanation", List.of(NotificationArg.number(caseId),
                            NotificationArg.time(due)), "/privacy/monitoring/cases/" + caseId + "/explain", null));
        }
        audit.record(AuditEntry.allowed("monitor.case.explanation-requested", CaseOpening.OBJECT, caseId,
                Map.of("heads", heads, "due", due.toString())));
    }

    @Override
    @Transactional
    public void explain(long caseId, String explanation) {
        StaffPrincipal head = access.person(PrivacyCasePermissions.CASE_EXPLAIN);
        String text = text(explanation, 4000, "explanation", "monitor.cases.error.explanation");
        CaseStore.CaseRow row = store.lock(caseId)
                .orElseThrow(() -> BaomiException.notFound("monitor.cases.error.not-found"));
        access.requireHeadOf(head, row.departmentId(), row.personId());
        step(row, PrivacyCaseStep.EXPLANATION);
        Instant now = clock.instant();
        Instant due = now.plus(settings.interviewDeadline);
        fresh(store.moveTo(caseId, row.version(), PrivacyCaseStep.INTERVIEW, due, head.accountId(), now));
        store.step(caseId, "EXPLAINED", PrivacyCaseStep.INTERVIEW, head.accountId(), now, text, Map.of(), due);
        if (row.assigneeId() != null) {
            notifications.notify(new NotificationDraft(row.assigneeId(), NotificationKind.GENERAL,
                    "monitor.cases.notify.explained", List.of(NotificationArg.number(caseId)),
                    "/privacy/monitoring/cases/" + caseId, null));
        }
        audit.record(AuditEntry.allowed("monitor.case.explained", CaseOpening.OBJECT, caseId,
                Map.of("department", row.departmentId(), "due", due.toString())));
    }

    @Override
    @Transactional
    public void recordInterview(long caseId, int version, LocalDate on, String notes) {
        StaffPrincipal person = access.person(PrivacyCasePermissions.CASE_MANAGE);
        List<FieldProblem> problems = new ArrayList<>();
        if (on == null) {
            problems.add(new FieldProblem("interviewedOn", "monitor.cases.error.interview-date"));
        } else if (on.isAfter(LocalDate.now(clock))) {
            problems.add(new FieldProblem("interviewedOn", "monitor.cases.error.interview-future"));
        }
        String text = null;
        try {
            text = text(notes, 4000, "notes", "monitor.cases.error.notes");
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        step(openCase(caseId), PrivacyCaseStep.INTERVIEW);
        Instant now = clock.instant();
        fresh(store.interviewed(caseId, version, on, person.accountId(), now));
        store.step(caseId, "INTERVIEWED", PrivacyCaseStep.INTERVIEW, person.accountId(), now, text,
                Map.of("on", on.toString()), null);
        audit.record(AuditEntry.allowed("monitor.case.interviewed", CaseOpening.OBJECT, caseId,
                Map.of("on", on.toString())));
    }

    @Override
    @Transactional
    public void conclude(long caseId, int version, PrivacyCaseOutcome outcome, PrivacyCaseSanction sanction,
            String text) {
        StaffPrincipal person = access.person(PrivacyCasePermissions.CASE_MANAGE);
        List<FieldProblem> problems = new ArrayList<>();
        if (outcome == null) {
            problems.add(new FieldProblem("outcome", "monitor.cases.error.outcome"));
        } else if (outcome == PrivacyCaseOutcome.VIOLATION && sanction == null) {
            problems.add(new FieldProblem("sanction", "monitor.cases.error.sanction-required"));
        } else if (outcome != PrivacyCaseOutcome.VIOLATION && sanction != null) {
            problems.add(new FieldProblem("sanction", "monitor.cases.error.sanction-only-violation"));
        }
        String reasoning = null;
        try {
            reasoning = text(text, 1000, "text", "monitor.cases.error.conclusion");
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        CaseStore.CaseRow row = step(openCase(caseId), PrivacyCaseStep.INTERVIEW);
        if (row.interviewedOn() == null) {
            throw BaomiException.conflict("monitor.cases.error.not-interviewed");
        }
        Instant now = clock.instant();
        String key = sanction == null ? null : sanction.key();
        fresh(store.conclude(caseId, version, outcome, key,
                outcome == PrivacyCaseOutcome.VIOLATION ? reasoning : null, person.accountId(), now));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("outcome", outcome.name());
        if (key != null) {
            details.put("sanction", key);
        }
        store.step(caseId, "CONCLUDED", PrivacyCaseStep.CONCLUDED, person.accountId(), now, reasoning, details, null);
        audit.record(AuditEntry.allowed("monitor.case.concluded", CaseOpening.OBJECT, caseId, details));
    }

    /** The OPEN alerts chosen, locked in the order of their ids; refused field by field when none or any is not. */
    private List<AlertRows.Raw> chosenOpen(List<Long> alertIds) {
        if (alertIds == null || alertIds.isEmpty()) {
            throw invalid("alerts", "monitor.cases.error.no-alert");
        }
        if (alertIds.size() > 500) {
            throw invalid("alerts", "monitor.cases.error.too-many");
        }
        List<Long> ids = alertIds.stream().distinct().sorted().toList();
        store.lockAlerts(ids);
        List<AlertRows.Raw> chosen = alerts.byIds(ids);
        if (chosen.size() != ids.size()
                || chosen.stream().anyMatch(a -> a.status() != org.baomi.monitor.AlertQueryStatus.OPEN)) {
            throw invalid("alerts", "monitor.cases.error.alert-not-open");
        }
        return chosen;
    }

    private CaseStore.CaseRow openCase(long caseId) {
        CaseStore.CaseRow row = store.lock(caseId)
                .orElseThrow(() -> BaomiException.notFound("monitor.cases.error.not-found"));
        if (!row.step().open()) {
            throw BaomiException.conflict("monitor.cases.error.closed");
        }
        return row;
    }

    private static CaseStore.CaseRow step(CaseStore.CaseRow row, PrivacyCaseStep expected) {
        if (row.step() != expected) {
            throw BaomiException.conflict("monitor.cases.error.wrong-step");
        }
        return row;
    }

    private static void fresh(boolean updated) {
        if (!updated) {
            throw BaomiException.conflict("monitor.cases.error.stale");
        }
    }

    static String text(String value, int max, String field, String key) {
        String t = optionalText(value, max, field, key);
        if (t == null) {
            throw invalid(field, key);
        }
        return t;
    }

    static String optionalText(String value, int max, String field, String key) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String t = value.strip();
        if (t.length() > max) {
            throw invalid(field, key);
        }
        return t;
    }

    static InvalidInputException invalid(String field, String key) {
        return new InvalidInputException(List.of(new FieldProblem(field, key)));
    }
}
