package org.baomi.monitor;

import java.math.BigDecimal;
import java.util.List;

/**
 * Reading cases (issue 7 items 4, 7; PAT-4). A case names a person and patients: protected content, every view
 * audited. The office needs {@link PrivacyCasePermissions#CASE_MANAGE}; a department head reads the cases of their
 * own department that await their explanation with {@link PrivacyCasePermissions#CASE_EXPLAIN}. The 三员 are
 * always refused (ORG-5). Refusals are audited as {@code access.denied} in their own transaction.
 */
public interface PrivacyCases {

    /** The case board. Audit: {@code monitor.cases.viewed} (the case ids shown). Needs CASE_MANAGE. */
    PrivacyCaseBoard board();

    /**
     * A case with its alerts and record. Audit: {@code monitor.case.viewed} (the alert and patient ids shown).
     * Needs CASE_MANAGE.
     *
     * @throws org.baomi.shared.BaomiException NOT_FOUND ({@code monitor.cases.error.not-found})
     */
    PrivacyCaseView view(long caseId);

    /**
     * A case as its department head sees it to explain it: only while it awaits the explanation and only for the
     * head of the person's department. Audit: {@code monitor.case.viewed-for-explanation}.
     *
     * @throws org.baomi.shared.BaomiException FORBIDDEN ({@code monitor.cases.error.not-your-department}, audited),
     *                                         CONFLICT ({@code monitor.cases.error.wrong-step}), NOT_FOUND
     */
    PrivacyCaseView viewForExplanation(long caseId);

    /** The cases of the current department head's department that await their explanation (ids, no content). */
    List<Long> awaitingMyExplanation();

    /**
     * The person's risk score now: the sum over their alerts that are open or held by an open case, within the last
     * 90 days, of {@code score x 0.5^(age in days / half-life)} (half-life {@code baomi.monitor.cases.risk-half-life},
     * 14 days by default), so that old alerts weigh less and a quiet person's score fades. Nothing is audited (a
     * number); needs CASE_MANAGE.
     */
    BigDecimal riskOf(String userRef);
}
