/**
 * Audit trail (AUD-1..4): an append-only record of every access decision, every read, export or change of
 * protected content, every login and every administrator action. Entries are written synchronously in the
 * caller's transaction, so the business change and its record commit together or not at all; denials and
 * failures are written in a transaction of their own so they survive the caller's rollback. The
 * tamper-evident hash chain and the auditor console are added by the audit issue.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.baomi.audit;
