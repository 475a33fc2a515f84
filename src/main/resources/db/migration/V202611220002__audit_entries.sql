-- AUD-1, AUD-3 (first part): an append-only record of every use and transfer of protected information.
-- The tamper-evident hash chain and anchors are added by the audit issue; the table is append-only now.
CREATE TABLE aud_entry (
    id               BIGSERIAL    PRIMARY KEY,
    occurred_at      TIMESTAMPTZ  NOT NULL,
    actor_id         BIGINT,
    actor_name       VARCHAR(200),
    actor_department VARCHAR(200),
    actor_kind       VARCHAR(20)  NOT NULL,
    source_address   VARCHAR(100),
    session_ref      VARCHAR(100),
    action           VARCHAR(100) NOT NULL,
    object_type      VARCHAR(60),
    object_id        VARCHAR(100),
    secret_level     VARCHAR(20),
    outcome          VARCHAR(10)  NOT NULL CHECK (outcome IN ('ALLOWED', 'DENIED', 'FAILED')),
    reason_key       VARCHAR(200),
    details          JSONB        NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX aud_entry_occurred_idx ON aud_entry (occurred_at);
CREATE INDEX aud_entry_actor_idx ON aud_entry (actor_id, occurred_at);
CREATE INDEX aud_entry_action_idx ON aud_entry (action, occurred_at);

-- The database itself refuses to change or remove an audit record (AUD-3), whoever asks.
CREATE FUNCTION aud_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'aud_entry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER aud_entry_no_update_delete BEFORE UPDATE OR DELETE ON aud_entry
    FOR EACH ROW EXECUTE FUNCTION aud_refuse_change();
CREATE TRIGGER aud_entry_no_truncate BEFORE TRUNCATE ON aud_entry
    FOR EACH STATEMENT EXECUTE FUNCTION aud_refuse_change();
