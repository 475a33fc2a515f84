package org.baomi.iam.internal.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.baomi.iam.AccountStatus;
import org.baomi.iam.BreakGlassVerdict;
import org.baomi.iam.CareRelationship;
import org.baomi.iam.MonitoringFacts;
import org.baomi.iam.ResourceRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link MonitoringFacts} from iam's tables, one statement per kind. */
@Component
@Transactional(readOnly = true)
class JdbcMonitoringFacts implements MonitoringFacts {

    private final JdbcClient jdbc;

    JdbcMonitoringFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<StaffFact> staff() {
        return jdbc.sql("SELECT a.id, a.staff_no, a.full_name, a.phone, a.department_id, d.name_zh AS dept, "
                + "p.code AS post_code, p.name_zh AS post, a.status, a.updated_at FROM iam_account a "
                + "LEFT JOIN iam_department d ON d.id = a.department_id LEFT JOIN iam_post p ON p.id = a.post_id "
                + "ORDER BY a.id")
                .query((rs, n) -> {
                    AccountStatus status = AccountStatus.valueOf(rs.getString("status"));
                    long department = rs.getLong("department_id");
                    return new StaffFact(rs.getLong("id"), rs.getString("staff_no"), rs.getString("full_name"),
                            rs.getString("phone"), rs.wasNull() ? null : department, rs.getString("dept"),
                            rs.getString("post_code"), rs.getString("post"), status,
                            status == AccountStatus.ACTIVE ? null : rs.getTimestamp("updated_at").toInstant());
                }).list();
    }

    @Override
    public List<CareRelationship> patientCareSince(Instant since) {
        return jdbc.sql("SELECT id, person_id, patient_id, valid_from, valid_until FROM iam_care_relationship "
                + "WHERE valid_until IS NULL OR valid_until >= :since")
                .param("since", Timestamp.from(since))
                .query((rs, n) -> new CareRelationship(rs.getLong("id"), rs.getLong("person_id"),
                        rs.getString("patient_id"), rs.getTimestamp("valid_from").toInstant(),
                        instant(rs.getTimestamp("valid_until")))).list();
    }

    @Override
    public List<PatientGrant> patientGrantsSince(Instant since) {
        return jdbc.sql("SELECT person_id, object_id, issued_at, expires_at, revoked_at FROM iam_access_grant "
                + "WHERE object_type = :type AND expires_at >= :since AND (revoked_at IS NULL OR revoked_at >= :since)")
                .param("type", ResourceRef.PATIENT).param("since", Timestamp.from(since))
                .query((rs, n) -> new PatientGrant(rs.getLong("person_id"), rs.getString("object_id"),
                        rs.getTimestamp("issued_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                        instant(rs.getTimestamp("revoked_at")))).list();
    }

    @Override
    public List<PatientBreakGlass> patientBreakGlassSince(Instant since) {
        return jdbc.sql("SELECT person_id, object_id, opened_at, expires_at, verdict FROM iam_break_glass "
                + "WHERE object_type = :type AND expires_at >= :since")
                .param("type", ResourceRef.PATIENT).param("since", Timestamp.from(since))
                .query((rs, n) -> {
                    String verdict = rs.getString("verdict");
                    return new PatientBreakGlass(rs.getLong("person_id"), rs.getString("object_id"),
                            rs.getTimestamp("opened_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                            verdict == null ? null : BreakGlassVerdict.valueOf(verdict));
                }).list();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
