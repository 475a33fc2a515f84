package org.baomi.iam;

/**
 * Checks a permission of the current person before a module API acts (deny by default, ACC-1..3). A denial
 * is written to the audit trail in its own transaction and thrown as a FORBIDDEN {@code BaomiException};
 * an allowed action is audited by the action itself, in its transaction.
 */
public interface PermissionGuard {

    /**
     * @return the current person, who holds the permission
     * @throws org.baomi.shared.BaomiException FORBIDDEN (audited) or UNAUTHENTICATED
     */
    StaffPrincipal require(String permission);

    /** Whether the current person holds the permission; nothing is audited. */
    boolean has(String permission);
}
