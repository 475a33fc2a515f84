-- ACC-7, ORG-5: the security administrator resets a lost second factor (the system administrator resets
-- passwords; neither does both).
INSERT INTO iam_role_permission (role_id, permission)
SELECT id, 'iam:second-factor:reset' FROM iam_role WHERE code = 'security-admin';

-- ACC-2: the periodic access review lists accounts by when they were last reviewed.
CREATE INDEX iam_account_reviewed_idx ON iam_account (access_reviewed_at);
