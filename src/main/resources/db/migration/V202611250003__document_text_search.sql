-- Register text search (title, 文号, serial number) through an index of character pairs: a substring search of
-- 100,000 documents must not read them all (benchmarks/documents.sh, p95 < 100 ms). Trigram indexes do not serve
-- here: Chinese queries are often two characters, and with the C ctype of the embedded database pg_trgm finds no
-- trigrams in Chinese text at all. Every query of two or more characters contains all its own pairs, so
-- "pairs of the text contain the pairs of the query" narrows the candidates by index and the ILIKE then decides.
CREATE FUNCTION doc_grams(t TEXT) RETURNS TEXT[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT coalesce(array_agg(DISTINCT substr(lower(t), i, 2)), '{}')
          FROM generate_series(1, length(t) - 1) AS i $$;

CREATE INDEX doc_document_grams_idx ON doc_document
    USING gin (doc_grams(title || ' ' || coalesce(doc_number, '') || ' ' || serial_no));
