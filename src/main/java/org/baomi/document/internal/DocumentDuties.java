package org.baomi.document.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.baomi.document.DocumentPermissions;
import org.baomi.iam.StaffLookup;
import org.baomi.shared.Duty;
import org.baomi.shared.DutyProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * ORG-4, DOC-5: a reader is reminded of documents waiting for their signature (urgent when overdue); a custodian of
 * circulations past their two days and of year-end return items to confirm (DOC-6); a supervisor of destructions
 * performed by somebody else awaiting their confirmation (DOC-7). Counts only; no title is shown.
 */
@Component
class DocumentDuties implements DutyProvider {

    private final JdbcClient jdbc;
    private final StaffLookup staff;
    private final Clock clock;

    DocumentDuties(JdbcClient jdbc, StaffLookup staff, Clock clock) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.clock = clock;
    }

    @Override
    public List<Duty> dutiesOf(long accountId) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Duty> duties = new ArrayList<>();
        long overdue = jdbc.sql("SELECT count(*) FROM doc_circulation WHERE custodian_id = :person "
                + "AND returned_at IS NULL AND due_at < :now").param("person", accountId).param("now", now)
                .query(Long.class).single();
        if (overdue > 0) {
            duties.add(new Duty("document.circulations-overdue", "duty.document.circulations-overdue.title",
                    "duty.document.circulations-overdue.description", "/documents/kept", true, List.of(overdue)));
        }
        List<Boolean> waiting = jdbc.sql("SELECT c.due_at < :now FROM doc_circulation_reader r "
                + "JOIN doc_circulation c ON c.id = r.circulation_id WHERE r.reader_id = :person "
                + "AND r.sent_at IS NOT NULL AND r.signed_at IS NULL AND r.released_at IS NULL AND c.returned_at IS NULL")
                .param("person", accountId).param("now", now).query(Boolean.class).list();
        if (!waiting.isEmpty()) {
            duties.add(new Duty("document.to-sign", "duty.document.to-sign.title", "duty.document.to-sign.description",
                    "/documents/inbox", waiting.contains(Boolean.TRUE), List.of(waiting.size())));
        }
        long returns = jdbc.sql("SELECT count(*) FROM doc_return_item WHERE custodian_id = :person "
                + "AND confirmed_at IS NULL").param("person", accountId).query(Long.class).single();
        if (returns > 0) {
            duties.add(new Duty("document.returns-to-confirm", "duty.document.returns-to-confirm.title",
                    "duty.document.returns-to-confirm.description", "/documents/kept#returns", false,
                    List.of(returns)));
        }
        // the permission is looked up only when a destruction awaits anybody's confirmation at all (rare)
        long performed = jdbc.sql("SELECT count(*) FROM doc_destruction WHERE status = 'PERFORMED' "
                + "AND performer_id <> :person").param("person", accountId).query(Long.class).single();
        if (performed > 0 && staff.activeById(accountId)
                .filter(p -> p.hasPermission(DocumentPermissions.DESTRUCTION_SUPERVISE)).isPresent()) {
            duties.add(new Duty("document.destructions-to-confirm", "duty.document.destructions-to-confirm.title",
                    "duty.document.destructions-to-confirm.description", "/documents/kept#destructions", true,
                    List.of(performed)));
        }
        return duties;
    }
}
