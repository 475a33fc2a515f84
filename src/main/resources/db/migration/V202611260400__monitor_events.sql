-- Issue 7 (PAT-4, AUD-2): the contract tables of privacy monitoring. Ingest writes mon_access_event; the detectors
-- read it and write mon_alert; the case workflow reads alerts and moves their status. Later migrations of the
-- module may ADD columns and indexes; the columns below are relied on by all three parts.

-- One access to a patient's record, Baomi's own (source_system 'BAOMI', from the audit trail) or an EMR/HIS's.
-- user_ref/patient_ref are the identifiers as sent (staff number, MRN); person_id/patient_id are Baomi's ids when
-- they resolve (an unknown staff number is itself worth an alert, so unresolved events are kept).
-- event_key makes ingest idempotent: the source's event id, or a digest of the event's content when it has none.
CREATE TABLE mon_access_event (
    id             BIGSERIAL    PRIMARY KEY,
    source_system  VARCHAR(40)  NOT NULL,
    event_key      VARCHAR(100) NOT NULL,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    user_ref       VARCHAR(64)  NOT NULL,
    person_id      BIGINT,
    patient_ref    VARCHAR(64)  NOT NULL,
    patient_id     BIGINT,
    action         VARCHAR(12)  NOT NULL
        CHECK (action IN ('READ', 'CREATE', 'UPDATE', 'DELETE', 'PRINT', 'EXPORT', 'QUERY')),
    workstation    VARCHAR(100),
    department_id  BIGINT,
    received_at    TIMESTAMPTZ  NOT NULL,
    UNIQUE (source_system, event_key)
);

-- What a detector found: one alert per detector, person, patient and day, so that re-scoring updates an alert
-- instead of duplicating it (alert_key). evidence is a list of {"key": message key, "args": [...]} lines shown in
-- plain language; event_ids are the access events behind it. An alert a re-scoring no longer produces is WITHDRAWN
-- unless a case already holds it.
CREATE TABLE mon_alert (
    id           BIGSERIAL     PRIMARY KEY,
    alert_key    VARCHAR(200)  NOT NULL UNIQUE,
    detector     VARCHAR(30)   NOT NULL CHECK (detector IN ('NO_EXPLANATION', 'FAMILY', 'COWORKER', 'VIP_SENSITIVE',
        'SELF_LOOKUP', 'INACTIVE_ACCOUNT', 'AFTER_HOURS', 'VOLUME_SPIKE', 'DECEASED')),
    user_ref     VARCHAR(64)   NOT NULL,
    person_id    BIGINT,
    patient_ref  VARCHAR(64),
    patient_id   BIGINT,
    score        NUMERIC(7, 2) NOT NULL CHECK (score >= 0),
    evidence     JSONB         NOT NULL,
    event_ids    BIGINT[]      NOT NULL,
    first_at     TIMESTAMPTZ   NOT NULL,
    last_at      TIMESTAMPTZ   NOT NULL,
    status       VARCHAR(12)   NOT NULL DEFAULT 'OPEN'
        CHECK (status IN ('OPEN', 'IN_CASE', 'DISMISSED', 'WITHDRAWN')),
    case_id      BIGINT,
    created_at   TIMESTAMPTZ   NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL,
    CHECK (last_at >= first_at)
);
CREATE INDEX mon_alert_queue_idx ON mon_alert (status, score DESC, last_at DESC);
CREATE INDEX mon_alert_person_idx ON mon_alert (person_id, last_at);
CREATE INDEX mon_alert_patient_idx ON mon_alert (patient_id, last_at);
