package org.baomi.monitor;

/**
 * Scoring runs of the detectors over the ingested access events (issue 7 items 2 to 4; PAT-4, AUD-2): the events of
 * {@code mon_access_event} are explained and scored with the context read from iam and privacy, and
 * {@code mon_alert} is upserted by alert key (detector + person + patient + day); OPEN alerts of the scored days
 * that a run no longer produces become WITHDRAWN (IN_CASE and DISMISSED ones are the case workflow's and stay).
 *
 * <p>For module code and the scheduled job: no permission is checked. Audit: one record per run,
 * {@code monitor.scoring.completed}, with the counts (events, explained, unresolved, alerts per detector,
 * withdrawn), never one per alert.
 */
public interface DetectionRuns {

    /** Re-scores every ingested event. */
    DetectionRunSummary rescoreAll();

    /**
     * Scores what arrived since the last run: the days from that of the earliest new event on, with the thirty days
     * before them as the persons' history. Does nothing (and writes no run) when nothing new arrived.
     */
    DetectionRunSummary scoreNew();
}
