package org.baomi.print.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.baomi.print.TraceCode;
import org.baomi.print.TracePurpose;
import org.baomi.print.TraceRecord;
import org.baomi.shared.SecretLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code prt_trace}: insert-only, looked up by code. */
@Repository
class TraceStore {

    private final JdbcClient jdbc;

    TraceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the row unless the code is taken already; returns whether it was inserted. */
    boolean insert(TraceRecord r) {
        return jdbc.sql("""
                INSERT INTO prt_trace (code, person_id, person_staff_no, person_name, object_type, object_id, level,
                                       purpose, issued_at, issued_by)
                VALUES (:code, :personId, :staffNo, :name, :objectType, :objectId, :level, :purpose, :issuedAt,
                        :issuedBy)
                ON CONFLICT (code) DO NOTHING
                """)
                .param("code", r.code().value())
                .param("personId", r.personId())
                .param("staffNo", r.staffNo())
                .param("name", r.personName())
                .param("objectType", r.objectType())
                .param("objectId", r.objectId())
                .param("level", r.level() == null ? null : r.level().name())
                .param("purpose", r.purpose().name())
                .param("issuedAt", Timestamp.from(r.issuedAt()))
                .param("issuedBy", r.issuedById())
                .update() == 1;
    }

    Optional<TraceRecord> find(TraceCode code) {
        return jdbc.sql("""
                SELECT person_id, person_staff_no, person_name, object_type, object_id, level, purpose, issued_at,
                       issued_by
                FROM prt_trace WHERE code = :code
                """).param("code", code.value()).query((rs, i) -> {
                    String level = rs.getString("level");
                    long issuedBy = rs.getLong("issued_by");
                    Long by = rs.wasNull() ? null : issuedBy;
                    Instant at = rs.getTimestamp("issued_at").toInstant();
                    return new TraceRecord(code, rs.getLong("person_id"), rs.getString("person_staff_no"),
                            rs.getString("person_name"), rs.getString("object_type"), rs.getString("object_id"),
                            level == null ? null : SecretLevel.valueOf(level),
                            TracePurpose.valueOf(rs.getString("purpose")), at, by);
                }).optional();
    }
}
