-- Patient directory of the privacy module (issue 6 item 1; PAT-1, ACC-4). Rows are fed by the HIS/EMR through the
-- import API and FHIR R4; each carries the source system (the API client's name) and that system's id, the key of
-- idempotent import, and a hash of its imported content so that an unchanged resource is not rewritten.
-- Identifiers (ID number, phone, address) are kept in their own columns so that views by purpose can mask them
-- (PAT-3, issue 6 item 3). Records are never deleted: an HIS correction updates the row (and is audited).
CREATE TABLE pat_patient (
    id              BIGSERIAL    PRIMARY KEY,
    source_system   VARCHAR(40)  NOT NULL,
    source_id       VARCHAR(64)  NOT NULL,
    mrn             VARCHAR(40)  NOT NULL UNIQUE,
    name            VARCHAR(100) NOT NULL,
    gender          VARCHAR(10)  NOT NULL CHECK (gender IN ('MALE', 'FEMALE', 'OTHER', 'UNKNOWN')),
    birth_date      DATE         NOT NULL,
    id_number       VARCHAR(18),
    phone           VARCHAR(30),
    address         VARCHAR(300),
    vip             BOOLEAN      NOT NULL DEFAULT FALSE,
    staff_account_id BIGINT,
    public_figure   BOOLEAN      NOT NULL DEFAULT FALSE,
    psychiatric     BOOLEAN      NOT NULL DEFAULT FALSE,
    infectious      BOOLEAN      NOT NULL DEFAULT FALSE,
    deceased        BOOLEAN      NOT NULL DEFAULT FALSE,
    deceased_on     DATE,
    content_hash    VARCHAR(64)  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    version         INT          NOT NULL DEFAULT 0,
    UNIQUE (source_system, source_id)
);
CREATE INDEX pat_patient_name_idx ON pat_patient (name);

CREATE TABLE pat_encounter (
    id              BIGSERIAL    PRIMARY KEY,
    source_system   VARCHAR(40)  NOT NULL,
    source_id       VARCHAR(64)  NOT NULL,
    patient_id      BIGINT       NOT NULL REFERENCES pat_patient (id),
    encounter_class VARCHAR(12)  NOT NULL CHECK (encounter_class IN ('OUTPATIENT', 'INPATIENT', 'EMERGENCY')),
    department_id   BIGINT       NOT NULL,
    attending_id    BIGINT,
    started_at      TIMESTAMPTZ  NOT NULL,
    ended_at        TIMESTAMPTZ,
    content_hash    VARCHAR(64)  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    version         INT          NOT NULL DEFAULT 0,
    UNIQUE (source_system, source_id),
    CHECK (ended_at IS NULL OR ended_at >= started_at)
);
CREATE INDEX pat_encounter_patient_idx ON pat_encounter (patient_id);

-- Diagnoses of an encounter (ICD-10), replaced as a whole when the encounter is re-imported with other ones.
CREATE TABLE pat_diagnosis (
    encounter_id    BIGINT       NOT NULL REFERENCES pat_encounter (id),
    rank            INT          NOT NULL,
    icd10           VARCHAR(10)  NOT NULL,
    text            VARCHAR(200) NOT NULL,
    PRIMARY KEY (encounter_id, rank)
);

-- Care team members of an encounter (ACC-4). Each open or past membership is a care relationship of the decision
-- point (iam), whose id is kept here so that a membership the HIS ends or drops is ended there too.
CREATE TABLE pat_care_member (
    id              BIGSERIAL    PRIMARY KEY,
    source_system   VARCHAR(40)  NOT NULL,
    care_team_id    VARCHAR(64)  NOT NULL,
    encounter_id    BIGINT       NOT NULL REFERENCES pat_encounter (id),
    person_id       BIGINT       NOT NULL,
    role            VARCHAR(40)  NOT NULL,
    valid_from      TIMESTAMPTZ  NOT NULL,
    valid_until     TIMESTAMPTZ,
    relationship_id BIGINT       NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX pat_care_member_team_idx ON pat_care_member (source_system, care_team_id);
CREATE INDEX pat_care_member_encounter_idx ON pat_care_member (encounter_id);
CREATE INDEX pat_care_member_person_idx ON pat_care_member (person_id);

-- Itemised charges (fee lists) of inpatient and outpatient encounters (ACC-5: the patient may view and print them).
CREATE TABLE pat_charge (
    id              BIGSERIAL     PRIMARY KEY,
    source_system   VARCHAR(40)   NOT NULL,
    source_id       VARCHAR(64)   NOT NULL,
    patient_id      BIGINT        NOT NULL REFERENCES pat_patient (id),
    encounter_id    BIGINT        NOT NULL REFERENCES pat_encounter (id),
    item_code       VARCHAR(40)   NOT NULL,
    item_name       VARCHAR(200)  NOT NULL,
    category        VARCHAR(12)   NOT NULL
        CHECK (category IN ('DRUG', 'EXAMINATION', 'TREATMENT', 'BED', 'MATERIAL', 'OTHER')),
    quantity        NUMERIC(12, 3) NOT NULL CHECK (quantity > 0),
    unit_price      NUMERIC(12, 2) NOT NULL CHECK (unit_price >= 0),
    amount          NUMERIC(14, 2) NOT NULL,
    charged_on      DATE          NOT NULL,
    content_hash    VARCHAR(64)   NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL,
    updated_at      TIMESTAMPTZ   NOT NULL,
    version         INT           NOT NULL DEFAULT 0,
    UNIQUE (source_system, source_id)
);
CREATE INDEX pat_charge_encounter_idx ON pat_charge (encounter_id);
CREATE INDEX pat_charge_patient_idx ON pat_charge (patient_id);

-- Demo mode only: the demo patients are loaded once per database.
CREATE TABLE pat_demo_marker (
    id         INT          PRIMARY KEY CHECK (id = 1),
    seeded_at  TIMESTAMPTZ  NOT NULL,
    patients   INT          NOT NULL
);

-- ORG-5 (三员) and API tokens: an HIS that only WRITES patient data into Baomi needs a scope. It is an integration
-- client's technical right to deliver records, not a right to read them: nothing is ever returned from patient
-- content through it (the import answers with counts and ids only), so the system administrator, who configures
-- the integration with the hospital's other systems, issues it; the security administrator keeps issuing the
-- decision-point scopes. The namespace 'integration' joins the allowed ones; 'privacy' (patient content) stays out.
ALTER TABLE iam_api_token_scope DROP CONSTRAINT iam_api_token_scope_no_content;
ALTER TABLE iam_api_token_scope ADD CONSTRAINT iam_api_token_scope_no_content
    CHECK (split_part(scope, ':', 1) IN ('iam', 'ops', 'access', 'classification', 'audit', 'system', 'approval',
                                         'integration'));

INSERT INTO iam_api_token_scope (scope, issuer_kind) VALUES
    ('integration:patient:import', 'SYSTEM_ADMIN');

-- The system administrator now issues (and may revoke) tokens too, limited by the table above to the scopes of
-- that administrator kind (the integration scope only).
INSERT INTO iam_role_permission (role_id, permission)
SELECT id, 'iam:api-token:manage' FROM iam_role WHERE code = 'system-admin';
