-- Issue 7 items 3 and 4 (PAT-4, AUD-2): scoring runs of the detectors. alert_day is the day of the alert key
-- (detector + person + patient + day), so that a re-scoring of some days withdraws exactly the alerts of those days
-- it no longer produces.
ALTER TABLE mon_alert ADD COLUMN alert_day DATE;
CREATE INDEX mon_alert_day_idx ON mon_alert (alert_day, status);
-- Scoring reads windows of days by occurred_at. A BRIN index: events arrive roughly in time order, and a B-tree would
-- cost on every ingested event (issue 7: 50,000 events/s) for a query that runs every few minutes.
CREATE INDEX IF NOT EXISTS mon_access_event_time_idx ON mon_access_event USING BRIN (occurred_at);

-- One row per scoring run, full or incremental: the window scored, the last event id seen (the incremental job
-- starts after it) and the counts that are also written to the audit trail.
CREATE TABLE mon_scoring_run (
    id            BIGSERIAL    PRIMARY KEY,
    kind          VARCHAR(12)  NOT NULL CHECK (kind IN ('FULL', 'INCREMENTAL')),
    window_from   TIMESTAMPTZ  NOT NULL,
    window_to     TIMESTAMPTZ  NOT NULL,
    last_event_id BIGINT       NOT NULL,
    events        BIGINT       NOT NULL,
    explained     BIGINT       NOT NULL,
    unresolved    BIGINT       NOT NULL,
    alerts        INT          NOT NULL,
    withdrawn     INT          NOT NULL,
    started_at    TIMESTAMPTZ  NOT NULL,
    finished_at   TIMESTAMPTZ  NOT NULL
);
