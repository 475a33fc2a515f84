package org.baomi.privacy.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.baomi.privacy.PatientRoster;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link PatientRoster} from the patient tables, one statement per kind. */
@Component
@Transactional(readOnly = true)
class JdbcPatientRoster implements PatientRoster {

    private final JdbcClient jdbc;

    JdbcPatientRoster(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PatientFact> patients() {
        return jdbc.sql("SELECT id, mrn, name, phone, address, staff_account_id, vip, public_figure, psychiatric, "
                + "infectious, deceased, deceased_on FROM pat_patient ORDER BY id")
                .query((rs, n) -> {
                    long staff = rs.getLong("staff_account_id");
                    Long staffId = rs.wasNull() ? null : staff;
                    Date died = rs.getDate("deceased_on");
                    return new PatientFact(rs.getLong("id"), rs.getString("mrn"), rs.getString("name"),
                            rs.getString("phone"), rs.getString("address"), staffId, rs.getBoolean("vip"),
                            rs.getBoolean("public_figure"), rs.getBoolean("psychiatric"), rs.getBoolean("infectious"),
                            died == null ? null : died.toLocalDate());
                }).list();
    }

    @Override
    public List<EncounterFact> encountersSince(Instant since) {
        return jdbc.sql("SELECT patient_id, department_id, started_at, ended_at FROM pat_encounter "
                + "WHERE ended_at IS NULL OR ended_at >= :since")
                .param("since", Timestamp.from(since))
                .query((rs, n) -> {
                    Timestamp end = rs.getTimestamp("ended_at");
                    return new EncounterFact(rs.getLong("patient_id"), rs.getLong("department_id"),
                            rs.getTimestamp("started_at").toInstant(), end == null ? null : end.toInstant());
                }).list();
    }
}
