package org.baomi.audit.internal.chain;

import org.springframework.dao.DataAccessException;

/**
 * An independently written audit entry was not durably committed (AUD-1): the batch failed, the queue stayed full,
 * the commit was not confirmed in time, or the writer is shutting down. The caller's operation fails with it, as
 * with any failed audit write.
 */
public final class AuditNotWrittenException extends DataAccessException {

    public AuditNotWrittenException(String message) {
        super(message);
    }

    public AuditNotWrittenException(String message, Throwable cause) {
        super(message, cause);
    }
}
