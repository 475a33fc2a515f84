-- Copies, excerpts and carrying out (DOC-3, DOC-4): by approval only. A request here names the approval it waits
-- for; an approval creates numbered copy records (copy n of m, with the holder) or the carry-out record. Returns are
-- recorded, rows never deleted.
CREATE TABLE doc_copy_request (
    id            BIGSERIAL PRIMARY KEY,
    document_id   BIGINT       NOT NULL REFERENCES doc_document (id),
    kind          VARCHAR(16)  NOT NULL CHECK (kind IN ('COPY', 'EXCERPT', 'CARRY_OUT')),
    approval_id   BIGINT       NOT NULL UNIQUE,
    requester_id  BIGINT       NOT NULL,
    requester_name VARCHAR(100) NOT NULL,
    copies        INTEGER,
    destination   VARCHAR(200),
    status        VARCHAR(16)  NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REFUSED', 'WITHDRAWN', 'EXPIRED')),
    requested_at  TIMESTAMPTZ  NOT NULL,
    decided_at    TIMESTAMPTZ
);
CREATE INDEX doc_copy_request_document_idx ON doc_copy_request (document_id);

CREATE TABLE doc_copy (
    id            BIGSERIAL PRIMARY KEY,
    document_id   BIGINT       NOT NULL REFERENCES doc_document (id),
    request_id    BIGINT       NOT NULL REFERENCES doc_copy_request (id),
    kind          VARCHAR(16)  NOT NULL CHECK (kind IN ('COPY', 'EXCERPT')),
    copy_no       INTEGER      NOT NULL,
    of_total      INTEGER      NOT NULL,
    holder_id     BIGINT       NOT NULL,
    holder_name   VARCHAR(100) NOT NULL,
    status        VARCHAR(16)  NOT NULL CHECK (status IN ('AUTHORISED', 'MADE', 'RETURNED')),
    authorised_at TIMESTAMPTZ  NOT NULL,
    made_at       TIMESTAMPTZ,
    returned_at   TIMESTAMPTZ,
    returned_to   BIGINT,
    UNIQUE (document_id, kind, copy_no)
);
CREATE INDEX doc_copy_holder_idx ON doc_copy (holder_id, status);

CREATE TABLE doc_carry_out (
    id            BIGSERIAL PRIMARY KEY,
    document_id   BIGINT       NOT NULL REFERENCES doc_document (id),
    request_id    BIGINT       NOT NULL REFERENCES doc_copy_request (id),
    holder_id     BIGINT       NOT NULL,
    holder_name   VARCHAR(100) NOT NULL,
    destination   VARCHAR(200) NOT NULL,
    authorised_at TIMESTAMPTZ  NOT NULL,
    returned_at   TIMESTAMPTZ,
    returned_to   BIGINT
);
CREATE INDEX doc_carry_out_document_idx ON doc_carry_out (document_id);
