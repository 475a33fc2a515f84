-- Issue 3: the access decision point's data (ACC-1..6, ORG-5, CLS-1). Decisions are taken in memory; these
-- tables persist the model, and iam_access_change tells every instance what to reload (within a second).

-- The register of protected objects other modules own (documents, patients, archives): ids are theirs, as text.
CREATE TABLE iam_protected_object (
    object_type   VARCHAR(40)  NOT NULL CHECK (object_type ~ '^[a-z][a-z0-9-]{0,39}$'),
    object_id     VARCHAR(100) NOT NULL,
    level         VARCHAR(20)  NOT NULL
        CHECK (level IN ('PUBLIC', 'INTERNAL', 'SECRET', 'HIGHLY_SECRET', 'TOP_SECRET')),
    department_id BIGINT       REFERENCES iam_department (id),
    custodian_id  BIGINT       REFERENCES iam_account (id),
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (object_type, object_id)
);
CREATE INDEX iam_protected_object_department_idx ON iam_protected_object (department_id);

-- DOC-5: who may read an object besides its custodian.
CREATE TABLE iam_object_distribution (
    object_type VARCHAR(40)  NOT NULL,
    object_id   VARCHAR(100) NOT NULL,
    person_id   BIGINT       NOT NULL REFERENCES iam_account (id),
    PRIMARY KEY (object_type, object_id, person_id),
    FOREIGN KEY (object_type, object_id) REFERENCES iam_protected_object (object_type, object_id)
);

-- ACC-4: clinical staff see the patients they care for, during an encounter and a window after it.
CREATE TABLE iam_care_relationship (
    id          BIGSERIAL    PRIMARY KEY,
    person_id   BIGINT       NOT NULL REFERENCES iam_account (id),
    patient_id  VARCHAR(100) NOT NULL,
    valid_from  TIMESTAMPTZ  NOT NULL,
    valid_until TIMESTAMPTZ,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CHECK (valid_until IS NULL OR valid_until >= valid_from)
);
CREATE INDEX iam_care_relationship_patient_idx ON iam_care_relationship (patient_id);
CREATE INDEX iam_care_relationship_person_idx ON iam_care_relationship (person_id);

-- ACC-4, ACC-6: explicit grants issued by approvals; revoked, never deleted.
CREATE TABLE iam_access_grant (
    id                 BIGSERIAL    PRIMARY KEY,
    person_id          BIGINT       NOT NULL REFERENCES iam_account (id),
    action             VARCHAR(10)  NOT NULL CHECK (action IN ('READ', 'CHANGE', 'EXPORT', 'CREATE')),
    object_type        VARCHAR(40)  NOT NULL,
    object_id          VARCHAR(100) NOT NULL,
    expires_at         TIMESTAMPTZ  NOT NULL,
    conditions         VARCHAR(500),
    source_approval_id VARCHAR(64),
    issued_at          TIMESTAMPTZ  NOT NULL,
    issued_by          BIGINT,
    revoked_at         TIMESTAMPTZ,
    revoked_by         BIGINT,
    revoked_reason     VARCHAR(500),
    FOREIGN KEY (object_type, object_id) REFERENCES iam_protected_object (object_type, object_id)
);
CREATE INDEX iam_access_grant_person_idx ON iam_access_grant (person_id);
CREATE INDEX iam_access_grant_object_idx ON iam_access_grant (object_type, object_id);

-- Break-the-glass sessions: stated reason, short time box, mandatory review by someone else.
CREATE TABLE iam_break_glass (
    id             BIGSERIAL     PRIMARY KEY,
    person_id      BIGINT        NOT NULL REFERENCES iam_account (id),
    object_type    VARCHAR(40)   NOT NULL,
    object_id      VARCHAR(100)  NOT NULL,
    reason         VARCHAR(1000) NOT NULL,
    opened_at      TIMESTAMPTZ   NOT NULL,
    expires_at     TIMESTAMPTZ   NOT NULL,
    verdict        VARCHAR(20)   CHECK (verdict IN ('JUSTIFIED', 'UNJUSTIFIED')),
    reviewer_id    BIGINT        REFERENCES iam_account (id),
    reviewed_at    TIMESTAMPTZ,
    review_comment VARCHAR(1000),
    FOREIGN KEY (object_type, object_id) REFERENCES iam_protected_object (object_type, object_id),
    CHECK (reviewer_id IS NULL OR reviewer_id <> person_id),
    CHECK ((verdict IS NULL) = (reviewer_id IS NULL))
);
CREATE INDEX iam_break_glass_awaiting_idx ON iam_break_glass (opened_at) WHERE verdict IS NULL;

-- PPL-1, PPL-2: outstanding obligations hold a person to INTERNAL; released holds are kept.
CREATE TABLE iam_obligation_hold (
    id          BIGSERIAL    PRIMARY KEY,
    person_id   BIGINT       NOT NULL REFERENCES iam_account (id),
    reason_key  VARCHAR(120) NOT NULL,
    held_at     TIMESTAMPTZ  NOT NULL,
    released_at TIMESTAMPTZ
);
CREATE UNIQUE INDEX iam_obligation_hold_active ON iam_obligation_hold (person_id) WHERE released_at IS NULL;

-- Policy as data: every change is a new version (who, when, why); versions are never edited.
CREATE TABLE iam_access_policy_version (
    version         BIGINT       PRIMARY KEY,
    created_at      TIMESTAMPTZ  NOT NULL,
    created_by      BIGINT,
    created_by_name VARCHAR(100),
    reason          VARCHAR(500) NOT NULL
);

CREATE TABLE iam_access_policy_rule (
    version              BIGINT       NOT NULL REFERENCES iam_access_policy_version (version),
    resource_type        VARCHAR(40)  NOT NULL,
    action               VARCHAR(10)  NOT NULL CHECK (action IN ('READ', 'CHANGE', 'EXPORT', 'CREATE')),
    permission           VARCHAR(120) NOT NULL,
    bases                VARCHAR(200) NOT NULL,
    department_max_level VARCHAR(20)
        CHECK (department_max_level IN ('PUBLIC', 'INTERNAL', 'SECRET', 'HIGHLY_SECRET', 'TOP_SECRET')),
    medical_only         BOOLEAN      NOT NULL,
    care_window_days     INT          NOT NULL CHECK (care_window_days BETWEEN 0 AND 365),
    break_glass_minutes  INT          NOT NULL CHECK (break_glass_minutes BETWEEN 0 AND 240),
    PRIMARY KEY (version, resource_type, action)
);

-- The change log every instance polls (about every 250 ms) to refresh its model. Rows are written by the
-- triggers below, in the transaction of the change, so a change and its notice commit together.
CREATE TABLE iam_access_change (
    id         BIGSERIAL    PRIMARY KEY,
    kind       VARCHAR(20)  NOT NULL,
    key1       VARCHAR(100) NOT NULL,
    key2       VARCHAR(100),
    changed_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE FUNCTION iam_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    rec RECORD;
BEGIN
    IF TG_OP = 'DELETE' THEN
        rec := OLD;
    ELSE
        rec := NEW;
    END IF;
    IF TG_TABLE_NAME = 'iam_account' THEN
        INSERT INTO iam_access_change (kind, key1) VALUES ('PERSON', rec.id::text);
    ELSIF TG_TABLE_NAME = 'iam_account_role' THEN
        INSERT INTO iam_access_change (kind, key1) VALUES ('PERSON', rec.account_id::text);
    ELSIF TG_TABLE_NAME = 'iam_role_permission' THEN
        INSERT INTO iam_access_change (kind, key1) VALUES ('ROLE', rec.role_id::text);
    ELSIF TG_TABLE_NAME = 'iam_post' THEN
        INSERT INTO iam_access_change (kind, key1) VALUES ('POST', rec.id::text);
    ELSIF TG_TABLE_NAME = 'iam_protected_object' THEN
        INSERT INTO iam_access_change (kind, key1, key2) VALUES ('OBJECT', rec.object_type, rec.object_id);
    ELSIF TG_TABLE_NAME = 'iam_object_distribution' THEN
        INSERT INTO iam_access_change (kind, key1, key2) VALUES ('DISTRIBUTION', rec.object_type, rec.object_id);
    ELSIF TG_TABLE_NAME = 'iam_care_relationship' THEN
        INSERT INTO iam_access_change (kind, key1) VALUES ('CARE', rec.id::text);
    ELSIF TG_TABLE_NAME = 'iam_access_grant' THEN
        INSERT INTO iam_access_change (kind, key1) VALUES ('GRANT', rec.id::text);
    ELSIF TG_TABLE_NAME = 'iam_break_glass' THEN
        INSERT INTO iam_access_change (kind, key1) VALUES ('GLASS', rec.id::text);
    ELSIF TG_TABLE_NAME = 'iam_obligation_hold' THEN
        INSERT INTO iam_access_change (kind, key1) VALUES ('HOLD', rec.person_id::text);
    ELSIF TG_TABLE_NAME = 'iam_access_policy_version' THEN
        INSERT INTO iam_access_change (kind, key1) VALUES ('POLICY', rec.version::text);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER iam_account_access_changed AFTER INSERT OR UPDATE ON iam_account
    FOR EACH ROW EXECUTE FUNCTION iam_access_changed();
CREATE TRIGGER iam_account_role_access_changed AFTER INSERT OR UPDATE OR DELETE ON iam_account_role
    FOR EACH ROW EXECUTE FUNCTION iam_access_changed();
CREATE TRIGGER iam_role_permission_access_changed AFTER INSERT OR UPDATE OR DELETE ON iam_role_permission
    FOR EACH ROW EXECUTE FUNCTION iam_access_changed();
CREATE TRIGGER iam_post_access_changed AFTER UPDATE ON iam_post
    FOR EACH ROW EXECUTE FUNCTION iam_access_changed();
CREATE TRIGGER iam_protected_object_access_changed AFTER INSERT OR UPDATE ON iam_protected_object
    FOR EACH ROW EXECUTE FUNCTION iam_access_changed();
CREATE TRIGGER iam_object_distribution_access_changed AFTER INSERT OR UPDATE OR DELETE ON iam_object_distribution
    FOR EACH ROW EXECUTE FUNCTION iam_access_changed();
CREATE TRIGGER iam_care_relationship_access_changed AFTER INSERT OR UPDATE ON iam_care_relationship
    FOR EACH ROW EXECUTE FUNCTION iam_access_changed();
CREATE TRIGGER iam_access_grant_access_changed AFTER INSERT OR UPDATE ON iam_access_grant
    FOR EACH ROW EXECUTE FUNCTION iam_access_changed();
CREATE TRIGGER iam_break_glass_access_changed AFTER INSERT OR UPDATE ON iam_break_glass
    FOR EACH ROW EXECUTE FUNCTION iam_access_changed();
CREATE TRIGGER iam_obligation_hold_access_changed AFTER INSERT OR UPDATE ON iam_obligation_hold
    FOR EACH ROW EXECUTE FUNCTION iam_access_changed();
CREATE TRIGGER iam_access_policy_version_access_changed AFTER INSERT ON iam_access_policy_version
    FOR EACH ROW EXECUTE FUNCTION iam_access_changed();

-- The default policy (version 1). Department scope reaches INTERNAL documents and archives only (CLS-7);
-- patients: medical posts, care team within 30 days for reading, during the encounter for changing (ACC-4);
-- exporting patient data always needs an approval (ACC-5); break-the-glass for patients only, 30 minutes.
INSERT INTO iam_access_policy_version (version, created_at, reason)
VALUES (1, now(), 'Default policy (issue 3)');

INSERT INTO iam_access_policy_rule (version, resource_type, action, permission, bases, department_max_level,
                                    medical_only, care_window_days, break_glass_minutes) VALUES
    (1, 'document', 'READ',   'document:document:read',   'CUSTODIAN DISTRIBUTION DEPARTMENT GRANT', 'INTERNAL', FALSE, 0, 0),
    (1, 'document', 'CHANGE', 'document:document:update', 'CUSTODIAN GRANT', NULL, FALSE, 0, 0),
    (1, 'document', 'EXPORT', 'document:document:export', 'CUSTODIAN GRANT', NULL, FALSE, 0, 0),
    (1, 'document', 'CREATE', 'document:document:create', 'CUSTODIAN DEPARTMENT', 'TOP_SECRET', FALSE, 0, 0),
    (1, 'patient',  'READ',   'privacy:patient:read',     'CARE_TEAM GRANT BREAK_GLASS', NULL, TRUE, 30, 30),
    (1, 'patient',  'CHANGE', 'privacy:patient:update',   'CARE_TEAM GRANT BREAK_GLASS', NULL, TRUE, 0, 30),
    (1, 'patient',  'EXPORT', 'privacy:patient:export',   'GRANT', NULL, FALSE, 0, 0),
    (1, 'archive',  'READ',   'archive:archive:read',     'CUSTODIAN GRANT DEPARTMENT', 'INTERNAL', FALSE, 0, 0),
    (1, 'archive',  'CHANGE', 'archive:archive:manage',   'CUSTODIAN', NULL, FALSE, 0, 0);
