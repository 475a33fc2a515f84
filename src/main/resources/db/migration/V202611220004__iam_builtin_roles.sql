-- ORG-5: the three built-in administrator roles (三员). None of them carries a permission on business
-- content: their permissions live in the iam, audit and system namespaces only.
INSERT INTO iam_role (code, name_zh, name_en, kind, built_in) VALUES
    ('system-admin',   '系统管理员', 'System administrator',   'SYSTEM_ADMIN',   TRUE),
    ('security-admin', '安全管理员', 'Security administrator', 'SECURITY_ADMIN', TRUE),
    ('audit-admin',    '安全审计员', 'Audit administrator',    'AUDIT_ADMIN',    TRUE),
    ('staff',          '职工',       'Staff member',           'BUSINESS',       TRUE);

INSERT INTO iam_role_permission (role_id, permission)
SELECT r.id, p.permission FROM iam_role r JOIN (VALUES
    ('system-admin', 'iam:account:read'),
    ('system-admin', 'iam:account:create'),
    ('system-admin', 'iam:account:update'),
    ('system-admin', 'iam:department:read'),
    ('system-admin', 'iam:department:manage'),
    ('system-admin', 'iam:post:manage'),
    ('system-admin', 'system:config:manage'),
    ('security-admin', 'iam:account:read'),
    ('security-admin', 'iam:account:unlock'),
    ('security-admin', 'iam:role:manage'),
    ('security-admin', 'iam:role:assign'),
    ('security-admin', 'iam:clearance:assign'),
    ('security-admin', 'iam:policy:manage'),
    ('security-admin', 'iam:access-review:manage'),
    ('security-admin', 'iam:api-token:manage'),
    ('security-admin', 'audit:security-event:read'),
    ('security-admin', 'audit:admin-activity:read'),
    ('audit-admin', 'audit:entry:read'),
    ('audit-admin', 'audit:chain:verify'),
    ('staff', 'portal:home:view')
) AS p(code, permission) ON r.code = p.code;
