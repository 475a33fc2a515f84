-- AUD-1, PAT-4: the patient an entry concerns, whatever the object acted on (a fee list, an export, a record),
-- so that everything that happened to one patient is one indexed query.
ALTER TABLE aud_entry ADD COLUMN patient_id VARCHAR(64);
CREATE INDEX aud_entry_patient_idx ON aud_entry (patient_id, occurred_at) WHERE patient_id IS NOT NULL;
