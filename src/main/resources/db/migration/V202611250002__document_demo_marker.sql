-- Demo mode only: the demo register is made once per database (see DemoDocuments).
CREATE TABLE doc_demo_marker (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    seeded_at TIMESTAMPTZ NOT NULL
);
