-- Issue 7 item 6 (demo mode only): the month of demo access events is generated once per database.
CREATE TABLE mon_demo_marker (
    id        INT          PRIMARY KEY CHECK (id = 1),
    seeded_at TIMESTAMPTZ  NOT NULL,
    events    INT          NOT NULL
);
