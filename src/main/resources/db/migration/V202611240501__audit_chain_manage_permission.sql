-- ORG-5 (三员), AUD-3: rotating the anchor signing key is key management, the security administrator's duty
-- (安全保密管理员), not the audit administrator's: the one who verifies the chain does not also control the key
-- its anchors are signed with, and the rotation itself is an audit entry (audit.chain.key-rotated) the audit
-- administrator sees. Neither ever handles the private key: Baomi creates it on the server.
INSERT INTO iam_role_permission (role_id, permission)
SELECT id, 'audit:chain:manage' FROM iam_role WHERE code = 'security-admin';
