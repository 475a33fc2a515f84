-- CLS-1..7: the classification catalogue. Regulatory content, loaded in every installation (not demo data).

-- CLS-1, CLS-2, CLS-7: the five levels with the hospital's definition of harm, the longest confidentiality
-- period (hospital secrets only) and the protection measures each level requires.
CREATE TABLE cls_level (
    level              VARCHAR(20)   PRIMARY KEY
        CHECK (level IN ('PUBLIC', 'INTERNAL', 'SECRET', 'HIGHLY_SECRET', 'TOP_SECRET')),
    rank               INT           NOT NULL UNIQUE,
    -- CLS-2: 秘密, 机密 and 绝密 are hospital secrets; 内部 and 公开 are not.
    hospital_secret    BOOLEAN       NOT NULL,
    harm_zh            VARCHAR(1000) NOT NULL,
    harm_en            VARCHAR(2000) NOT NULL,
    max_period_years   INT           CHECK (max_period_years BETWEEN 1 AND 100),
    storage_zh         VARCHAR(1000) NOT NULL,
    storage_en         VARCHAR(2000) NOT NULL,
    transfer_zh        VARCHAR(1000) NOT NULL,
    transfer_en        VARCHAR(2000) NOT NULL,
    copying_zh         VARCHAR(1000) NOT NULL,
    copying_en         VARCHAR(2000) NOT NULL,
    destruction_zh     VARCHAR(1000) NOT NULL,
    destruction_en     VARCHAR(2000) NOT NULL,
    updated_at         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by         BIGINT,
    version            INT           NOT NULL DEFAULT 0,
    CHECK (hospital_secret = (max_period_years IS NOT NULL))
);

-- CLS-6: the domains of the scope catalogue (保密范围), the first level of the tree.
CREATE TABLE cls_domain (
    id             BIGSERIAL     PRIMARY KEY,
    code           VARCHAR(20)   NOT NULL UNIQUE,
    name_zh        VARCHAR(100)  NOT NULL,
    name_en        VARCHAR(200)  NOT NULL,
    sort_order     INT           NOT NULL
);

-- CLS-2, CLS-5, CLS-6: the categories, each with its default level and default confidentiality period.
-- Never deleted: deactivated with who, when and why.
CREATE TABLE cls_category (
    id                   BIGSERIAL     PRIMARY KEY,
    code                 VARCHAR(40)   NOT NULL UNIQUE,
    domain_id            BIGINT        NOT NULL REFERENCES cls_domain (id),
    name_zh              VARCHAR(100)  NOT NULL,
    name_en              VARCHAR(200)  NOT NULL,
    description_zh       VARCHAR(1000) NOT NULL DEFAULT '',
    description_en       VARCHAR(2000) NOT NULL DEFAULT '',
    default_level        VARCHAR(20)   NOT NULL REFERENCES cls_level (level),
    period_kind          VARCHAR(20)   NOT NULL
        CHECK (period_kind IN ('YEARS', 'UNTIL_PUBLISHED', 'CONDITION', 'INDEFINITE', 'NONE')),
    period_years         INT           CHECK (period_years BETWEEN 1 AND 100),
    period_condition_zh  VARCHAR(200),
    period_condition_en  VARCHAR(400),
    protection_zh        VARCHAR(1000) NOT NULL DEFAULT '',
    protection_en        VARCHAR(2000) NOT NULL DEFAULT '',
    -- CLS-5: general decisions, notices, administrative material: internal at most.
    not_secret           BOOLEAN       NOT NULL DEFAULT FALSE,
    active               BOOLEAN       NOT NULL DEFAULT TRUE,
    sort_order           INT           NOT NULL DEFAULT 0,
    created_at           TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by           BIGINT,
    updated_at           TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by           BIGINT,
    deactivated_at       TIMESTAMPTZ,
    deactivated_by       BIGINT,
    deactivation_reason  VARCHAR(500),
    version              INT           NOT NULL DEFAULT 0,
    CHECK (NOT not_secret OR default_level IN ('PUBLIC', 'INTERNAL')),
    CHECK ((period_kind = 'YEARS') = (period_years IS NOT NULL)),
    CHECK ((period_kind = 'CONDITION') = (period_condition_zh IS NOT NULL AND period_condition_en IS NOT NULL)),
    -- CLS-4: a hospital secret always carries a period.
    CHECK (period_kind <> 'NONE' OR default_level IN ('PUBLIC', 'INTERNAL'))
);
CREATE INDEX cls_category_domain_idx ON cls_category (domain_id, sort_order);

-- The text of the classification guide the confidentiality office maintains.
CREATE TABLE cls_guide_section (
    code        VARCHAR(40)   PRIMARY KEY,
    sort_order  INT           NOT NULL,
    title_zh    VARCHAR(100)  NOT NULL,
    title_en    VARCHAR(200)  NOT NULL,
    body_zh     VARCHAR(4000) NOT NULL,
    body_en     VARCHAR(8000) NOT NULL,
    updated_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by  BIGINT,
    version     INT           NOT NULL DEFAULT 0
);

-- The catalogue's current version number: one row, incremented under its row lock by every change, so that
-- versions are gapless and changes are serialised.
CREATE TABLE cls_catalogue_head (
    id              INT  PRIMARY KEY CHECK (id = 1),
    current_version INT  NOT NULL
);

-- Every version of the catalogue: who changed what, when and why, and the structured difference.
CREATE TABLE cls_catalogue_version (
    number           INT           PRIMARY KEY,
    changed_at       TIMESTAMPTZ   NOT NULL,
    changed_by       BIGINT,
    changed_by_name  VARCHAR(100)  NOT NULL,
    change_kind      VARCHAR(40)   NOT NULL,
    subject          VARCHAR(60)   NOT NULL,
    reason           VARCHAR(500)  NOT NULL,
    changes          JSONB         NOT NULL
);

-- CLS-3: persons the president designates to set or change levels. Never deleted: revoked with who, when, why.
CREATE TABLE cls_designation (
    id                 BIGSERIAL     PRIMARY KEY,
    person_id          BIGINT        NOT NULL,
    person_staff_no    VARCHAR(32)   NOT NULL,
    person_name        VARCHAR(100)  NOT NULL,
    all_categories     BOOLEAN       NOT NULL,
    max_level          VARCHAR(20)   NOT NULL CHECK (max_level IN ('SECRET', 'HIGHLY_SECRET', 'TOP_SECRET')),
    valid_from         DATE          NOT NULL,
    valid_until        DATE          NOT NULL,
    reason             VARCHAR(500)  NOT NULL,
    designated_at      TIMESTAMPTZ   NOT NULL,
    designated_by      BIGINT        NOT NULL,
    designated_by_name VARCHAR(100)  NOT NULL,
    revoked_at         TIMESTAMPTZ,
    revoked_by         BIGINT,
    revoked_by_name    VARCHAR(100),
    revoke_reason      VARCHAR(500),
    version            INT           NOT NULL DEFAULT 0,
    CHECK (valid_until >= valid_from),
    CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL))
);
CREATE INDEX cls_designation_person_idx ON cls_designation (person_id);

CREATE TABLE cls_designation_scope (
    designation_id BIGINT      NOT NULL REFERENCES cls_designation (id),
    kind           VARCHAR(10) NOT NULL CHECK (kind IN ('DOMAIN', 'CATEGORY')),
    code           VARCHAR(40) NOT NULL,
    PRIMARY KEY (designation_id, kind, code)
);
