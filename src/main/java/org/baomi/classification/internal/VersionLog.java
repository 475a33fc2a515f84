package org.baomi.classification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.baomi.classification.CatalogueChange;
import org.baomi.classification.CatalogueVersion;
import org.baomi.classification.CatalogueVersion.ChangeKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The numbered versions of the catalogue ({@code cls_catalogue_head}, {@code cls_catalogue_version}). The next
 * number is taken by incrementing the head row, whose row lock serialises concurrent changes until their
 * transaction ends; a rolled-back change gives its number back, so the numbers have no gaps.
 */
@Repository
class VersionLog {

    private static final TypeReference<List<CatalogueChange>> CHANGES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    VersionLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records a change as the next version (in the caller's transaction) and returns its number. */
    int append(Instant at, long actorId, String actorName, ChangeKind kind, String subject, String reason,
            List<CatalogueChange> changes) {
        int number = jdbc.sql("UPDATE cls_catalogue_head SET current_version = current_version + 1 WHERE id = 1 "
                + "RETURNING current_version").query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO cls_catalogue_version (number, changed_at, changed_by, changed_by_name, change_kind,
                    subject, reason, changes)
                VALUES (:number, :at, :actor, :actorName, :kind, :subject, :reason, CAST(:changes AS jsonb))
                """)
                .param("number", number).param("at", Timestamp.from(at)).param("actor", actorId)
                .param("actorName", actorName == null ? "-" : actorName).param("kind", kind.name())
                .param("subject", subject).param("reason", reason)
                .param("changes", json.writeValueAsString(changes))
                .update();
        return number;
    }

    int current() {
        return jdbc.sql("SELECT current_version FROM cls_catalogue_head WHERE id = 1").query(Integer.class).single();
    }

    List<CatalogueVersion> page(int page, int size) {
        return jdbc.sql("SELECT * FROM cls_catalogue_version ORDER BY number DESC LIMIT :size OFFSET :offset")
                .param("size", size).param("offset", (long) page * size)
                .query(this::version).list();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM cls_catalogue_version").query(Long.class).single();
    }

    Optional<CatalogueVersion> find(int number) {
        return jdbc.sql("SELECT * FROM cls_catalogue_version WHERE number = :number").param("number", number)
                .query(this::version).optional();
    }

    private CatalogueVersion version(ResultSet rs, int n) throws SQLException {
        long actor = rs.getLong("changed_by");
        Long changedBy = rs.wasNull() ? null : actor;
        return new CatalogueVersion(rs.getInt("number"), rs.getTimestamp("changed_at").toInstant(), changedBy,
                rs.getString("changed_by_name"), ChangeKind.valueOf(rs.getString("change_kind")),
                rs.getString("subject"), rs.getString("reason"), json.readValue(rs.getString("changes"), CHANGES));
    }
}
