package org.baomi.privacy;

import java.util.List;

/**
 * The care team of an encounter (ACC-4). Re-importing it with a member missing or with an end ends that member's
 * care relationship; an inactive team ends them all.
 *
 * @param sourceId          the source system's id of the care team
 * @param encounterSourceId the source system's id of its encounter
 * @param active            false when the team is no longer active (null: active)
 * @param members           its members
 */
public record CareTeamRecord(String sourceId, String encounterSourceId, Boolean active, List<Member> members) {

    /**
     * A member: staff number, role (such as doctor, nurse), and membership period (ISO date-times; from defaults to
     * the encounter's start, until to open).
     */
    public record Member(String staffNo, String role, String from, String until) {
    }
}
