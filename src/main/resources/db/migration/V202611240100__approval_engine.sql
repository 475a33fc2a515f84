-- Approval engine (issue 4): requests, their chain steps, who is asked, their history, delegations while on
-- leave, and the configured chains (versioned). Records are never deleted: requests end with a status, delegations
-- are revoked, chains get new versions. Ids of other modules (accounts, grants, objects) are stored as values,
-- never as foreign keys into their tables.

CREATE TABLE apr_chain_version (
    kind            VARCHAR(60)  NOT NULL,
    version         INT          NOT NULL CHECK (version >= 1),
    escalation_role VARCHAR(60)  NOT NULL,
    changed_at      TIMESTAMPTZ  NOT NULL,
    changed_by      BIGINT       NOT NULL,
    changed_by_name VARCHAR(100) NOT NULL,
    reason          VARCHAR(500) NOT NULL,
    PRIMARY KEY (kind, version)
);

CREATE TABLE apr_chain_step (
    kind           VARCHAR(60) NOT NULL,
    version        INT         NOT NULL,
    step_no        INT         NOT NULL CHECK (step_no >= 1),
    rule           VARCHAR(20) NOT NULL CHECK (rule IN ('DEPARTMENT_HEAD', 'ROLE', 'PRESIDENT')),
    role_code      VARCHAR(60),
    min_level      VARCHAR(20) CHECK (min_level IN ('PUBLIC', 'INTERNAL', 'SECRET', 'HIGHLY_SECRET', 'TOP_SECRET')),
    deadline_hours INT         NOT NULL CHECK (deadline_hours BETWEEN 1 AND 720),
    PRIMARY KEY (kind, version, step_no),
    FOREIGN KEY (kind, version) REFERENCES apr_chain_version (kind, version)
);

CREATE TABLE apr_request (
    id                      BIGSERIAL     PRIMARY KEY,
    kind                    VARCHAR(60)   NOT NULL,
    requester_id            BIGINT        NOT NULL,
    requester_no            VARCHAR(32)   NOT NULL,
    requester_name          VARCHAR(100)  NOT NULL,
    requester_department_id BIGINT,
    subject_type            VARCHAR(40)   NOT NULL,
    subject_id              VARCHAR(100)  NOT NULL,
    level                   VARCHAR(20)   NOT NULL
        CHECK (level IN ('PUBLIC', 'INTERNAL', 'SECRET', 'HIGHLY_SECRET', 'TOP_SECRET')),
    action                  VARCHAR(20)   CHECK (action IN ('READ', 'CHANGE', 'EXPORT')),
    reason                  VARCHAR(1000) NOT NULL,
    fields                  TEXT          NOT NULL DEFAULT '',
    duration_days           INT           NOT NULL CHECK (duration_days >= 1),
    status                  VARCHAR(20)   NOT NULL
        CHECK (status IN ('PENDING', 'APPROVED', 'REFUSED', 'WITHDRAWN', 'EXPIRED')),
    current_step            INT           NOT NULL DEFAULT 0,
    step_count              INT           NOT NULL,
    chain_version           INT           NOT NULL,
    escalation_role         VARCHAR(60)   NOT NULL,
    submitted_at            TIMESTAMPTZ   NOT NULL,
    decided_at              TIMESTAMPTZ,
    grant_id                BIGINT,
    calling_system          VARCHAR(100),
    updated_at              TIMESTAMPTZ   NOT NULL,
    version                 INT           NOT NULL DEFAULT 0
);
CREATE INDEX apr_request_requester_idx ON apr_request (requester_id, submitted_at DESC);
CREATE INDEX apr_request_pending_idx ON apr_request (status, current_step) WHERE status = 'PENDING';

CREATE TABLE apr_step (
    request_id     BIGINT        NOT NULL REFERENCES apr_request (id),
    step_no        INT           NOT NULL,
    rule           VARCHAR(20)   NOT NULL CHECK (rule IN ('DEPARTMENT_HEAD', 'ROLE', 'PRESIDENT')),
    role_code      VARCHAR(60),
    min_level      VARCHAR(20),
    deadline_hours INT           NOT NULL,
    status         VARCHAR(20)   NOT NULL
        CHECK (status IN ('NOT_REACHED', 'WAITING', 'APPROVED', 'REFUSED', 'CANCELLED')),
    opened_at      TIMESTAMPTZ,
    deadline       TIMESTAMPTZ,
    reminded_at    TIMESTAMPTZ,
    escalated_at   TIMESTAMPTZ,
    decided_by     BIGINT,
    decided_by_name VARCHAR(100),
    on_behalf_of   BIGINT,
    on_behalf_of_name VARCHAR(100),
    decided_at     TIMESTAMPTZ,
    comment        VARCHAR(1000),
    PRIMARY KEY (request_id, step_no)
);
CREATE INDEX apr_step_deadline_idx ON apr_step (deadline) WHERE status = 'WAITING';
CREATE INDEX apr_step_decided_by_idx ON apr_step (decided_by);

-- Who is asked to decide a step: the rule's holders when it opened, plus the escalation role's after the deadline.
-- Delegates are not listed: a delegation counts only while it lasts, checked when the delegate acts.
CREATE TABLE apr_assignment (
    request_id  BIGINT      NOT NULL,
    step_no     INT         NOT NULL,
    person_id   BIGINT      NOT NULL,
    staff_no    VARCHAR(32) NOT NULL,
    full_name   VARCHAR(100) NOT NULL,
    reason      VARCHAR(20) NOT NULL CHECK (reason IN ('NEW_STEP', 'ESCALATION')),
    assigned_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (request_id, step_no, person_id),
    FOREIGN KEY (request_id, step_no) REFERENCES apr_step (request_id, step_no)
);
CREATE INDEX apr_assignment_person_idx ON apr_assignment (person_id);

CREATE TABLE apr_history (
    id           BIGSERIAL     PRIMARY KEY,
    request_id   BIGINT        NOT NULL REFERENCES apr_request (id),
    occurred_at  TIMESTAMPTZ   NOT NULL,
    type         VARCHAR(30)   NOT NULL,
    step_no      INT,
    actor_id     BIGINT,
    actor_name   VARCHAR(100),
    on_behalf_of VARCHAR(100),
    comment      VARCHAR(1000)
);
CREATE INDEX apr_history_request_idx ON apr_history (request_id, id);

CREATE TABLE apr_delegation (
    id             BIGSERIAL    PRIMARY KEY,
    delegator_id   BIGINT       NOT NULL,
    delegator_name VARCHAR(100) NOT NULL,
    delegate_id    BIGINT       NOT NULL,
    delegate_no    VARCHAR(32)  NOT NULL,
    delegate_name  VARCHAR(100) NOT NULL,
    valid_from     TIMESTAMPTZ  NOT NULL,
    valid_until    TIMESTAMPTZ  NOT NULL,
    reason         VARCHAR(500) NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    revoked_at     TIMESTAMPTZ,
    CHECK (valid_until > valid_from),
    CHECK (delegate_id <> delegator_id)
);
CREATE INDEX apr_delegation_delegator_idx ON apr_delegation (delegator_id);
CREATE INDEX apr_delegation_delegate_idx ON apr_delegation (delegate_id);

-- Demo mode only: set once the demo requests were made.
CREATE TABLE apr_demo_marker (
    id        SMALLINT    PRIMARY KEY CHECK (id = 1),
    seeded_at TIMESTAMPTZ NOT NULL
);
