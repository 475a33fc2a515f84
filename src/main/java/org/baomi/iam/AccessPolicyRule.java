package org.baomi.iam;

import java.util.EnumSet;
import java.util.Set;

import org.baomi.shared.SecretLevel;

/**
 * The policy of one object type and action, as data the security administrator edits (issue 3 item 3).
 *
 * @param resourceType       object type ('document', 'patient', ...)
 * @param action             the action
 * @param permission         the permission string required ({@code module:resource:action}, ACC-2)
 * @param bases              the need-to-know bases that count (ACC-1); empty = nobody needs to know, all denied
 * @param departmentMaxLevel with {@link NeedToKnow#DEPARTMENT}: the highest level of an object that the whole
 *                           owning department may reach; null when department scope is not allowed
 * @param medicalOnly        only people on medical posts (ACC-4); true for patients
 * @param careWindowDays     with {@link NeedToKnow#CARE_TEAM}: days after an encounter ends during which the care
 *                           team still counts (0..365)
 * @param breakGlassMinutes  with {@link NeedToKnow#BREAK_GLASS}: the time box of a session (1..240 minutes)
 */
public record AccessPolicyRule(String resourceType, AccessAction action, String permission, Set<NeedToKnow> bases,
        SecretLevel departmentMaxLevel, boolean medicalOnly, int careWindowDays, int breakGlassMinutes) {

    public AccessPolicyRule {
        bases = bases == null || bases.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(bases));
    }

    public boolean allows(NeedToKnow basis) {
        return bases.contains(basis);
    }
}
