package org.baomi.iam.internal.token;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.baomi.iam.ApiTokenSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code iam_api_token}. Scopes are kept space-separated; status filters are fixed SQL fragments. */
@Repository
class ApiTokenStore {

    private static final String COLUMNS = """
            id, token_prefix, name, client, scopes, created_at, created_by, expires_at, last_used_at, revoked_at,
            revoked_by, revoke_reason""";

    private final JdbcClient jdbc;

    ApiTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String prefix, String hash, String name, String client, List<String> scopes, Instant expiresAt,
            Instant now, Long createdBy) {
        return jdbc.sql("""
                INSERT INTO iam_api_token (name, client, token_prefix, token_hash, scopes, expires_at, created_at,
                    created_by)
                VALUES (:name, :client, :prefix, :hash, :scopes, :expiresAt, :now, :createdBy)
                RETURNING id
                """).param("name", name).param("client", client).param("prefix", prefix).param("hash", hash)
                .param("scopes", String.join(" ", scopes)).param("expiresAt", ts(expiresAt)).param("now", ts(now))
                .param("createdBy", createdBy).query(Long.class).single();
    }

    Optional<ApiTokenRecord> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM iam_api_token WHERE id = :id").param("id", id)
                .query(ApiTokenStore::map).optional();
    }

    /**
     * The token with this hash, carrying only the scopes that are still issuable (ORG-5, {@code iam_api_token_scope}):
     * a scope put on a token outside the token service (a row written straight into the table, or a scope withdrawn
     * from the table since) is not honoured, whatever the row says.
     */
    Optional<ApiTokenRecord> findByHash(String hash) {
        return jdbc.sql("SELECT " + COLUMNS.replace("scopes,", HONOURED_SCOPES + " AS scopes,")
                        + " FROM iam_api_token t WHERE token_hash = :hash").param("hash", hash)
                .query(ApiTokenStore::map).optional();
    }

    private static final String HONOURED_SCOPES = """
            (SELECT coalesce(string_agg(s.scope, ' ' ORDER BY s.scope), '')
             FROM unnest(string_to_array(t.scopes, ' ')) AS s(scope)
             WHERE s.scope IN (SELECT scope FROM iam_api_token_scope))""";

    List<ApiTokenRecord> list(ApiTokenSummary.Status status, Instant now, int limit, long offset) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM iam_api_token WHERE " + where(status)
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("now", ts(now)).param("limit", limit).param("offset", offset)
                .query(ApiTokenStore::map).list();
    }

    long count(ApiTokenSummary.Status status, Instant now) {
        return jdbc.sql("SELECT count(*) FROM iam_api_token WHERE " + where(status)).param("now", ts(now))
                .query(Long.class).single();
    }

    /** Revokes unless already revoked; false when it was. */
    boolean revoke(long id, Instant now, Long by, String reason) {
        return jdbc.sql("""
                UPDATE iam_api_token SET revoked_at = :now, revoked_by = :by, revoke_reason = :reason,
                    version = version + 1
                WHERE id = :id AND revoked_at IS NULL
                """).param("id", id).param("now", ts(now)).param("by", by).param("reason", reason).update() == 1;
    }

    /**
     * Notes a use, at most once per {@code granularity} per token: a busy client does not turn every request
     * into a write, and concurrent requests update the row once.
     */
    void touch(long id, Instant now, Duration granularity) {
        jdbc.sql("""
                UPDATE iam_api_token SET last_used_at = :now
                WHERE id = :id AND (last_used_at IS NULL OR last_used_at <= :threshold)
                """).param("id", id).param("now", ts(now)).param("threshold", ts(now.minus(granularity))).update();
    }

    private static String where(ApiTokenSummary.Status status) {
        if (status == null) {
            return "TRUE";
        }
        return switch (status) {
            case ACTIVE -> "revoked_at IS NULL AND expires_at > :now";
            case EXPIRED -> "revoked_at IS NULL AND expires_at <= :now";
            case REVOKED -> "revoked_at IS NOT NULL";
        };
    }

    private static ApiTokenRecord map(ResultSet rs, int row) throws SQLException {
        String scopes = rs.getString("scopes");
        return new ApiTokenRecord(rs.getLong("id"), rs.getString("token_prefix"), rs.getString("name"),
                rs.getString("client"), scopes.isBlank() ? List.of() : Arrays.asList(scopes.trim().split(" +")),
                instant(rs, "created_at"), (Long) rs.getObject("created_by"), instant(rs, "expires_at"),
                instant(rs, "last_used_at"), instant(rs, "revoked_at"), (Long) rs.getObject("revoked_by"),
                rs.getString("revoke_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
