package org.baomi.approval.internal;

import java.util.List;

import org.baomi.approval.ApprovalPermissions;
import org.baomi.iam.CurrentUser;
import org.baomi.shared.Duty;
import org.baomi.shared.DutyProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** ORG-4: "N approvals wait for you" on the home page (issue 4 item 4). */
@Component
class ApprovalDuties implements DutyProvider {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final java.time.Clock clock;

    ApprovalDuties(JdbcClient jdbc, CurrentUser currentUser, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Override
    public List<Duty> dutiesOf(long accountId) {
        boolean decides = currentUser.principal()
                .filter(p -> p.accountId() == accountId && p.hasPermission(ApprovalPermissions.DECIDE)).isPresent();
        if (!decides) {
            return List.of();
        }
        // The inbox's own condition, without the caller check of ApprovalQueries (the duty is the person's own).
        long waiting = jdbc.sql("SELECT count(*) FROM apr_request r WHERE " + ApprovalReads.waitingFor())
                .param("person", accountId).param("now", RequestStore.ts(clock.instant())).query(Long.class).single();
        if (waiting == 0) {
            return List.of();
        }
        return List.of(new Duty("approval.waiting", "duty.approval.waiting.title", "duty.approval.waiting.description",
                "/approvals", true, List.of(waiting)));
    }
}
