-- The register of classified documents (涉密文件台账, DOC-1, DOC-2, CLS-2..4). Rows are never deleted: a destroyed,
-- lost or declassified document keeps its row with its status; every event is kept in doc_event.

-- Serial numbers per direction and year (收-2026-0001, 发-2026-0001): one row per pair, incremented under its row lock.
CREATE TABLE doc_serial (
    direction   VARCHAR(16) NOT NULL,
    year        INTEGER     NOT NULL,
    last_number INTEGER     NOT NULL,
    PRIMARY KEY (direction, year)
);

CREATE TABLE doc_document (
    id                BIGSERIAL PRIMARY KEY,
    serial_no         VARCHAR(32)  NOT NULL UNIQUE,
    direction         VARCHAR(16)  NOT NULL CHECK (direction IN ('RECEIPT', 'DISPATCH')),
    serial_year       INTEGER      NOT NULL,
    serial_number     INTEGER      NOT NULL,
    title             VARCHAR(300) NOT NULL,
    doc_number        VARCHAR(100),
    originating_unit  VARCHAR(200) NOT NULL,
    category_code     VARCHAR(40)  NOT NULL,
    level             VARCHAR(16)  NOT NULL,
    period_kind       VARCHAR(20)  NOT NULL,
    period_years      INTEGER,
    period_until      DATE,
    period_condition  VARCHAR(300),
    declassify_on     DATE,
    copies            INTEGER      NOT NULL CHECK (copies BETWEEN 1 AND 999),
    custodian_id      BIGINT       NOT NULL,
    custodian_name    VARCHAR(100) NOT NULL,
    department_id     BIGINT,
    storage_place     VARCHAR(200),
    remarks           VARCHAR(1000),
    status            VARCHAR(20)  NOT NULL,
    -- DOC-9: the vault's id of the electronic file, wired in by the lead once the vault module is merged
    file_id           BIGINT,
    file_name         VARCHAR(255),
    file_size         BIGINT,
    file_media_type   VARCHAR(127),
    registered_on     DATE         NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL,
    created_by        BIGINT       NOT NULL,
    created_by_name   VARCHAR(100) NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL,
    updated_by        BIGINT       NOT NULL,
    version           INTEGER      NOT NULL DEFAULT 0,
    UNIQUE (direction, serial_year, serial_number)
);

-- Register searches: filters on level, status, custodian, category, direction and due dates, newest first.
CREATE INDEX doc_document_registered_idx ON doc_document (registered_on DESC, id DESC);
CREATE INDEX doc_document_custodian_idx ON doc_document (custodian_id, status);
CREATE INDEX doc_document_declassify_idx ON doc_document (declassify_on) WHERE declassify_on IS NOT NULL;
CREATE INDEX doc_document_category_idx ON doc_document (category_code);
CREATE INDEX doc_document_level_status_idx ON doc_document (level, status);

-- The history of each document (who, when, what), shown on its page. Append only.
CREATE TABLE doc_event (
    id           BIGSERIAL PRIMARY KEY,
    document_id  BIGINT       NOT NULL REFERENCES doc_document (id),
    occurred_at  TIMESTAMPTZ  NOT NULL,
    actor_id     BIGINT,
    actor_name   VARCHAR(100),
    action       VARCHAR(40)  NOT NULL,
    detail       VARCHAR(500)
);
CREATE INDEX doc_event_document_idx ON doc_event (document_id, occurred_at, id);

-- Circulations (传阅, DOC-5): the custodian sends the document to named readers, one at a time or all at once;
-- it always returns to the custodian.
CREATE TABLE doc_circulation (
    id             BIGSERIAL PRIMARY KEY,
    document_id    BIGINT      NOT NULL REFERENCES doc_document (id),
    mode           VARCHAR(16) NOT NULL CHECK (mode IN ('SEQUENTIAL', 'PARALLEL')),
    urgent         BOOLEAN     NOT NULL,
    custodian_id   BIGINT      NOT NULL,
    started_at     TIMESTAMPTZ NOT NULL,
    due_at         TIMESTAMPTZ NOT NULL,
    returned_at    TIMESTAMPTZ,
    overdue_at     TIMESTAMPTZ,
    last_chased_at TIMESTAMPTZ,
    version        INTEGER     NOT NULL DEFAULT 0
);
-- At most one open circulation per document: a document is in one place at a time.
CREATE UNIQUE INDEX doc_circulation_open_idx ON doc_circulation (document_id) WHERE returned_at IS NULL;
CREATE INDEX doc_circulation_due_idx ON doc_circulation (due_at) WHERE returned_at IS NULL;

CREATE TABLE doc_circulation_reader (
    id              BIGSERIAL PRIMARY KEY,
    circulation_id  BIGINT       NOT NULL REFERENCES doc_circulation (id),
    position        INTEGER      NOT NULL,
    reader_id       BIGINT       NOT NULL,
    reader_name     VARCHAR(100) NOT NULL,
    sent_at         TIMESTAMPTZ,
    signed_at       TIMESTAMPTZ,
    signed_name     VARCHAR(100),
    released_at     TIMESTAMPTZ,
    UNIQUE (circulation_id, reader_id),
    UNIQUE (circulation_id, position)
);
CREATE INDEX doc_circulation_reader_idx ON doc_circulation_reader (reader_id, released_at);
