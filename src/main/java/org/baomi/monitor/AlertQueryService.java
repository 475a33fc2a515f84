package org.baomi.monitor;

import java.util.Locale;

/**
 * The confidentiality office's alert queue (issue 7 items 6, 7; PAT-4, AUD-2). Alerts name a person and a patient:
 * every read is protected content and audited with the ids it returned. Needs
 * {@link PrivacyCasePermissions#ALERT_READ}: a person's permission, or an API token's scope of that name; the 三员
 * are refused (ORG-5). Refusals are audited ({@code access.denied}) in their own transaction.
 */
public interface AlertQueryService {

    /**
     * A page of alerts. Audit: {@code monitor.alerts.viewed} (filters, total, the alert ids returned).
     *
     * @throws org.baomi.iam.InvalidInputException a page or size out of range, {@code to} not after {@code from}
     * @throws org.baomi.shared.BaomiException     FORBIDDEN
     */
    AlertQueryPage search(AlertQuery query);

    /**
     * Every alert matching the query (at most {@value #MAX_EXPORT}), as CSV for a spreadsheet, the evidence in the
     * locale's language. Audit: {@code monitor.alerts.exported} (filters, count, ids).
     */
    byte[] exportCsv(AlertQuery query, Locale locale);

    /** At most this many alerts are exported. */
    int MAX_EXPORT = 10_000;

    /**
     * The trend charts over the last {@code weeks} weeks (1..52). Audit: {@code monitor.trends.viewed}. Counts only:
     * no person or patient is named, but the office's permission is still needed.
     */
    AlertQueryTrends trends(int weeks);
}
