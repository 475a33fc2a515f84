package org.baomi.monitor;

import java.time.LocalDate;
import java.util.List;

/**
 * The case workflow of the confidentiality office (issue 7 item 4; PAT-4, PEN-1..3): grouping alerts into cases,
 * triage, the department head's explanation, the interview and the conclusion, each step with a deadline
 * ({@code baomi.monitor.cases.deadline.*}) and an entry in the case's record ({@code mon_case_step}). Every change is
 * audited in its transaction ({@code monitor.case.*}, {@code monitor.alerts.*}); refusals in their own
 * ({@code access.denied}, or the action with outcome DENIED). A step taken out of order is refused with CONFLICT
 * ({@code monitor.cases.error.wrong-step}); a stale version with CONFLICT ({@code monitor.cases.error.stale}).
 * Needs {@link PrivacyCasePermissions#CASE_MANAGE} except {@link #explain}; never the 三员 (ORG-5).
 */
public interface PrivacyCaseWorkflow {

    /**
     * The grouping rule, also run by a job every few minutes (one instance at a time): each person's OPEN alerts
     * join their open case if they have one; otherwise a case opens when one alert scores at least the high score
     * ({@code baomi.monitor.cases.high-score}, 80), or when within the last 30 days the person has at least
     * {@code group-count} (3) open alerts or their scores sum to at least {@code group-score} (100). Runs without a
     * signed-in person (module code). Audit: {@code monitor.case.opened} / {@code monitor.case.alerts-added}.
     *
     * @return the ids of the cases opened or added to
     */
    List<Long> group();

    /**
     * The office opens a case of the chosen OPEN alerts by hand (all of one person), or adds them to that person's
     * open case. Audit: {@code monitor.case.opened} or {@code monitor.case.alerts-added}.
     *
     * @throws org.baomi.iam.InvalidInputException no alert chosen, an alert not OPEN, alerts of several people
     */
    long openCase(List<Long> alertIds);

    /**
     * Dismisses OPEN alerts with a reason (kept with each alert). Audit: {@code monitor.alerts.dismissed}.
     *
     * @throws org.baomi.iam.InvalidInputException no alert, no reason, an alert not OPEN
     */
    int dismissAlerts(List<Long> alertIds, String reason);

    /** Assigns the case to a member of the office (who must hold CASE_MANAGE). Audit: {@code monitor.case.assigned}. */
    void assign(long caseId, int version, long assigneeId);

    /** Triage ends the case: dismissed with a reason; its alerts become DISMISSED. Audit: {@code monitor.case.dismissed}. */
    void dismiss(long caseId, int version, String reason);

    /**
     * Triage asks the person's department head(s) for an explanation: notifies them (notification centre) and sets
     * the explanation deadline. Audit: {@code monitor.case.explanation-requested}.
     *
     * @throws org.baomi.shared.BaomiException CONFLICT ({@code monitor.cases.error.no-head}) when the person's
     *                                         department has no active head
     */
    void requestExplanation(long caseId, int version, String note);

    /**
     * The department head answers (permission CASE_EXPLAIN, head of the person's department, case in EXPLANATION);
     * the case moves on to the interview. Audit: {@code monitor.case.explained}.
     */
    void explain(long caseId, String explanation);

    /** Records the interview (date not in the future, notes). Audit: {@code monitor.case.interviewed}. */
    void recordInterview(long caseId, int version, LocalDate on, String notes);

    /**
     * Concludes the interviewed case, irreversibly: JUSTIFIED, VIOLATION with a sanction of PEN-1..3 and its text,
     * or REFERRED. Audit: {@code monitor.case.concluded}.
     *
     * @throws org.baomi.iam.InvalidInputException a violation without sanction or text, a sanction otherwise
     */
    void conclude(long caseId, int version, PrivacyCaseOutcome outcome, PrivacyCaseSanction sanction, String text);
}
