-- Patient self-service (issue 6 items 4 and 5; ACC-5): one-time codes, sign-in attempts for throttling, patient
-- sessions and the trace codes of printed fee lists. Nothing here is ever deleted (records that matter are kept).

-- One-time codes: only a salted SHA-256 of the code is kept, never the code (shown once at the desk or sent by SMS).
CREATE TABLE pat_self_code (
    id          BIGSERIAL    PRIMARY KEY,
    patient_id  BIGINT       NOT NULL REFERENCES pat_patient (id),
    channel     VARCHAR(10)  NOT NULL CHECK (channel IN ('DESK', 'SMS')),
    salt        BYTEA        NOT NULL,
    code_hash   BYTEA        NOT NULL,
    issued_by   BIGINT,
    issued_at   TIMESTAMPTZ  NOT NULL,
    expires_at  TIMESTAMPTZ  NOT NULL,
    attempts    INT          NOT NULL DEFAULT 0,
    used_at     TIMESTAMPTZ,
    voided_at   TIMESTAMPTZ
);
CREATE INDEX pat_self_code_patient_idx ON pat_self_code (patient_id, issued_at DESC);

-- Every sign-in attempt and SMS request, for throttling per ID number (kept as a SHA-256, not in clear) and per
-- client address.
CREATE TABLE pat_self_attempt (
    id              BIGSERIAL    PRIMARY KEY,
    kind            VARCHAR(10)  NOT NULL CHECK (kind IN ('SIGN_IN', 'SMS')),
    id_number_hash  VARCHAR(64)  NOT NULL,
    client_address  VARCHAR(100) NOT NULL,
    attempted_at    TIMESTAMPTZ  NOT NULL,
    succeeded       BOOLEAN      NOT NULL
);
CREATE INDEX pat_self_attempt_id_number_idx ON pat_self_attempt (id_number_hash, attempted_at DESC);
CREATE INDEX pat_self_attempt_address_idx ON pat_self_attempt (client_address, attempted_at DESC);

-- Patient sessions, separate from staff logins: the browser holds a random token, the table its SHA-256.
CREATE TABLE pat_self_session (
    id              BIGSERIAL    PRIMARY KEY,
    token_hash      VARCHAR(64)  NOT NULL UNIQUE,
    patient_id      BIGINT       NOT NULL REFERENCES pat_patient (id),
    code_id         BIGINT       NOT NULL REFERENCES pat_self_code (id),
    client_address  VARCHAR(100) NOT NULL,
    started_at      TIMESTAMPTZ  NOT NULL,
    last_seen_at    TIMESTAMPTZ  NOT NULL,
    ended_at        TIMESTAMPTZ
);

-- Printed fee lists: the trace code of each copy, so that a leaked copy leads back to the patient session.
CREATE TABLE pat_self_print (
    id            BIGSERIAL    PRIMARY KEY,
    trace_code    VARCHAR(12)  NOT NULL UNIQUE,
    patient_id    BIGINT       NOT NULL REFERENCES pat_patient (id),
    session_id    BIGINT       NOT NULL REFERENCES pat_self_session (id),
    encounter_id  BIGINT       REFERENCES pat_encounter (id),
    printed_at    TIMESTAMPTZ  NOT NULL
);

-- The sign-in looks a patient up by ID number.
CREATE INDEX pat_patient_id_number_idx ON pat_patient (id_number);
