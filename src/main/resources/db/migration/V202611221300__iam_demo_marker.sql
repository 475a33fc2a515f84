-- Demo mode only (DemoModeCondition): one row once the demo hospital has been loaded, written in the same
-- transaction as the data, so that the demo data is loaded exactly once per database, however many instances
-- start. Stays empty outside demo mode.
CREATE TABLE iam_demo_marker (
    id            SMALLINT    PRIMARY KEY CHECK (id = 1),
    seeded_at     TIMESTAMPTZ NOT NULL,
    account_count INT         NOT NULL
);
