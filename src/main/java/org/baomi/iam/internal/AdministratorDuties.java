package org.baomi.iam.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.baomi.audit.AuditQueries;
import org.baomi.audit.AuditSearch;
import org.baomi.iam.StaffPrincipal;
import org.baomi.iam.internal.account.StaffDirectory;
import org.baomi.shared.Duty;
import org.baomi.shared.DutyProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the administrators owe (ORG-4, ORG-5): the security administrator reviews grants that are due (ACC-2),
 * looks at locked accounts and at failed sign-ins of the last day (ACC-8). Only counts, never names.
 */
@Component
class AdministratorDuties implements DutyProvider {

    /** ACC-2: grants are reviewed periodically; the same period as the access-review screen. */
    static final Duration REVIEW_PERIOD = Duration.ofDays(180);

    private final StaffDirectory directory;
    private final JdbcClient jdbc;
    private final AuditQueries audit;
    private final Clock clock;

    AdministratorDuties(StaffDirectory directory, JdbcClient jdbc, AuditQueries audit, Clock clock) {
        this.directory = directory;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<Duty> dutiesOf(long accountId) {
        StaffPrincipal principal = directory.principalOf(accountId).orElse(null);
        if (principal == null) {
            return List.of();
        }
        List<Duty> duties = new ArrayList<>();
        if (principal.hasPermission("iam:access-review:manage")) {
            long overdue = jdbc.sql("""
                    SELECT count(*) FROM iam_account
                    WHERE status = 'ACTIVE' AND (access_reviewed_at IS NULL OR access_reviewed_at < :due)
                    """).param("due", Timestamp.from(clock.instant().minus(REVIEW_PERIOD))).query(Long.class).single();
            if (overdue > 0) {
                duties.add(new Duty("iam.access-review-due", "duty.iam.access-review-due.title",
                        "duty.iam.access-review-due.description", "/iam/access-review?overdue=true", true,
                        List.of(overdue)));
            }
        }
        if (principal.hasPermission("iam:account:unlock")) {
            long locked = jdbc.sql("SELECT count(*) FROM iam_credential WHERE locked_until > :now")
                    .param("now", Timestamp.from(clock.instant())).query(Long.class).single();
            if (locked > 0) {
                duties.add(new Duty("iam.locked-accounts", "duty.iam.locked-accounts.title",
                        "duty.iam.locked-accounts.description", "/iam/accounts?locked=true", true, List.of(locked)));
            }
        }
        if (principal.hasPermission("audit:security-event:read")) {
            long failed = audit.count(new AuditSearch(Set.of("iam.login.failed", "iam.login.throttled"), null, null,
                    clock.instant().minus(Duration.ofDays(1)), null, null, 0, 1));
            if (failed > 0) {
                duties.add(new Duty("audit.failed-logins", "duty.audit.failed-logins.title",
                        "duty.audit.failed-logins.description", "/audit/security-events", false, List.of(failed)));
            }
        }
        return duties;
    }
}
