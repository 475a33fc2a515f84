-- DOC-6: the year-end return campaign. Opening a campaign takes a snapshot of everything out of its custodian's
-- hands (a reader holding a circulated document, a made copy not returned, a document carried out); custodians
-- confirm each return. Rows are never deleted: a campaign is the record of that year's return.
CREATE TABLE doc_return_campaign (
    id             BIGSERIAL PRIMARY KEY,
    year           INTEGER      NOT NULL UNIQUE,
    opened_by      BIGINT       NOT NULL,
    opened_by_name VARCHAR(100) NOT NULL,
    opened_at      TIMESTAMPTZ  NOT NULL
);

CREATE TABLE doc_return_item (
    id             BIGSERIAL PRIMARY KEY,
    campaign_id    BIGINT       NOT NULL REFERENCES doc_return_campaign (id),
    kind           VARCHAR(16)  NOT NULL CHECK (kind IN ('CIRCULATION', 'COPY', 'CARRY_OUT')),
    ref_id         BIGINT       NOT NULL,
    document_id    BIGINT       NOT NULL REFERENCES doc_document (id),
    holder_id      BIGINT       NOT NULL,
    holder_name    VARCHAR(100) NOT NULL,
    department_id  BIGINT,
    custodian_id   BIGINT       NOT NULL,
    confirmed_at   TIMESTAMPTZ,
    confirmed_by   BIGINT,
    UNIQUE (campaign_id, kind, ref_id)
);
CREATE INDEX doc_return_item_holder_idx ON doc_return_item (holder_id) WHERE confirmed_at IS NULL;
