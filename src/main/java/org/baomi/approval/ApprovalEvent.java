package org.baomi.approval;

import java.time.Instant;

/**
 * One line of a request's history (issue 4 item 4): submitted, step opened, reminded, escalated, approved,
 * refused, withdrawn, expired, grant issued.
 *
 * @param actorName  who acted, or null for the engine itself
 * @param onBehalfOf name of the assignee a delegate acted for, or null
 */
public record ApprovalEvent(Instant at, String type, Integer stepNumber, String actorName, String onBehalfOf,
        String comment) {

    public String messageKey() {
        return "approval.event." + type;
    }
}
