-- AUD-2 review at hospital scale: the audit administrator's console asks "what did this person do" and "what
-- happened to this patient" over a time window, first page, newest first. Those two questions are answered by
-- covering indexes (index-only scans: no heap page is read for a list page, so a cold cache costs a handful of
-- index pages rather than one random heap read per row). The list page shows only the INCLUDEd columns; the
-- detail view of one entry reads the row by its primary key.
--
-- Ordering is (occurred_at DESC, id DESC) everywhere, so keyset paging "before (time, id)" walks one index range.
-- The INCLUDE list is what a list row shows and what its filters test (outcome, action group, secret level,
-- object, free text on the actor's name / action / object id); details, department, source and session stay in
-- the heap. Columns added later by the hash chain (tx, mac, ...) are not needed here.
--
-- The older single-purpose indexes are replaced: (actor_id, occurred_at) and the patient index by their covering
-- versions, (occurred_at) by (occurred_at DESC, id DESC). aud_entry_action_idx stays for the security
-- administrator's "these actions in this period" queries. Index DDL is not refused by aud_refuse_change().

DROP INDEX IF EXISTS aud_entry_actor_idx;
DROP INDEX IF EXISTS aud_entry_patient_idx;
DROP INDEX IF EXISTS aud_entry_occurred_idx;

CREATE INDEX aud_entry_time_idx ON aud_entry (occurred_at DESC, id DESC);

CREATE INDEX aud_entry_actor_cover_idx ON aud_entry (actor_id, occurred_at DESC, id DESC)
    INCLUDE (actor_kind, actor_name, action, outcome, object_type, object_id, secret_level, patient_id)
    WHERE actor_id IS NOT NULL;

CREATE INDEX aud_entry_patient_cover_idx ON aud_entry (patient_id, occurred_at DESC, id DESC)
    INCLUDE (actor_id, actor_kind, actor_name, action, outcome, object_type, object_id, secret_level)
    WHERE patient_id IS NOT NULL;

-- "Everything that happened to this object" (a document, an account, a role).
CREATE INDEX aud_entry_object_idx ON aud_entry (object_type, object_id, occurred_at DESC, id DESC)
    WHERE object_id IS NOT NULL;

-- Index-only scans need the visibility map. The trail is insert-only, so only autovacuum's insert trigger ever
-- vacuums it: make it fire after 1% new rows (default 20%) so that at most a thin recent slice needs heap checks.
ALTER TABLE aud_entry SET (autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_vacuum_insert_threshold = 10000);
