-- API tokens (ACC-2, AUD-1): a revocation keeps its reason; tokens are listed newest first and looked up by
-- hash (the unique constraint on token_hash is the lookup index).
ALTER TABLE iam_api_token ADD COLUMN revoke_reason VARCHAR(200);
ALTER TABLE iam_api_token ADD CONSTRAINT iam_api_token_revocation_complete
    CHECK ((revoked_at IS NULL AND revoke_reason IS NULL) OR (revoked_at IS NOT NULL AND revoke_reason IS NOT NULL));
CREATE INDEX iam_api_token_created_idx ON iam_api_token (created_at DESC);
