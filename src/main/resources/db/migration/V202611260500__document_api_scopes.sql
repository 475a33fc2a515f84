-- The register's API (issue 5 item 4) in the table of what each administrator kind may put on a token (ORG-5,
-- V202611240500, V202611240600).
--
-- These scopes reach no content by themselves: a client holding one acts for a staff member it names in each call,
-- and gets exactly what that person would get on the pages (permissions, clearance, need-to-know, watermark and
-- trace code naming them); a 三员 account named as that person is refused (org.baomi.document.DocumentsOnBehalf).
-- Like the approval API's scopes, they are therefore issued by the security administrator, and every call is
-- audited as document.api.on-behalf (client, person, operation) for the audit administrator to review.
-- Only these two scopes join, not the 'document' namespace: document:document:read and the like stay refused by the
-- database (ApiTokenScopeSeparationTest). The constraint is extended from its current definition, so that what
-- other migrations allowed stays allowed whatever the order of the sessions' migrations.
DO $$
DECLARE
    current_check text;
BEGIN
    SELECT pg_get_constraintdef(c.oid) INTO current_check FROM pg_constraint c
    WHERE c.conname = 'iam_api_token_scope_no_content' AND c.conrelid = 'iam_api_token_scope'::regclass;
    EXECUTE 'ALTER TABLE iam_api_token_scope DROP CONSTRAINT iam_api_token_scope_no_content';
    EXECUTE 'ALTER TABLE iam_api_token_scope ADD CONSTRAINT iam_api_token_scope_no_content CHECK ('
        || substr(current_check, length('CHECK ') + 1)
        || ' OR scope IN (''document:register:read'', ''document:file:export''))';
END
$$;

INSERT INTO iam_api_token_scope (scope, issuer_kind) VALUES
    ('document:register:read', 'SECURITY_ADMIN'),
    ('document:file:export',   'SECURITY_ADMIN');
