-- The end of a document's life (issue 5): holds and the minimal incident record (DOC-8), destruction under two
-- people's supervision (DOC-7). Rows are never deleted: a destroyed or lost document keeps its register entry, its
-- destruction record (who performed, who supervised, when) and its incidents.

-- A hold set by the confidentiality office (an investigation, an audit, a legal matter): while one is in force the
-- document cannot be destroyed (DOC-7). Released holds stay with who released them and when.
CREATE TABLE doc_hold (
    id             BIGSERIAL PRIMARY KEY,
    document_id    BIGINT       NOT NULL REFERENCES doc_document (id),
    reason         VARCHAR(500) NOT NULL,
    set_by         BIGINT       NOT NULL,
    set_by_name    VARCHAR(100) NOT NULL,
    set_at         TIMESTAMPTZ  NOT NULL,
    released_by    BIGINT,
    released_at    TIMESTAMPTZ
);
CREATE UNIQUE INDEX doc_hold_active_uq ON doc_hold (document_id) WHERE released_at IS NULL;

-- DOC-8, minimal on purpose: the incident issue extends it (investigation, measures, report to the authority).
CREATE TABLE doc_incident (
    id               BIGSERIAL PRIMARY KEY,
    document_id      BIGINT        NOT NULL REFERENCES doc_document (id),
    copy_id          BIGINT        REFERENCES doc_copy (id),
    kind             VARCHAR(16)   NOT NULL CHECK (kind IN ('LOST', 'LEAKED')),
    circumstances    VARCHAR(2000) NOT NULL,
    reported_by      BIGINT        NOT NULL,
    reported_by_name VARCHAR(100)  NOT NULL,
    reported_at      TIMESTAMPTZ   NOT NULL,
    status           VARCHAR(16)   NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    closed_by        BIGINT,
    closed_at        TIMESTAMPTZ,
    closing_note     VARCHAR(1000),
    level_was        VARCHAR(20)   NOT NULL
);
CREATE INDEX doc_incident_document_idx ON doc_incident (document_id, status);

-- DOC-7: request -> approval (kind document-destruction) -> performed by one named person, supervised and
-- confirmed by another (两人监销) -> DESTROYED. The CHECK keeps the two people apart even against a bad update.
CREATE TABLE doc_destruction (
    id              BIGSERIAL PRIMARY KEY,
    document_id     BIGINT       NOT NULL REFERENCES doc_document (id),
    approval_id     BIGINT       NOT NULL UNIQUE,
    requester_id    BIGINT       NOT NULL,
    requester_name  VARCHAR(100) NOT NULL,
    method          VARCHAR(20)  NOT NULL CHECK (method IN ('SHREDDING', 'INCINERATION', 'PULPING', 'CRYPTO_SHREDDING')),
    place           VARCHAR(200) NOT NULL,
    reason          VARCHAR(1000) NOT NULL,
    status          VARCHAR(16)  NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REFUSED', 'WITHDRAWN', 'EXPIRED',
                                                            'PERFORMED', 'DESTROYED')),
    requested_at    TIMESTAMPTZ  NOT NULL,
    decided_at      TIMESTAMPTZ,
    performer_id    BIGINT,
    performer_name  VARCHAR(100),
    performed_at    TIMESTAMPTZ,
    supervisor_id   BIGINT,
    supervisor_name VARCHAR(100),
    supervised_at   TIMESTAMPTZ,
    certificate_no  VARCHAR(40)  UNIQUE,
    CHECK (supervisor_id IS NULL OR performer_id IS NULL OR supervisor_id <> performer_id)
);
CREATE INDEX doc_destruction_document_idx ON doc_destruction (document_id);
