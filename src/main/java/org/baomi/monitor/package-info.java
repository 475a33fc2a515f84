/**
 * Privacy monitoring (issue 7; PAT-4, AUD-2, ACC-1, PEN-1..3): access events to patient records — Baomi's own and
 * those of the EMR/HIS — are ingested, explained (care team, encounter department, orders, appointments,
 * referrals, grants, reviewed break-the-glass), and what no explanation clears is scored by detectors into alerts;
 * alerts group into cases that the confidentiality office investigates and concludes.
 *
 * <p>Tables {@code mon_*}. Inside the module: {@code internal.ingest} (ingest), {@code internal.detect}
 * (explanations, detectors, scoring, the synthetic hospital), {@code internal.cases} (alert queue, cases,
 * timelines).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "audit", "iam", "privacy", "notification"})
package org.baomi.monitor;
