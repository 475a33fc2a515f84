package org.baomi.iam;

import java.util.List;

/**
 * The access policy as data (issue 3 item 3): per object type and action, the permission required, the
 * need-to-know bases that count and their parameters. The security administrator edits it
 * ({@link AccessPermissions#POLICY_MANAGE}); every change is a new, audited version; the decision model of every
 * instance applies it within a second.
 *
 * <p>Audit actions: {@code access.policy.changed} (in the saving transaction: version, reason, changed rules);
 * attempts without the permission are refused and audited by the permission guard ({@code access.denied}).
 */
public interface AccessPolicies {

    /** The version in force. No permission needed (screens show it; it is not content). */
    PolicyVersion current();

    /** Every version, newest first. Requires {@link AccessPermissions#POLICY_MANAGE}. */
    List<PolicyVersion> history();

    /**
     * Checks a draft without saving: permission format, known actions, unique (type, action), parameters within range,
     * department level only with department scope. Translated problems with field names
     * {@code rules[i].permission}, {@code rules[i].bases}, {@code rules[i].departmentMaxLevel},
     * {@code rules[i].careWindowDays}, {@code rules[i].breakGlassMinutes}, {@code rules[i].resourceType}, {@code reason}.
     */
    List<FieldProblem> validate(PolicyDraft draft);

    /**
     * The effect of the draft against the current model: which people gain and which lose access. Requires
     * {@link AccessPermissions#POLICY_MANAGE}.
     *
     * @throws InvalidInputException when the draft is invalid
     */
    PolicyPreview preview(PolicyDraft draft);

    /**
     * Saves the draft as the new version. Requires {@link AccessPermissions#POLICY_MANAGE}.
     *
     * @throws InvalidInputException                   when the draft is invalid (nothing saved)
     * @throws org.baomi.shared.BaomiException CONFLICT when the current version is no longer the draft's base
     */
    PolicyVersion save(PolicyDraft draft);
}
