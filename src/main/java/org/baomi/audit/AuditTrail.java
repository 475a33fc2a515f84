package org.baomi.audit;

/**
 * The module API that every other module uses to record what happened (AUD-1).
 *
 * <p>{@link #record} joins the caller's transaction: if the audit write fails, the caller's operation fails
 * with it, and if the caller rolls back, the record goes too. {@link #recordIndependently} commits on its
 * own, for denials, failed logins and other attempts that must be kept although the attempt is undone.
 */
public interface AuditTrail {

    /**
     * Writes the entry in the current transaction; requires one to be active.
     *
     * @return the entry's id; its chain sequence number is given when it is sealed, shortly after the commit
     *         ({@link AuditChain#positionOf})
     */
    long record(AuditEntry entry);

    /**
     * Writes the entry in a new transaction that commits regardless of the caller's outcome.
     *
     * @return the entry's id
     */
    long recordIndependently(AuditEntry entry);
}
