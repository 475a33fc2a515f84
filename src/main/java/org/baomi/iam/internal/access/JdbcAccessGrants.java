package org.baomi.iam.internal.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessGrant;
import org.baomi.iam.AccessGrants;
import org.baomi.iam.IssueGrant;
import org.baomi.iam.ResourceRef;
import org.baomi.shared.BaomiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Explicit grants in {@code iam_access_grant} (ACC-4, ACC-6); see {@link AccessGrants}. */
@Service
class JdbcAccessGrants implements AccessGrants {

    private static final String COLUMNS = """
            SELECT id, person_id, action, object_type, object_id, expires_at, conditions, source_approval_id, revoked_at
            FROM iam_access_grant
            """;

    private final JdbcClient jdbc;
    private final AccessChangeFeed feed;
    private final AuditTrail audit;
    private final Clock clock;

    JdbcAccessGrants(JdbcClient jdbc, AccessChangeFeed feed, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.feed = feed;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public long issue(IssueGrant grant) {
        Instant now = clock.instant();
        if (grant.action() == null || grant.resource() == null || grant.expiresAt() == null
                || !grant.expiresAt().isAfter(now)) {
            throw BaomiException.invalid("access.grant.expiry-invalid");
        }
        if (grant.conditions() != null && grant.conditions().length() > 500
                || grant.sourceApprovalId() != null && grant.sourceApprovalId().length() > 64) {
            throw BaomiException.invalid("access.grant.too-long");
        }
        if (feed.model().person(grant.personId()) == null) {
            throw BaomiException.invalid("access.person.unknown");
        }
        ObjectEntry object = feed.model().object(grant.resource());
        if (object == null) {
            throw BaomiException.notFound("access.object.not-found");
        }
        long id = jdbc.sql("""
                INSERT INTO iam_access_grant (person_id, action, object_type, object_id, expires_at, conditions,
                                              source_approval_id, issued_at)
                VALUES (:person, :action, :type, :id, :expires, :conditions, :approval, :now) RETURNING id
                """).param("person", grant.personId()).param("action", grant.action().name())
                .param("type", grant.resource().type()).param("id", grant.resource().id())
                .param("expires", Timestamp.from(grant.expiresAt())).param("conditions", grant.conditions())
                .param("approval", grant.sourceApprovalId()).param("now", Timestamp.from(now))
                .query(Long.class).single();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("grant", id);
        details.put("person", grant.personId());
        details.put("action", grant.action().name());
        details.put("expiresAt", grant.expiresAt().toString());
        if (grant.sourceApprovalId() != null) {
            details.put("approval", grant.sourceApprovalId());
        }
        audit.record(new AuditEntry(null, "access.grant.issued", grant.resource().type(), grant.resource().id(),
                object.level(), AuditOutcome.ALLOWED, null, details,
                ResourceRef.PATIENT.equals(grant.resource().type()) ? grant.resource().id() : null));
        feed.pollAfterCommit();
        return id;
    }

    @Override
    @Transactional
    public void revoke(long grantId, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw BaomiException.invalid("access.grant.reason-required");
        }
        AccessGrant grant = find(grantId).orElseThrow(() -> BaomiException.notFound("access.grant.not-found"));
        if (grant.revokedAt() != null) {
            return;
        }
        jdbc.sql("UPDATE iam_access_grant SET revoked_at = :now, revoked_reason = :reason WHERE id = :id")
                .param("now", Timestamp.from(clock.instant())).param("reason", reason).param("id", grantId).update();
        audit.record(new AuditEntry(null, "access.grant.revoked", grant.resource().type(), grant.resource().id(), null,
                AuditOutcome.ALLOWED, null, Map.of("grant", grantId, "person", grant.personId(), "reason", reason),
                ResourceRef.PATIENT.equals(grant.resource().type()) ? grant.resource().id() : null));
        feed.pollAfterCommit();
    }

    @Override
    public Optional<AccessGrant> find(long grantId) {
        return jdbc.sql(COLUMNS + " WHERE id = :id").param("id", grantId).query(JdbcAccessGrants::grant).optional();
    }

    @Override
    public List<AccessGrant> activeOf(long personId) {
        return jdbc.sql(COLUMNS + " WHERE person_id = :p AND revoked_at IS NULL AND expires_at > :now ORDER BY id")
                .param("p", personId).param("now", Timestamp.from(clock.instant())).query(JdbcAccessGrants::grant).list();
    }

    @Override
    public List<AccessGrant> activeOn(ResourceRef resource) {
        return jdbc.sql(COLUMNS + """
                 WHERE object_type = :type AND object_id = :id AND revoked_at IS NULL AND expires_at > :now ORDER BY id
                """).param("type", resource.type()).param("id", resource.id())
                .param("now", Timestamp.from(clock.instant())).query(JdbcAccessGrants::grant).list();
    }

    private static AccessGrant grant(ResultSet rs, int n) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new AccessGrant(rs.getLong("id"), rs.getLong("person_id"), AccessAction.valueOf(rs.getString("action")),
                new ResourceRef(rs.getString("object_type"), rs.getString("object_id")),
                rs.getTimestamp("expires_at").toInstant(), rs.getString("conditions"), rs.getString("source_approval_id"),
                revoked == null ? null : revoked.toInstant());
    }
}
