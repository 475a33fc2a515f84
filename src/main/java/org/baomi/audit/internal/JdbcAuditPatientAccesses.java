package org.baomi.audit.internal;

import org.baomi.audit.AuditPatientAccesses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** {@link AuditPatientAccesses} on the chain (gap-free order) joined to the entries. */
@Service
class JdbcAuditPatientAccesses implements AuditPatientAccesses {

    private final JdbcClient jdbc;

    JdbcAuditPatientAccesses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Page after(long afterSequence, int maxSequences) {
        if (afterSequence < 0 || maxSequences < 1 || maxSequences > 50_000) {
            throw new IllegalArgumentException("afterSequence >= 0, maxSequences 1..50000");
        }
        // The range is bounded by sequence, not by LIMIT over matches: a long stretch of other entries is crossed in
        // steps of maxSequences instead of being scanned to its end in one call.
        long last = jdbc.sql("SELECT coalesce(max(seq), :after) FROM aud_chain WHERE seq > :after AND seq <= :until")
                .param("after", afterSequence).param("until", afterSequence + maxSequences)
                .query(Long.class).single();
        if (last == afterSequence) {
            return new Page(java.util.List.of(), afterSequence);
        }
        var accesses = jdbc.sql("""
                SELECT c.seq, e.id, e.occurred_at, e.actor_id, e.action, e.patient_id, e.source_address
                FROM aud_chain c JOIN aud_entry e ON e.id = c.entry_id
                WHERE c.seq > :after AND c.seq <= :last
                  AND e.patient_id IS NOT NULL AND e.actor_id IS NOT NULL AND e.actor_kind = 'PERSON'
                  AND e.outcome = 'ALLOWED' AND e.details -> 'patients' IS NULL
                ORDER BY c.seq
                """).param("after", afterSequence).param("last", last)
                .query((rs, i) -> new Access(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
                        rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
        return new Page(accesses, last);
    }
}
