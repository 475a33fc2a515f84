package org.baomi.monitor.internal.detect;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link CareContextSource} over {@code mon_care_context}. That table is created by the ingest part of the module,
 * developed alongside; until its migration is present, there are no contexts (checked per call, so the scoring
 * picks the table up as soon as it exists).
 */
@Component
class JdbcCareContexts implements CareContextSource {

    private final JdbcClient jdbc;

    JdbcCareContexts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<CareContext> since(Instant since) {
        Boolean present = jdbc.sql("SELECT to_regclass('mon_care_context') IS NOT NULL").query(Boolean.class)
                .single();
        if (!Boolean.TRUE.equals(present)) {
            return List.of();
        }
        return jdbc.sql("SELECT id, kind, person_id, department_id, patient_id, valid_from, valid_until "
                + "FROM mon_care_context WHERE valid_until IS NULL OR valid_until >= :since")
                .param("since", Timestamp.from(since))
                .query((rs, n) -> {
                    long person = rs.getLong("person_id");
                    Long personId = rs.wasNull() ? null : person;
                    long department = rs.getLong("department_id");
                    Long departmentId = rs.wasNull() ? null : department;
                    Timestamp until = rs.getTimestamp("valid_until");
                    return new CareContext(rs.getLong("id"), CareContext.Kind.valueOf(rs.getString("kind")),
                            personId, departmentId, rs.getLong("patient_id"),
                            rs.getTimestamp("valid_from").toInstant(), until == null ? null : until.toInstant());
                }).list();
    }
}
