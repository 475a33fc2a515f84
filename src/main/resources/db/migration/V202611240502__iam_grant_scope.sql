-- ACC-4, ACC-6: other systems (the approval workflow of the HIS, say) may revoke an explicit grant through
-- POST /api/v1/access/grants/{id}/revoke. Revoking only takes access away, so the security administrator may put
-- the scope on an integration client's token (ORG-5: still no content through a token).
INSERT INTO iam_api_token_scope (scope, issuer_kind) VALUES ('access:grant:manage', 'SECURITY_ADMIN');
