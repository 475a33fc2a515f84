package org.baomi.iam;

import java.util.Set;

import org.baomi.shared.SecretLevel;

/**
 * Administration of staff accounts (ORG-5, ACC-2, ACC-3). Every method checks the acting administrator's
 * permission first (deny by default; denials are audited as {@code access.denied}) and records its own audit
 * entry, with the facts before and after, in the same transaction; passwords never appear in the audit.
 * Methods taking {@code expectedVersion} refuse a stale version with a CONFLICT. An administrator never acts on
 * their own roles, clearance, status, second factor or access review (ACC-3).
 */
public interface AccountService {

    /**
     * Registers a staff account with the built-in {@code staff} role and a random initial password that must
     * be changed at the first login. Permission {@code iam:account:create}; audit {@code iam.account.created}.
     *
     * @return the initial password, to show once
     * @throws InvalidInputException field by field; a taken staff number is a problem of {@code staffNo}
     */
    OneTimePassword register(RegisterAccount command);

    /** Permission {@code iam:account:update}; audit {@code iam.account.profile-updated}. */
    void updateProfile(long accountId, int expectedVersion, UpdateProfile profile);

    /**
     * Activates, suspends or marks departed; a reason is required for anything but ACTIVE. A suspended or
     * departed account's sessions end. Permission {@code iam:account:update}; audit {@code iam.account.status-changed}.
     */
    void changeStatus(long accountId, int expectedVersion, AccountStatus status, String reason);

    /**
     * A new one-time initial password; the person must change it at the next login; their sessions end.
     * Permission {@code iam:account:update}; audit {@code iam.account.password-reset}.
     */
    OneTimePassword resetPassword(long accountId);

    /**
     * Replaces the account's roles. ORG-5: at most one administrator role, and then no business role. The
     * person's sessions end so that the new rights apply at once. Permission {@code iam:role:assign}; audit
     * {@code iam.account.roles-assigned}.
     */
    void assignRoles(long accountId, int expectedVersion, Set<Long> roleIds);

    /** Permission {@code iam:clearance:assign}; audit {@code iam.account.clearance-changed}; sessions end. */
    void setClearance(long accountId, int expectedVersion, SecretLevel clearance);

    /** Clears a lockout (ACC-7). Permission {@code iam:account:unlock}; audit {@code iam.account.unlocked}. */
    void unlock(long accountId);

    /**
     * Removes the second factor and its recovery codes; the person enrols again at the next login where a second
     * factor is required. Permission {@code iam:second-factor:reset}; audit {@code iam.account.second-factor-reset}.
     */
    void resetSecondFactor(long accountId);

    /**
     * Records that the account's roles and clearance were reviewed now (ACC-2 periodic review). Permission
     * {@code iam:access-review:manage}; audit {@code iam.account.access-reviewed}.
     */
    void markAccessReviewed(long accountId);
}
