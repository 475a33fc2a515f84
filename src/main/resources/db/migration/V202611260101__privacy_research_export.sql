-- Issue 6 item 3 (PAT-3): de-identified research exports. One row per requested cohort; the cohort is the
-- protected object 'research-export:<id>' that the president's approval opens for export (ACC-5). The HMAC key of
-- the pseudonyms is never stored: a new random key per download, so pseudonyms do not link across exports.
CREATE TABLE pat_research_export (
    id              BIGSERIAL    PRIMARY KEY,
    requester_id    BIGINT       NOT NULL,
    department_id   BIGINT,
    department_code VARCHAR(40),
    period_from     DATE         NOT NULL,
    period_to       DATE         NOT NULL,
    icd10_prefix    VARCHAR(8),
    created_at      TIMESTAMPTZ  NOT NULL,
    downloads       INT          NOT NULL DEFAULT 0,
    CHECK (period_to >= period_from)
);
CREATE INDEX pat_research_export_requester_idx ON pat_research_export (requester_id, created_at DESC);
