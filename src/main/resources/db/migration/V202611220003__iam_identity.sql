-- ORG, ACC-2, ACC-3: departments, posts, staff accounts, roles of permission strings, clearances, 三员.

CREATE TABLE iam_department (
    id         BIGSERIAL    PRIMARY KEY,
    code       VARCHAR(40)  NOT NULL UNIQUE,
    name_zh    VARCHAR(100) NOT NULL,
    name_en    VARCHAR(200) NOT NULL,
    parent_id  BIGINT       REFERENCES iam_department (id),
    kind       VARCHAR(20)  NOT NULL CHECK (kind IN ('LEADERSHIP', 'ADMINISTRATIVE', 'CLINICAL', 'MEDICAL_TECH', 'SUPPORT')),
    sort_order INT          NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version    INT          NOT NULL DEFAULT 0
);

CREATE TABLE iam_post (
    id         BIGSERIAL    PRIMARY KEY,
    code       VARCHAR(40)  NOT NULL UNIQUE,
    name_zh    VARCHAR(100) NOT NULL,
    name_en    VARCHAR(200) NOT NULL,
    -- ACC-4: medical posts may see the patients they care for; others see no patient information.
    medical    BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version    INT          NOT NULL DEFAULT 0
);

CREATE TABLE iam_account (
    id                   BIGSERIAL    PRIMARY KEY,
    staff_no             VARCHAR(32)  NOT NULL UNIQUE,
    full_name            VARCHAR(100) NOT NULL,
    department_id        BIGINT       REFERENCES iam_department (id),
    post_id              BIGINT       REFERENCES iam_post (id),
    clearance            VARCHAR(20)  NOT NULL DEFAULT 'INTERNAL'
        CHECK (clearance IN ('PUBLIC', 'INTERNAL', 'SECRET', 'HIGHLY_SECRET', 'TOP_SECRET')),
    status               VARCHAR(20)  NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED', 'DEPARTED')),
    email                VARCHAR(200),
    phone                VARCHAR(40),
    access_reviewed_at   TIMESTAMPTZ,
    access_reviewed_by   BIGINT,
    created_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by           BIGINT,
    updated_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_by           BIGINT,
    version              INT          NOT NULL DEFAULT 0
);
CREATE INDEX iam_account_department_idx ON iam_account (department_id);
CREATE INDEX iam_account_name_idx ON iam_account (full_name);

-- Login state, one row per account, kept apart from the profile so that counters updated by every login
-- attempt never race with an administrator editing the account (ACC-7).
CREATE TABLE iam_credential (
    account_id           BIGINT       PRIMARY KEY REFERENCES iam_account (id),
    password_hash        VARCHAR(255) NOT NULL,
    password_changed_at  TIMESTAMPTZ  NOT NULL,
    must_change_password BOOLEAN      NOT NULL DEFAULT TRUE,
    totp_secret          VARCHAR(200),
    totp_enabled         BOOLEAN      NOT NULL DEFAULT FALSE,
    totp_last_step       BIGINT,
    failed_count         INT          NOT NULL DEFAULT 0,
    first_failure_at     TIMESTAMPTZ,
    locked_until         TIMESTAMPTZ,
    last_login_at        TIMESTAMPTZ,
    last_login_source    VARCHAR(100)
);

CREATE TABLE iam_role (
    id          BIGSERIAL    PRIMARY KEY,
    code        VARCHAR(60)  NOT NULL UNIQUE,
    name_zh     VARCHAR(100) NOT NULL,
    name_en     VARCHAR(200) NOT NULL,
    -- ORG-5: the three administrator kinds; every other role is BUSINESS.
    kind        VARCHAR(20)  NOT NULL CHECK (kind IN ('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'BUSINESS')),
    built_in    BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version     INT          NOT NULL DEFAULT 0
);

CREATE TABLE iam_role_permission (
    role_id    BIGINT       NOT NULL REFERENCES iam_role (id),
    permission VARCHAR(120) NOT NULL CHECK (permission ~ '^[a-z][a-z0-9-]*:([a-z][a-z0-9-]*|\*):([a-z][a-z0-9-]*|\*)$'),
    PRIMARY KEY (role_id, permission)
);

CREATE TABLE iam_account_role (
    account_id BIGINT      NOT NULL REFERENCES iam_account (id),
    role_id    BIGINT      NOT NULL REFERENCES iam_role (id),
    -- copy of the role's kind for administrator roles, so the database itself keeps 三员 exclusive (ORG-5)
    admin_kind VARCHAR(20) CHECK (admin_kind IN ('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN')),
    granted_at TIMESTAMPTZ NOT NULL,
    granted_by BIGINT,
    PRIMARY KEY (account_id, role_id)
);
CREATE UNIQUE INDEX iam_account_role_one_admin_role ON iam_account_role (account_id) WHERE admin_kind IS NOT NULL;

CREATE TABLE iam_password_history (
    id            BIGSERIAL    PRIMARY KEY,
    account_id    BIGINT       NOT NULL REFERENCES iam_account (id),
    password_hash VARCHAR(255) NOT NULL,
    changed_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX iam_password_history_account_idx ON iam_password_history (account_id, changed_at DESC);

CREATE TABLE iam_recovery_code (
    id         BIGSERIAL    PRIMARY KEY,
    account_id BIGINT       NOT NULL REFERENCES iam_account (id),
    code_hash  VARCHAR(255) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE INDEX iam_recovery_code_account_idx ON iam_recovery_code (account_id);

-- Every login attempt, for lockout per account and throttling per source (ACC-7, ACC-8).
CREATE TABLE iam_login_attempt (
    id          BIGSERIAL    PRIMARY KEY,
    occurred_at TIMESTAMPTZ  NOT NULL,
    username    VARCHAR(100) NOT NULL,
    account_id  BIGINT,
    source      VARCHAR(100) NOT NULL,
    success     BOOLEAN      NOT NULL,
    reason      VARCHAR(60)  NOT NULL
);
CREATE INDEX iam_login_attempt_source_idx ON iam_login_attempt (source, occurred_at);
CREATE INDEX iam_login_attempt_account_idx ON iam_login_attempt (account_id, occurred_at);

-- API tokens for integration clients (HIS, EMR): only a hash is kept; the token is shown once.
CREATE TABLE iam_api_token (
    id           BIGSERIAL    PRIMARY KEY,
    name         VARCHAR(100) NOT NULL,
    client       VARCHAR(100) NOT NULL,
    token_prefix VARCHAR(16)  NOT NULL,
    token_hash   VARCHAR(128) NOT NULL UNIQUE,
    scopes       VARCHAR(1000) NOT NULL,
    expires_at   TIMESTAMPTZ  NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    created_by   BIGINT,
    revoked_at   TIMESTAMPTZ,
    revoked_by   BIGINT,
    last_used_at TIMESTAMPTZ,
    version      INT          NOT NULL DEFAULT 0
);
