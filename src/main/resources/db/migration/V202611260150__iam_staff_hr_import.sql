-- Issue 6 item 1, ORG-5: staff imported from HR (FHIR Practitioner / PractitionerRole). The token scope is issued by
-- the system administrator, like the patient import's; the import never gives roles or clearance (the security
-- administrator does).
INSERT INTO iam_api_token_scope (scope, issuer_kind) VALUES
    ('integration:staff:import', 'SYSTEM_ADMIN');

-- Administrative gender as HR sends it (FHIR AdministrativeGender); null for accounts registered by hand.
ALTER TABLE iam_account ADD COLUMN gender VARCHAR(10) CHECK (gender IN ('male', 'female', 'other', 'unknown'));
