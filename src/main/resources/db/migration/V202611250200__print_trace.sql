-- Issue 5 item 5 (DOC-3, AUD-1): one row per exported copy, so that a leaked copy's trace code leads back to one
-- person and one moment. Rows are never changed or deleted (house rule: records that matter are never deleted).
CREATE TABLE prt_trace (
    id              BIGSERIAL PRIMARY KEY,
    code            CHAR(12)     NOT NULL,
    person_id       BIGINT       NOT NULL,
    person_staff_no VARCHAR(64)  NOT NULL,
    person_name     VARCHAR(200) NOT NULL,
    object_type     VARCHAR(40)  NOT NULL,
    object_id       VARCHAR(64)  NOT NULL,
    level           VARCHAR(20),
    purpose         VARCHAR(30)  NOT NULL,
    issued_at       TIMESTAMPTZ  NOT NULL,
    issued_by       BIGINT,
    CONSTRAINT prt_trace_code_unique UNIQUE (code)
);

CREATE INDEX prt_trace_object ON prt_trace (object_type, object_id);
CREATE INDEX prt_trace_person ON prt_trace (person_id, issued_at);

CREATE FUNCTION prt_trace_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'prt_trace rows are never changed or deleted';
END;
$$;

CREATE TRIGGER prt_trace_immutable BEFORE UPDATE OR DELETE ON prt_trace
    FOR EACH ROW EXECUTE FUNCTION prt_trace_immutable();
