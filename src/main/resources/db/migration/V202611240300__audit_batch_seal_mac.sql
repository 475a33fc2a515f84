-- AUD-3, issue 8 "verification >= 300,000 entries/s": the sealer checks every entry's MAC when it seals it, and
-- now also signs what it sealed with the entry MAC key: seal_mac = HMAC-SM3 over (batch id, segment, first and last
-- sequence number, Merkle root, the sequence numbers of entries whose MAC failed). A full verification then checks
-- one MAC per batch instead of one per entry (a "deep" run still checks every entry's MAC); someone who rewrites
-- sealed entries and recomputes the chain without the key cannot make a matching seal MAC. Null for batches sealed
-- before this column existed: their entries' MACs are always checked. See docs/audit-chain.md, "Seal MAC".
ALTER TABLE aud_batch ADD COLUMN seal_mac BYTEA;
