-- Encrypted file store (issue 5 item 2; DOC-9, DOC-7). Content is kept only as ciphertext segments; the data key only
-- wrapped by a master key that lives outside the database (baomi.vault.master-key-file). The owning module keeps the
-- file id; the vault keeps the owner's type and id as values, never a foreign key into another module's tables.
-- Records are never deleted: shredding (DOC-7) nulls the wrapped key and purges the segments, the row stays.

CREATE SEQUENCE vlt_file_id_seq;

CREATE TABLE vlt_file (
    id                 BIGINT       PRIMARY KEY,
    owner_type         VARCHAR(40)  NOT NULL,
    owner_id           VARCHAR(64)  NOT NULL,
    level              VARCHAR(20)  NOT NULL
        CHECK (level IN ('PUBLIC', 'INTERNAL', 'SECRET', 'HIGHLY_SECRET', 'TOP_SECRET')),
    marking            VARCHAR(200) NOT NULL,
    media_type         VARCHAR(100) NOT NULL,
    algorithm          VARCHAR(20)  NOT NULL CHECK (algorithm IN ('SM4_GCM', 'AES_256_GCM')),
    segment_size       INT          NOT NULL CHECK (segment_size > 0),
    segment_count      INT          NOT NULL CHECK (segment_count >= 1),
    plaintext_size     BIGINT       NOT NULL CHECK (plaintext_size >= 0),
    nonce_prefix       BYTEA        NOT NULL,
    -- GCM(master key, data key) with the file's context as associated data; NULL once shredded
    wrapped_key        BYTEA,
    master_key_version INT          NOT NULL,
    -- HMAC-SM3 under a key derived from the data key over header, owner, level mark, size and segment count
    mark_mac           BYTEA        NOT NULL,
    stored_at          TIMESTAMPTZ  NOT NULL,
    stored_by          BIGINT,
    rebound_at         TIMESTAMPTZ,
    shredded_at        TIMESTAMPTZ,
    shredded_by        BIGINT,
    shred_reason       VARCHAR(500),
    version            INT          NOT NULL DEFAULT 0,
    CHECK ((shredded_at IS NULL) = (wrapped_key IS NOT NULL))
);
CREATE INDEX vlt_file_owner_idx ON vlt_file (owner_type, owner_id);
-- the re-wrap job (master key rotation) walks the live keys of older versions
CREATE INDEX vlt_file_key_version_idx ON vlt_file (master_key_version) WHERE wrapped_key IS NOT NULL;

CREATE TABLE vlt_segment (
    file_id BIGINT NOT NULL REFERENCES vlt_file (id),
    idx     INT    NOT NULL CHECK (idx >= 0),
    data    BYTEA  NOT NULL,
    PRIMARY KEY (file_id, idx)
);
-- Ciphertext does not compress: store it out of line without trying.
ALTER TABLE vlt_segment ALTER COLUMN data SET STORAGE EXTERNAL;

CREATE FUNCTION vlt_file_never_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'vlt_file rows are never deleted (DOC-7: shred instead)';
END;
$$;
CREATE TRIGGER vlt_file_no_delete BEFORE DELETE ON vlt_file FOR EACH ROW EXECUTE FUNCTION vlt_file_never_deleted();

CREATE FUNCTION vlt_segment_purged_only_when_shredded() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM vlt_file WHERE id = OLD.file_id AND wrapped_key IS NOT NULL) THEN
        RAISE EXCEPTION 'ciphertext of a live vault file is never deleted (shred the file first)';
    END IF;
    RETURN OLD;
END;
$$;
CREATE TRIGGER vlt_segment_purge_guard BEFORE DELETE ON vlt_segment FOR EACH ROW
    EXECUTE FUNCTION vlt_segment_purged_only_when_shredded();
