-- ORG-5 (三员) for API tokens: which administrator kind may put which scope on a token. A scope that has no row
-- here is refused, whoever asks (deny by default). The audit administrator hands out audit scopes (a SIEM reading
-- the trail, a monitor running verification); the security administrator everything else integration clients
-- need. No row may name business content (documents, patients, archives, ...): the check below keeps token scopes
-- to the identity, operations, decision point, classification catalogue and audit namespaces, so no administrator
-- can reach content through a token either (iam.internal.token.TokenScopePolicy reads this table).
CREATE TABLE iam_api_token_scope (
    scope        varchar(100) PRIMARY KEY
        CHECK (scope ~ '^[a-z][a-z0-9-]*:[a-z][a-z0-9-]*:[a-z][a-z0-9-]*$'),
    issuer_kind  varchar(20)  NOT NULL CHECK (issuer_kind IN ('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN')),
    CONSTRAINT iam_api_token_scope_no_content
        CHECK (split_part(scope, ':', 1) IN ('iam', 'ops', 'access', 'classification', 'audit', 'system'))
);

INSERT INTO iam_api_token_scope (scope, issuer_kind) VALUES
    ('iam:department:read',           'SECURITY_ADMIN'),
    ('iam:staff:read',                'SECURITY_ADMIN'),
    ('ops:metrics:read',              'SECURITY_ADMIN'),
    ('access:decision:request',       'SECURITY_ADMIN'),
    ('access:query:read',             'SECURITY_ADMIN'),
    ('classification:catalogue:read', 'SECURITY_ADMIN'),
    ('audit:entry:read',              'AUDIT_ADMIN'),
    ('audit:chain:verify',            'AUDIT_ADMIN');

-- The audit administrator issues (and may revoke) tokens too, limited by the table above to audit scopes.
INSERT INTO iam_role_permission (role_id, permission)
SELECT id, 'iam:api-token:manage' FROM iam_role WHERE code = 'audit-admin';
