/**
 * Approval engine (issue 4): every "needs approval" of the rules in one place — copying (DOC-3), carrying out
 * (DOC-4) and destroying (DOC-7) documents, borrowing archives (ARC-2/3), changing business data (ACC-9), opening a
 * record outside one's care (ACC-4), printing system data (ACC-5), publishing (PUB-1), setting or changing a level
 * (CLS-3), entering the machine room (PHY-1). Modules register their approval kinds at start-up and submit
 * requests; the engine runs the configured chains and, on approval, issues a grant through
 * {@link org.baomi.iam.AccessGrants} and publishes {@link org.baomi.approval.ApprovalDecided}. The engine never
 * depends on its clients.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit", "iam"})
package org.baomi.approval;
