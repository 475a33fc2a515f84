-- The security administrator's master key screen (issue 5 item 5; DOC-9). Key management is the security
-- administrator's duty among the 三员 (ORG-5): the screen shows versions and counts, never a key, and reading a file
-- still needs the owning module's access decision, so the permission reaches no content.
INSERT INTO iam_role_permission (role_id, permission)
SELECT id, 'vault:master-key:manage' FROM iam_role WHERE code = 'security-admin';

-- A rotation made on the screen asks the scheduled job (ShedLock vault.rewrap) to re-wrap every data key to the new
-- version. The job closes the request when no live data key is left on an older version, or when a later rotation
-- has superseded it. Rows are kept (who rotated when, when the re-wrap ended).
CREATE TABLE vlt_rewrap_request (
    id            BIGSERIAL    PRIMARY KEY,
    to_version    INT          NOT NULL,
    requested_at  TIMESTAMPTZ  NOT NULL,
    requested_by  BIGINT,
    completed_at  TIMESTAMPTZ
);
CREATE INDEX vlt_rewrap_request_open_idx ON vlt_rewrap_request (id) WHERE completed_at IS NULL;
