package org.baomi.iam.internal.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessPolicyRule;
import org.baomi.iam.AdminKind;
import org.baomi.iam.NeedToKnow;
import org.baomi.iam.PolicyVersion;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.internal.account.RoleKind;
import org.baomi.shared.SecretLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the decision model's data from the {@code iam_} tables: everything at start, one entity at a time when the
 * change log names it. Reads only; the model is filled by {@link AccessChangeFeed}.
 */
@Component
class AccessModelLoader {

    private static final String PEOPLE = """
            SELECT a.id, a.staff_no, a.full_name, a.department_id, a.clearance, a.status,
                   COALESCE(p.medical, FALSE) AS medical, r.kind AS role_kind, rp.permission
            FROM iam_account a
            LEFT JOIN iam_post p ON p.id = a.post_id
            LEFT JOIN iam_account_role ar ON ar.account_id = a.id
            LEFT JOIN iam_role r ON r.id = ar.role_id
            LEFT JOIN iam_role_permission rp ON rp.role_id = r.id
            """;

    private final JdbcClient jdbc;

    AccessModelLoader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The highest change-log id now; changes after it are applied by the feed (loading twice is harmless). */
    long lastChangeId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM iam_access_change").query(Long.class).single();
    }

    void loadAll(AccessModel model, Instant now) {
        reloadPolicy(model);
        Map<Long, String> holds = new HashMap<>();
        jdbc.sql("SELECT person_id, reason_key FROM iam_obligation_hold WHERE released_at IS NULL")
                .query(rs -> {
                    holds.put(rs.getLong(1), rs.getString(2));
                });
        holds.forEach(model::setHold);
        people(PEOPLE + " ORDER BY a.id", Map.of()).forEach(model::putPerson);
        jdbc.sql("SELECT object_type, object_id, level, department_id, custodian_id FROM iam_protected_object")
                .query(rs -> {
                    putObject(model, rs);
                });
        Map<ResourceRef, List<Long>> distribution = new LinkedHashMap<>();
        jdbc.sql("SELECT object_type, object_id, person_id FROM iam_object_distribution ORDER BY object_type, object_id")
                .query(rs -> {
                    distribution.computeIfAbsent(new ResourceRef(rs.getString(1), rs.getString(2)), r -> new ArrayList<>())
                            .add(rs.getLong(3));
                });
        distribution.forEach((ref, ids) -> model.setDistribution(ref, ids.stream().mapToLong(Long::longValue).toArray()));
        jdbc.sql("SELECT id, person_id, patient_id, valid_from, valid_until FROM iam_care_relationship")
                .query(rs -> {
                    putCare(model, rs);
                });
        jdbc.sql("""
                SELECT id, person_id, action, object_type, object_id, expires_at FROM iam_access_grant
                WHERE revoked_at IS NULL AND expires_at > :now
                """).param("now", Timestamp.from(now)).query(rs -> {
                    putGrant(model, rs);
                });
        jdbc.sql("SELECT id, person_id, object_type, object_id, opened_at, expires_at FROM iam_break_glass WHERE expires_at > :now")
                .param("now", Timestamp.from(now)).query(rs -> {
                    putGlass(model, rs);
                });
    }

    void reloadPerson(AccessModel model, long id) {
        List<PersonEntry> found = people(PEOPLE + " WHERE a.id = :id", Map.of("id", id));
        if (found.isEmpty()) {
            model.removePerson(id);
        } else {
            model.putPerson(found.get(0));
        }
    }

    void reloadRole(AccessModel model, long roleId) {
        jdbc.sql("SELECT account_id FROM iam_account_role WHERE role_id = :id").param("id", roleId).query(Long.class).list()
                .forEach(accountId -> reloadPerson(model, accountId));
    }

    void reloadPost(AccessModel model, long postId) {
        jdbc.sql("SELECT id FROM iam_account WHERE post_id = :id").param("id", postId).query(Long.class).list()
                .forEach(accountId -> reloadPerson(model, accountId));
    }

    void reloadHold(AccessModel model, long personId) {
        Optional<String> reason = jdbc.sql("""
                SELECT reason_key FROM iam_obligation_hold WHERE person_id = :id AND released_at IS NULL
                """).param("id", personId).query(String.class).optional();
        model.setHold(personId, reason.orElse(null));
    }

    void reloadObject(AccessModel model, String type, String id) {
        jdbc.sql("""
                SELECT object_type, object_id, level, department_id, custodian_id FROM iam_protected_object
                WHERE object_type = :type AND object_id = :id
                """).param("type", type).param("id", id).query(rs -> {
                    putObject(model, rs);
                });
    }

    void reloadObjects(AccessModel model, String type, List<String> ids) {
        jdbc.sql("""
                SELECT object_type, object_id, level, department_id, custodian_id FROM iam_protected_object
                WHERE object_type = :type AND object_id = ANY(CAST(:ids AS TEXT[]))
                """).param("type", type).param("ids", ids.toArray(new String[0])).query(rs -> {
                    putObject(model, rs);
                });
    }

    void reloadCares(AccessModel model, List<Long> ids) {
        jdbc.sql("""
                SELECT id, person_id, patient_id, valid_from, valid_until FROM iam_care_relationship
                WHERE id = ANY(CAST(:ids AS BIGINT[]))
                """).param("ids", ids.toArray(new Long[0])).query(rs -> {
                    putCare(model, rs);
                });
    }

    void reloadDistribution(AccessModel model, String type, String id) {
        long[] people = jdbc.sql("""
                SELECT person_id FROM iam_object_distribution WHERE object_type = :type AND object_id = :id
                """).param("type", type).param("id", id).query(Long.class).list().stream().mapToLong(Long::longValue)
                .toArray();
        model.setDistribution(new ResourceRef(type, id), people);
    }

    void reloadCare(AccessModel model, long id) {
        jdbc.sql("SELECT id, person_id, patient_id, valid_from, valid_until FROM iam_care_relationship WHERE id = :id")
                .param("id", id).query(rs -> {
                    putCare(model, rs);
                });
    }

    void reloadGrant(AccessModel model, long id) {
        model.removeGrant(id);
        jdbc.sql("""
                SELECT id, person_id, action, object_type, object_id, expires_at FROM iam_access_grant
                WHERE id = :id AND revoked_at IS NULL
                """).param("id", id).query(rs -> {
                    putGrant(model, rs);
                });
    }

    void reloadGlass(AccessModel model, long id) {
        jdbc.sql("SELECT id, person_id, object_type, object_id, opened_at, expires_at FROM iam_break_glass WHERE id = :id")
                .param("id", id).query(rs -> {
                    putGlass(model, rs);
                });
    }

    void reloadPolicy(AccessModel model) {
        currentPolicy().ifPresent(version -> model.setPolicy(new CompiledPolicy(version)));
    }

    Optional<PolicyVersion> currentPolicy() {
        return jdbc.sql("SELECT MAX(version) FROM iam_access_policy_version").query(Long.class).optional()
                .flatMap(this::policyVersion);
    }

    Optional<PolicyVersion> policyVersion(long version) {
        record Header(long version, Instant createdAt, Long createdBy, String createdByName, String reason) {
        }
        Optional<Header> header = jdbc.sql("""
                SELECT version, created_at, created_by, created_by_name, reason FROM iam_access_policy_version
                WHERE version = :v
                """).param("v", version).query((rs, n) -> new Header(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                (Long) rs.getObject(3), rs.getString(4), rs.getString(5))).optional();
        return header.map(h -> new PolicyVersion(h.version(), h.createdAt(), h.createdBy(), h.createdByName(), h.reason(),
                rules(h.version())));
    }

    List<Long> policyVersions() {
        return jdbc.sql("SELECT version FROM iam_access_policy_version ORDER BY version DESC").query(Long.class).list();
    }

    private List<AccessPolicyRule> rules(long version) {
        return jdbc.sql("""
                SELECT resource_type, action, permission, bases, department_max_level, medical_only, care_window_days,
                       break_glass_minutes
                FROM iam_access_policy_rule WHERE version = :v ORDER BY resource_type, action
                """).param("v", version).query((rs, n) -> {
                    Set<NeedToKnow> bases = EnumSet.noneOf(NeedToKnow.class);
                    for (String b : rs.getString("bases").trim().split("\\s+")) {
                        if (!b.isEmpty()) {
                            bases.add(NeedToKnow.valueOf(b));
                        }
                    }
                    String max = rs.getString("department_max_level");
                    return new AccessPolicyRule(rs.getString("resource_type"), AccessAction.valueOf(rs.getString("action")),
                            rs.getString("permission"), bases, max == null ? null : SecretLevel.valueOf(max),
                            rs.getBoolean("medical_only"), rs.getInt("care_window_days"), rs.getInt("break_glass_minutes"));
                }).list();
    }

    private List<PersonEntry> people(String sql, Map<String, Object> params) {
        record Row(long id, String staffNo, String fullName, Long departmentId, String clearance, String status,
                boolean medical, String roleKind, String permission) {
        }
        List<Row> rows = jdbc.sql(sql).params(params).query((rs, n) -> new Row(rs.getLong("id"), rs.getString("staff_no"),
                rs.getString("full_name"), (Long) rs.getObject("department_id"), rs.getString("clearance"),
                rs.getString("status"), rs.getBoolean("medical"), rs.getString("role_kind"), rs.getString("permission")))
                .list();
        Map<Long, List<Row>> byPerson = new LinkedHashMap<>();
        rows.forEach(r -> byPerson.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r));
        List<PersonEntry> result = new ArrayList<>();
        byPerson.forEach((id, list) -> {
            Set<String> permissions = new HashSet<>();
            AdminKind adminKind = null;
            for (Row r : list) {
                if (r.permission() != null) {
                    permissions.add(r.permission());
                }
                if (r.roleKind() != null && RoleKind.valueOf(r.roleKind()).adminKind() != null) {
                    adminKind = RoleKind.valueOf(r.roleKind()).adminKind();
                }
            }
            Row first = list.get(0);
            result.add(new PersonEntry(id, first.staffNo(), first.fullName(), "ACTIVE".equals(first.status()),
                    SecretLevel.valueOf(first.clearance()), adminKind, first.medical(),
                    first.departmentId() == null ? AccessModel.NONE : first.departmentId(), permissions, null));
        });
        return result;
    }

    private static void putObject(AccessModel model, ResultSet rs) throws SQLException {
        Long department = (Long) rs.getObject("department_id");
        Long custodian = (Long) rs.getObject("custodian_id");
        model.putObject(new ResourceRef(rs.getString("object_type"), rs.getString("object_id")),
                SecretLevel.valueOf(rs.getString("level")), department == null ? AccessModel.NONE : department,
                custodian == null ? AccessModel.NONE : custodian);
    }

    private static void putCare(AccessModel model, ResultSet rs) throws SQLException {
        Timestamp until = rs.getTimestamp("valid_until");
        model.putCare(rs.getLong("id"), rs.getLong("person_id"), ResourceRef.patient(rs.getString("patient_id")),
                rs.getTimestamp("valid_from").getTime(), until == null ? Long.MAX_VALUE : until.getTime());
    }

    private static void putGrant(AccessModel model, ResultSet rs) throws SQLException {
        model.putGrant(rs.getLong("id"), rs.getLong("person_id"), AccessAction.valueOf(rs.getString("action")),
                new ResourceRef(rs.getString("object_type"), rs.getString("object_id")),
                rs.getTimestamp("expires_at").getTime());
    }

    private static void putGlass(AccessModel model, ResultSet rs) throws SQLException {
        model.putGlass(rs.getLong("id"), rs.getLong("person_id"),
                new ResourceRef(rs.getString("object_type"), rs.getString("object_id")),
                rs.getTimestamp("opened_at").getTime(), rs.getTimestamp("expires_at").getTime());
    }

    static String basesText(Set<NeedToKnow> bases) {
        return String.join(" ", bases.stream().sorted().map(Enum::name).toList());
    }
}
