-- Issue 8 items 6 and 8 (AUD-3): the Merkle tree over each segment's sealed batches, signed in anchors (payload
-- version 2), for evidence packages with inclusion proofs; and the record of archive files. docs/audit-chain.md.

-- One row per sealed batch, filled in under the chain lock before each anchor (BatchTree). leaf_index is the
-- batch's position in its segment's tree; subtree_hashes are the hashes of the perfect subtrees this leaf completes
-- (level 0 = the leaf hash, then each level whose subtree ends here, 32 bytes each); tree_root is the segment
-- tree's root at size leaf_index + 1.
CREATE TABLE aud_tree_leaf (
    batch_id       BIGINT  PRIMARY KEY REFERENCES aud_batch (id),
    segment_id     INT     NOT NULL REFERENCES aud_segment (id),
    leaf_index     BIGINT  NOT NULL,
    subtree_hashes BYTEA   NOT NULL,
    tree_root      BYTEA   NOT NULL,
    UNIQUE (segment_id, leaf_index)
);

-- Anchors of payload version 2 sign the segment tree's size and root; null for version 1 anchors.
ALTER TABLE aud_anchor ADD COLUMN tree_size BIGINT;
ALTER TABLE aud_anchor ADD COLUMN tree_root BYTEA;

-- Signed archive files of whole batches older than the retention period (item 6). This session only exports and
-- records: the rows stay in the online tables (docs/audit-chain.md, "Archives").
CREATE TABLE aud_archive (
    id          BIGINT        PRIMARY KEY,
    segment_id  INT           NOT NULL REFERENCES aud_segment (id),
    first_batch BIGINT        NOT NULL UNIQUE REFERENCES aud_batch (id),
    last_batch  BIGINT        NOT NULL UNIQUE REFERENCES aud_batch (id),
    first_seq   BIGINT        NOT NULL,
    last_seq    BIGINT        NOT NULL,
    entries     BIGINT        NOT NULL,
    anchor_id   BIGINT        NOT NULL,
    file_name   VARCHAR(200)  NOT NULL,
    file_sha256 BYTEA         NOT NULL,
    key_id      VARCHAR(40)   NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL,
    created_by  BIGINT,
    CHECK (last_seq >= first_seq)
);

CREATE TRIGGER aud_tree_leaf_no_update_delete BEFORE UPDATE OR DELETE ON aud_tree_leaf
    FOR EACH STATEMENT EXECUTE FUNCTION aud_refuse_change();
CREATE TRIGGER aud_tree_leaf_no_truncate BEFORE TRUNCATE ON aud_tree_leaf
    FOR EACH STATEMENT EXECUTE FUNCTION aud_refuse_change();
CREATE TRIGGER aud_archive_no_update_delete BEFORE UPDATE OR DELETE ON aud_archive
    FOR EACH STATEMENT EXECUTE FUNCTION aud_refuse_change();
CREATE TRIGGER aud_archive_no_truncate BEFORE TRUNCATE ON aud_archive
    FOR EACH STATEMENT EXECUTE FUNCTION aud_refuse_change();
REVOKE UPDATE, DELETE, TRUNCATE ON aud_tree_leaf, aud_archive FROM PUBLIC;

-- ORG-5: the audit administrator exports evidence and archives; no business-content permission.
INSERT INTO iam_role_permission (role_id, permission)
SELECT r.id, p.permission FROM iam_role r JOIN (VALUES
    ('audit-admin', 'audit:evidence:export'),
    ('audit-admin', 'audit:archive:manage')
) AS p(code, permission) ON r.code = p.code;
