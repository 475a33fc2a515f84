package org.baomi.classification.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.baomi.classification.ClassificationPermissions;
import org.baomi.iam.CurrentUser;
import org.baomi.shared.Duty;
import org.baomi.shared.DutyProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * ORG-4, CLS-3: the president is reminded of designations that end within {@link #NOTICE_DAYS} days, so that a
 * designee does not lose the right to classify unnoticed; the designee is reminded of their own.
 */
@Component
class DesignationDuties implements DutyProvider {

    static final int NOTICE_DAYS = 30;

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;

    DesignationDuties(JdbcClient jdbc, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Override
    public List<Duty> dutiesOf(long accountId) {
        LocalDate today = clock.instant().atZone(clock.getZone()).toLocalDate();
        List<Duty> duties = new ArrayList<>();
        boolean president = currentUser.principal()
                .filter(p -> p.accountId() == accountId && p.hasPermission(ClassificationPermissions.MANAGE_DESIGNATIONS))
                .isPresent();
        if (president) {
            long ending = ending(null, today);
            if (ending > 0) {
                duties.add(new Duty("classification.designations-ending", "duty.classification.designations-ending.title",
                        "duty.classification.designations-ending.description", "/classification/designations", false,
                        List.of(ending, NOTICE_DAYS)));
            }
        }
        if (ending(accountId, today) > 0) {
            duties.add(new Duty("classification.my-designation-ending", "duty.classification.my-designation-ending.title",
                    "duty.classification.my-designation-ending.description", "/classification", false,
                    List.of(NOTICE_DAYS)));
        }
        return duties;
    }

    /** Active designations (of the person, or of anyone when null) whose last day is within the notice period. */
    private long ending(Long personId, LocalDate today) {
        return jdbc.sql("""
                SELECT count(*) FROM cls_designation
                WHERE revoked_at IS NULL AND valid_from <= :today AND valid_until >= :today AND valid_until <= :limit
                  AND (CAST(:person AS bigint) IS NULL OR person_id = :person)
                """)
                .param("today", Date.valueOf(today)).param("limit", Date.valueOf(today.plusDays(NOTICE_DAYS)))
                .param("person", personId)
                .query(Long.class).single();
    }
}
