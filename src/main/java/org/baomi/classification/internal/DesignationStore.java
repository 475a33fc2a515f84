package org.baomi.classification.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.baomi.shared.SecretLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The designations ({@code cls_designation}, {@code cls_designation_scope}); rows are revoked, never deleted. */
@Repository
class DesignationStore {

    private final JdbcClient jdbc;

    DesignationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored designation with what the screens show. */
    record Row(DesignationRules.Designation rule, String staffNo, String personName, String reason,
            Instant designatedAt, String designatedByName, String revokedByName, String revokeReason, int version) {
    }

    long insert(DesignationRules.Designation d, String staffNo, String personName, String reason, Instant now,
            long byId, String byName) {
        long id = jdbc.sql("""
                INSERT INTO cls_designation (person_id, person_staff_no, person_name, all_categories, max_level,
                    valid_from, valid_until, reason, designated_at, designated_by, designated_by_name)
                VALUES (:person, :staffNo, :name, :all, :max, :from, :until, :reason, :now, :by, :byName)
                RETURNING id
                """)
                .param("person", d.personId()).param("staffNo", staffNo).param("name", personName)
                .param("all", d.allCategories()).param("max", d.maxLevel().name())
                .param("from", Date.valueOf(d.validFrom())).param("until", Date.valueOf(d.validUntil()))
                .param("reason", reason).param("now", Timestamp.from(now)).param("by", byId).param("byName", byName)
                .query(Long.class).single();
        for (String code : d.domainCodes()) {
            scope(id, "DOMAIN", code);
        }
        for (String code : d.categoryCodes()) {
            scope(id, "CATEGORY", code);
        }
        return id;
    }

    boolean revoke(long id, int expectedVersion, Instant now, long byId, String byName, String reason) {
        return jdbc.sql("""
                UPDATE cls_designation SET revoked_at = :now, revoked_by = :by, revoked_by_name = :byName,
                    revoke_reason = :reason, version = version + 1
                WHERE id = :id AND version = :version AND revoked_at IS NULL
                """)
                .param("id", id).param("version", expectedVersion).param("now", Timestamp.from(now))
                .param("by", byId).param("byName", byName).param("reason", reason)
                .update() == 1;
    }

    List<Row> ofPerson(long personId) {
        return rows("WHERE d.person_id = :person", Map.of("person", personId));
    }

    Optional<Row> find(long id) {
        return rows("WHERE d.id = :id", Map.of("id", id)).stream().findFirst();
    }

    List<Row> all() {
        return rows("", Map.of());
    }

    private List<Row> rows(String where, Map<String, Object> params) {
        List<Row> rows = new ArrayList<>(jdbc.sql("SELECT d.* FROM cls_designation d " + where
                + " ORDER BY d.revoked_at NULLS FIRST, d.valid_until DESC, d.id DESC")
                .params(params).query(this::row).list());
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, Set<String>> domains = new HashMap<>();
        Map<Long, Set<String>> categories = new HashMap<>();
        jdbc.sql("SELECT designation_id, kind, code FROM cls_designation_scope WHERE designation_id IN (:ids)")
                .param("ids", rows.stream().map(r -> r.rule().id()).toList())
                .query((rs, n) -> {
                    (rs.getString("kind").equals("DOMAIN") ? domains : categories)
                            .computeIfAbsent(rs.getLong("designation_id"), k -> new TreeSet<>())
                            .add(rs.getString("code"));
                    return null;
                }).list();
        return rows.stream().map(r -> {
            DesignationRules.Designation d = r.rule();
            return new Row(new DesignationRules.Designation(d.id(), d.personId(), d.allCategories(),
                    domains.getOrDefault(d.id(), Set.of()), categories.getOrDefault(d.id(), Set.of()), d.maxLevel(),
                    d.validFrom(), d.validUntil(), d.revokedAt()), r.staffNo(), r.personName(), r.reason(),
                    r.designatedAt(), r.designatedByName(), r.revokedByName(), r.revokeReason(), r.version());
        }).toList();
    }

    private void scope(long id, String kind, String code) {
        jdbc.sql("INSERT INTO cls_designation_scope (designation_id, kind, code) VALUES (:id, :kind, :code)")
                .param("id", id).param("kind", kind).param("code", code).update();
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new Row(new DesignationRules.Designation(rs.getLong("id"), rs.getLong("person_id"),
                rs.getBoolean("all_categories"), Set.of(), Set.of(), SecretLevel.valueOf(rs.getString("max_level")),
                rs.getDate("valid_from").toLocalDate(), rs.getDate("valid_until").toLocalDate(),
                revoked == null ? null : revoked.toInstant()),
                rs.getString("person_staff_no"), rs.getString("person_name"), rs.getString("reason"),
                rs.getTimestamp("designated_at").toInstant(), rs.getString("designated_by_name"),
                rs.getString("revoked_by_name"), rs.getString("revoke_reason"), rs.getInt("version"));
    }
}
