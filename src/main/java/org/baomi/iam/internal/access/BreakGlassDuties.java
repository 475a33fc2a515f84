package org.baomi.iam.internal.access;

import java.util.List;

import org.baomi.iam.AccessPermissions;
import org.baomi.iam.BreakTheGlass;
import org.baomi.shared.Duty;
import org.baomi.shared.DutyProvider;
import org.springframework.stereotype.Component;

/**
 * The confidentiality office's standing alert (ORG-2, PAT-4): 'N break-the-glass accesses await review', for holders
 * of {@link AccessPermissions#BREAK_GLASS_REVIEW}, on the home page.
 */
@Component
class BreakGlassDuties implements DutyProvider {

    private static final String[] REVIEW = AccessPermissions.BREAK_GLASS_REVIEW.split(":");

    private final AccessChangeFeed feed;
    private final BreakTheGlass breakTheGlass;

    BreakGlassDuties(AccessChangeFeed feed, BreakTheGlass breakTheGlass) {
        this.feed = feed;
        this.breakTheGlass = breakTheGlass;
    }

    @Override
    public List<Duty> dutiesOf(long accountId) {
        PersonEntry person = feed.model().person(accountId);
        if (person == null || person.adminKind() != null || !person.holds(AccessPermissions.BREAK_GLASS_REVIEW, REVIEW)) {
            return List.of();
        }
        int waiting = breakTheGlass.countAwaitingReview();
        return waiting == 0 ? List.of() : List.of(new Duty("access.break-glass-review", "access.duty.break-glass.title",
                "access.duty.break-glass.description", "/access/break-glass", true, List.of(waiting)));
    }
}
