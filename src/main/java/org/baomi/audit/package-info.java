/**
 * Audit trail (AUD-1..4): an append-only record of every access decision, every read, export or change of
 * protected content, every login and every administrator action. Entries are written synchronously in the
 * caller's transaction, so the business change and its record commit together or not at all; denials and
 * failures are written in a transaction of their own so they survive the caller's rollback. The audit
 * administrator reads and exports the trail through {@link org.baomi.audit.AuditReview}, the security
 * administrator sees possible intrusions (ACC-8) and the audit administrator's own actions (ORG-5) through
 * {@link org.baomi.audit.SecurityEvents}; every read is itself recorded. Who may read is decided by the identity
 * module through {@link org.baomi.audit.AuditReaderAuthorization}, so this module depends on nothing but shared.
 * AUD-3: entries are committed first and sealed shortly after into a single gap-free hash chain (SM3 or SHA-256 per
 * segment, a Merkle root per sealing batch), anchored by signed checkpoints (SM2 or Ed25519) kept in the database and
 * in a directory outside it, and verified through {@link org.baomi.audit.AuditVerification} (REST, screen, daily);
 * {@link org.baomi.audit.AuditChain} tells an entry's chain position and the unsealed backlog; a broken chain
 * publishes {@link org.baomi.audit.AuditChainBroken}. Design and threat model: docs/audit-chain.md,
 * docs/audit-threat-model.md.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.baomi.audit;
