-- AUD-3: the tamper-evident chain over the audit trail (docs/audit-chain.md, docs/audit-threat-model.md).
--
-- Commit first, seal shortly after: a business transaction only INSERTs into aud_entry (with the id of its own
-- transaction and an application MAC); the sealer then orders the entries of finished transactions by (tx, id)
-- and hashes them into aud_chain. No business transaction ever waits for a chain head.

-- The inserting transaction: the sealer takes only entries whose transaction has ended
-- (tx < pg_snapshot_xmin(pg_current_snapshot())), so no committed entry can later appear before a sealed one.
ALTER TABLE aud_entry ADD COLUMN tx xid8 NOT NULL DEFAULT pg_current_xact_id();
-- HMAC-SM3 over the entry's canonical encoding with a key outside the database (baomi.keys-dir): a row inserted
-- by someone with database access only is still sealed, but flagged as not genuine. Null for rows written before
-- the chain existed.
ALTER TABLE aud_entry ADD COLUMN mac BYTEA;
CREATE INDEX aud_entry_tx_idx ON aud_entry (tx, id);

-- A run of the chain under one hash algorithm. Switching baomi.audit.hash-algorithm starts a new segment; the
-- first entry of a segment links to the previous segment's head through the segment's genesis hash, so the chain
-- stays single and old segments keep verifying under their own algorithm.
CREATE TABLE aud_segment (
    id             INT          PRIMARY KEY,
    hash_algorithm VARCHAR(20)  NOT NULL CHECK (hash_algorithm IN ('SM3', 'SHA-256')),
    first_seq      BIGINT       NOT NULL UNIQUE,
    prev_head_hash BYTEA        NOT NULL,
    genesis_hash   BYTEA        NOT NULL,
    started_at     TIMESTAMPTZ  NOT NULL
);

-- One sealing transaction's entries, with the Merkle root over their entry hashes (RFC 6962 tree shape), so
-- that a proof for one entry needs only its batch's path (issue 8 item 8).
CREATE TABLE aud_batch (
    id          BIGINT       PRIMARY KEY,
    segment_id  INT          NOT NULL REFERENCES aud_segment (id),
    first_seq   BIGINT       NOT NULL UNIQUE,
    last_seq    BIGINT       NOT NULL UNIQUE,
    merkle_root BYTEA        NOT NULL,
    sealed_at   TIMESTAMPTZ  NOT NULL,
    CHECK (last_seq >= first_seq)
);

-- The chain: gap-free sequence numbers, entry_hash = H(prev_hash || canonical(entry)).
CREATE TABLE aud_chain (
    seq        BIGINT  PRIMARY KEY,
    entry_id   BIGINT  NOT NULL UNIQUE,
    -- the entry's transaction, where the sealer resumes ((tx, id) order); not hashed: the order is the seq
    entry_tx   xid8    NOT NULL,
    segment_id INT     NOT NULL REFERENCES aud_segment (id),
    batch_id   BIGINT  NOT NULL REFERENCES aud_batch (id),
    prev_hash  BYTEA   NOT NULL,
    entry_hash BYTEA   NOT NULL,
    -- false: the entry's MAC did not verify when it was sealed (raised as an alert then)
    mac_valid  BOOLEAN NOT NULL
);
CREATE INDEX aud_chain_batch_idx ON aud_chain (batch_id);

-- Public keys of the anchor signatures; the private keys never enter the database. Append-only: rotation adds
-- a key, and old keys stay so that old anchors still verify.
CREATE TABLE aud_anchor_key (
    key_id     VARCHAR(40)  PRIMARY KEY,
    algorithm  VARCHAR(20)  NOT NULL CHECK (algorithm IN ('SM2', 'ED25519')),
    public_key BYTEA        NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL
);

-- Signed checkpoints of the chain head, also written as files to baomi.audit.anchor-dir.
CREATE TABLE aud_anchor (
    id          BIGINT       PRIMARY KEY,
    segment_id  INT          NOT NULL,
    seq         BIGINT       NOT NULL,
    head_hash   BYTEA        NOT NULL,
    batch_id    BIGINT       NOT NULL,
    merkle_root BYTEA        NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    key_id      VARCHAR(40)  NOT NULL REFERENCES aud_anchor_key (key_id),
    payload     TEXT         NOT NULL,
    signature   BYTEA        NOT NULL
);
CREATE INDEX aud_anchor_seq_idx ON aud_anchor (seq);

-- Results of verification runs: the duty on the home page and incremental verification read them.
CREATE TABLE aud_verification (
    id                 BIGSERIAL    PRIMARY KEY,
    mode               VARCHAR(20)  NOT NULL,
    trigger            VARCHAR(20)  NOT NULL,
    started_at         TIMESTAMPTZ  NOT NULL,
    finished_at        TIMESTAMPTZ  NOT NULL,
    intact             BOOLEAN      NOT NULL,
    entries_checked    BIGINT       NOT NULL,
    first_broken_seq   BIGINT,
    breakage           VARCHAR(40),
    breakage_detail    VARCHAR(400),
    anchor_id          BIGINT,
    -- the newest anchor an intact run covered: where the next incremental run starts
    resume_anchor_id   BIGINT,
    verified_to_seq    BIGINT       NOT NULL,
    duration_ms        BIGINT       NOT NULL
);

-- AUD-3: the database itself refuses to change or remove any of it (trigger, whoever asks) ... Statement-level, so
-- that even a statement that would touch no row is refused; aud_entry gets the same beside its row triggers.
CREATE TRIGGER aud_entry_no_update_delete_statement BEFORE UPDATE OR DELETE ON aud_entry
    FOR EACH STATEMENT EXECUTE FUNCTION aud_refuse_change();
CREATE TRIGGER aud_segment_no_update_delete BEFORE UPDATE OR DELETE ON aud_segment
    FOR EACH STATEMENT EXECUTE FUNCTION aud_refuse_change();
CREATE TRIGGER aud_segment_no_truncate BEFORE TRUNCATE ON aud_segment
    FOR EACH STATEMENT EXECUTE FUNCTION aud_refuse_change();
CREATE TRIGGER aud_batch_no_update_delete BEFORE UPDATE OR DELETE ON aud_batch
    FOR EACH STATEMENT EXECUTE FUNCTION aud_refuse_change();
CREATE TRIGGER aud_batch_no_truncate BEFORE TRUNCATE ON aud_batch
    FOR EACH STATEMENT EXECUTE FUNCTION aud_refuse_change();
CREATE TRIGGER aud_chain_no_update_delete BEFORE UPDATE OR DELETE ON aud_chain
    FOR EACH STATEMENT EXECUTE FUNCTION aud_refuse_change();
CREATE TRIGGER aud_chain_no_truncate BEFORE TRUNCATE ON aud_chain
    FOR EACH STATEMENT EXECUTE FUNCTION aud_refuse_change();
CREATE TRIGGER aud_anchor_key_no_update_delete BEFORE UPDATE OR DELETE ON aud_anchor_key
    FOR EACH STATEMENT EXECUTE FUNCTION aud_refuse_change();
CREATE TRIGGER aud_anchor_key_no_truncate BEFORE TRUNCATE ON aud_anchor_key
    FOR EACH STATEMENT EXECUTE FUNCTION aud_refuse_change();
CREATE TRIGGER aud_anchor_no_update_delete BEFORE UPDATE OR DELETE ON aud_anchor
    FOR EACH STATEMENT EXECUTE FUNCTION aud_refuse_change();
CREATE TRIGGER aud_anchor_no_truncate BEFORE TRUNCATE ON aud_anchor
    FOR EACH STATEMENT EXECUTE FUNCTION aud_refuse_change();
CREATE TRIGGER aud_verification_no_update_delete BEFORE UPDATE OR DELETE ON aud_verification
    FOR EACH STATEMENT EXECUTE FUNCTION aud_refuse_change();
CREATE TRIGGER aud_verification_no_truncate BEFORE TRUNCATE ON aud_verification
    FOR EACH STATEMENT EXECUTE FUNCTION aud_refuse_change();

-- ... and by privileges: nobody but the owner holds UPDATE, DELETE or TRUNCATE. In production the application
-- connects as a role with only SELECT and INSERT on aud_* (docs/audit-chain.md, "Database roles").
REVOKE UPDATE, DELETE, TRUNCATE ON aud_entry, aud_segment, aud_batch, aud_chain, aud_anchor_key, aud_anchor,
    aud_verification FROM PUBLIC;
