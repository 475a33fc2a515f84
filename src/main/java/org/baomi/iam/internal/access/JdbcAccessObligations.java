package org.baomi.iam.internal.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.AccessObligations;
import org.baomi.shared.BaomiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Obligation holds in {@code iam_obligation_hold} (PPL-1, PPL-2); see {@link AccessObligations}. */
@Service
class JdbcAccessObligations implements AccessObligations {

    private final JdbcClient jdbc;
    private final AccessChangeFeed feed;
    private final AuditTrail audit;
    private final Clock clock;

    JdbcAccessObligations(JdbcClient jdbc, AccessChangeFeed feed, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.feed = feed;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void hold(long personId, String reasonKey) {
        if (reasonKey == null || reasonKey.isBlank() || reasonKey.length() > 120) {
            throw BaomiException.invalid("access.obligation.reason-invalid");
        }
        if (feed.model().person(personId) == null) {
            throw BaomiException.invalid("access.person.unknown");
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("UPDATE iam_obligation_hold SET released_at = :now WHERE person_id = :p AND released_at IS NULL")
                .param("now", now).param("p", personId).update();
        jdbc.sql("INSERT INTO iam_obligation_hold (person_id, reason_key, held_at) VALUES (:p, :reason, :now)")
                .param("p", personId).param("reason", reasonKey).param("now", now).update();
        audit.record(new AuditEntry(null, "access.obligation.held", "account", String.valueOf(personId), null,
                AuditOutcome.ALLOWED, reasonKey, Map.of("person", personId)));
        feed.pollAfterCommit();
    }

    @Override
    @Transactional
    public void release(long personId) {
        int released = jdbc.sql("""
                UPDATE iam_obligation_hold SET released_at = :now WHERE person_id = :p AND released_at IS NULL
                """).param("now", Timestamp.from(clock.instant())).param("p", personId).update();
        if (released > 0) {
            audit.record(new AuditEntry(null, "access.obligation.released", "account", String.valueOf(personId), null,
                    AuditOutcome.ALLOWED, null, Map.of("person", personId)));
            feed.pollAfterCommit();
        }
    }

    @Override
    public Optional<String> holdOf(long personId) {
        return Optional.ofNullable(feed.model().holdOf(personId));
    }
}
