/**
 * Audit trail (AUD-1..4): an append-only record of every access decision, every read, export or change of
 * protected content, every login and every administrator action. Entries are written synchronously in the
 * caller's transaction, so the business change and its record commit together or not at all; denials and
 * failures are written in a transaction of their own so they survive the caller's rollback. The audit
 * administrator reads and exports the trail through {@link org.baomi.audit.AuditReview}, the security
 * administrator sees possible intrusions (ACC-8) and the audit administrator's own actions (ORG-5) through
 * {@link org.baomi.audit.SecurityEvents}; every read is itself recorded. Who may read is decided by the identity
 * module through {@link org.baomi.audit.AuditReaderAuthorization}, so this module depends on nothing but shared.
 * The tamper-evident hash chain is added by the audit issue.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.baomi.audit;
