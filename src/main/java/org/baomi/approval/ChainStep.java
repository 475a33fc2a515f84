package org.baomi.approval;

import org.baomi.shared.SecretLevel;

/**
 * One step of an approval chain.
 *
 * @param rule          how its approvers are chosen
 * @param roleCode      for {@link ApproverRule#ROLE}: the role's code; null otherwise
 * @param minLevel      the step applies only to subjects of at least this level; null: always
 * @param deadlineHours hours the approvers have before a reminder is due and, at the end, escalation (1..720)
 */
public record ChainStep(ApproverRule rule, String roleCode, SecretLevel minLevel, int deadlineHours) {

    public static final String DEPARTMENT_HEAD_ROLE = "department-head";
    public static final String PRESIDENT_ROLE = "president";

    /** Whether the step applies to a subject of this level. */
    public boolean appliesTo(SecretLevel level) {
        return minLevel == null || level.atLeast(minLevel);
    }

    /** The role whose holders decide the step. */
    public String effectiveRole() {
        return switch (rule) {
            case DEPARTMENT_HEAD -> DEPARTMENT_HEAD_ROLE;
            case PRESIDENT -> PRESIDENT_ROLE;
            case ROLE -> roleCode;
        };
    }
}
