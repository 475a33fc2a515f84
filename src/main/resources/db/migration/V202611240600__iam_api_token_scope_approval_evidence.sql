-- Scopes that arrived with the approval engine (issue 4) and the evidence packages (issue 8 item 8), in the table of
-- what each administrator kind may put on a token (ORG-5, V202611240500).
--
-- The approval API lets a hospital system submit, decide or read approval requests on behalf of a named staff
-- member (each call names the person and is checked and audited as that person's act): workflow, not business
-- content, so the namespace joins the allowed ones and the security administrator issues these scopes. Evidence
-- packages are trail content: only the audit administrator issues that scope.
ALTER TABLE iam_api_token_scope DROP CONSTRAINT iam_api_token_scope_no_content;
ALTER TABLE iam_api_token_scope ADD CONSTRAINT iam_api_token_scope_no_content
    CHECK (split_part(scope, ':', 1) IN ('iam', 'ops', 'access', 'classification', 'audit', 'system', 'approval'));

INSERT INTO iam_api_token_scope (scope, issuer_kind) VALUES
    ('approval:request:submit', 'SECURITY_ADMIN'),
    ('approval:request:decide', 'SECURITY_ADMIN'),
    ('approval:request:read',   'SECURITY_ADMIN'),
    ('audit:evidence:export',   'AUDIT_ADMIN');
