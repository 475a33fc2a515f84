-- Issue 7 item 1 (PAT-4, AUD-2): ingest of access events and of the explanation feeds (orders, appointments,
-- referrals). Adds to the contract table mon_access_event; nothing there is renamed or removed.

-- The department code as sent, next to the resolved department_id (as user_ref/patient_ref are): an unknown code is
-- kept for the investigator instead of being lost.
ALTER TABLE mon_access_event ADD COLUMN department_ref VARCHAR(40);

-- Indexes, deliberately few: every index costs on each of the 50,000 events/s of ingest (issue 7 "Must show").
-- The UNIQUE (source_system, event_key) of the contract makes ingest idempotent; the two below serve the person's
-- and the patient's access timelines and the detectors' per-person and per-patient windows. No index on
-- occurred_at alone: a full re-scoring reads the table in physical order, which is arrival order.
CREATE INDEX mon_access_event_person_idx ON mon_access_event (person_id, occurred_at);
CREATE INDEX mon_access_event_patient_idx ON mon_access_event (patient_id, occurred_at);
-- Unknown users are suspicious in themselves (an account the directory does not know): found by their reference.
CREATE INDEX mon_access_event_unknown_user_idx ON mon_access_event (user_ref, occurred_at) WHERE person_id IS NULL;

-- Where the feed of Baomi's own accesses (audit trail -> mon_access_event, source_system 'BAOMI') stands: the
-- audit chain's sequence number up to which entries have been read. The chain's sequence is gap-free and given
-- only after commit, so reading after it never skips an entry that commits late (audit ids are not: a transaction
-- may commit a lower id after a higher one was read).
CREATE TABLE mon_ingest_cursor (
    name        VARCHAR(40)  PRIMARY KEY,
    position    BIGINT       NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);
INSERT INTO mon_ingest_cursor (name, position, updated_at) VALUES ('audit-trail', 0, now());

-- Explanation feeds (issue 7 item 2): an order, appointment or referral that makes a person's or a department's
-- access to a patient legitimate between valid_from and valid_until. The detectors read it (NO_EXPLANATION).
--   source_system  the system that sent it (the API token's client name)
--   source_id      its id in that system; (source_system, source_id) makes the feed idempotent
--   kind           ORDER | APPOINTMENT | REFERRAL
--   person_id      the staff member it names (iam account id), or NULL when it names a department
--   person_ref     the staff number as sent
--   department_id  the department it names (iam department id), or NULL when it names a person only
--   department_ref the department code as sent
--   patient_id     the patient (privacy patient id); a context for an unknown patient explains nothing: refused
--   patient_ref    the MRN as sent
--   valid_from, valid_until  the period it explains accesses in (valid_until >= valid_from)
--   received_at    when Baomi stored it
CREATE TABLE mon_care_context (
    id              BIGSERIAL    PRIMARY KEY,
    source_system   VARCHAR(40)  NOT NULL,
    source_id       VARCHAR(100) NOT NULL,
    kind            VARCHAR(12)  NOT NULL CHECK (kind IN ('ORDER', 'APPOINTMENT', 'REFERRAL')),
    person_id       BIGINT,
    person_ref      VARCHAR(64),
    department_id   BIGINT,
    department_ref  VARCHAR(40),
    patient_id      BIGINT       NOT NULL,
    patient_ref     VARCHAR(64)  NOT NULL,
    valid_from      TIMESTAMPTZ  NOT NULL,
    valid_until     TIMESTAMPTZ  NOT NULL,
    received_at     TIMESTAMPTZ  NOT NULL,
    UNIQUE (source_system, source_id),
    CHECK (person_id IS NOT NULL OR department_id IS NOT NULL),
    CHECK (valid_until >= valid_from)
);
CREATE INDEX mon_care_context_patient_idx ON mon_care_context (patient_id, valid_from);

-- ORG-5 (三员) and API tokens, as V202611250300 did for the patient import: an EMR/HIS that DELIVERS access logs
-- and explanation feeds needs a scope; it is a technical right to write, never to read (the answers carry counts
-- and reasons only), so the system administrator issues it.
INSERT INTO iam_api_token_scope (scope, issuer_kind) VALUES
    ('integration:access-event:import', 'SYSTEM_ADMIN'),
    ('integration:care-context:import', 'SYSTEM_ADMIN');
