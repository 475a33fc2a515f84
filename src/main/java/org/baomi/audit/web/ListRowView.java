package org.baomi.audit.web;

import org.baomi.audit.AuditListRow;

/**
 * A line of the console's list: its time in the hospital's zone and, when the day changes from the line above,
 * that day (the list reads as a timeline).
 *
 * @param newDay the day to show above this line, or null when it is the same as the line above's
 */
record ListRowView(AuditListRow row, String time, String newDay) {

    /** The person-centred view of the actor, when the actor is a person with an account. */
    public String personLink() {
        return row.actorId() != null && row.actorKind() == org.baomi.audit.ActorKind.PERSON
                ? "/audit/people/" + row.actorId() : null;
    }
}
