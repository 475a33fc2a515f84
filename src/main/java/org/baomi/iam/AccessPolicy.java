package org.baomi.iam;

import java.util.List;

/**
 * The one policy decision point of Baomi (ACC-1..6, ORG-5, CLS-1): every module API that shows, exports or changes
 * protected content starts with {@link #require}. Deny by default. The rules, in order ({@link AccessRule}):
 * the person exists and is active; the 三员 rule (an administrator never reaches business content); the object is
 * registered and a policy covers its type and action; the role permission the policy requires; clearance (no
 * reading above it, the object's level never above it for any action); no writing down; obligations (a held person
 * counts as 内部 at most); medical posts only for patients where the policy says so; need-to-know (custodian,
 * distribution, department scope, care team, explicit grant, break-the-glass, as the policy allows). Grants and
 * break-the-glass only ever satisfy need-to-know: they never lift clearance nor the 三员 rule.
 *
 * <p>Decisions are computed in memory from a model that every instance refreshes within a second of any change;
 * they never touch the database.
 *
 * <p>Audit actions: {@code access.decision} (one per {@link #check}; outcome ALLOWED or DENIED, reason key, details
 * with the person, action, rule trail, grant and break-the-glass ids, purpose and calling system) and
 * {@code access.decisions} (one per {@link #checkAll} batch). Allowed decisions are written in the caller's
 * transaction when one is active (so they commit with the access they justify), otherwise in their own; denials
 * always in their own, so they survive the caller's rollback.
 */
public interface AccessPolicy {

    /**
     * Decides without writing anything: for reverse queries, previews, screens that only grey out a button, and
     * benchmarks. Whatever is then shown or changed must go through {@link #check} or {@link #require}.
     */
    AccessDecision decide(AccessRequest request);

    /** {@link #decide} for each request, in order. */
    List<AccessDecision> decideAll(List<AccessRequest> requests);

    /** Decides and writes the decision, with its rule trail, to the audit trail (see above). */
    AccessDecision check(AccessRequest request);

    /**
     * Decides every request and writes ONE audit record ({@code access.decisions}) listing every decision compactly
     * (person, action, object, allowed, reason key, trail), for the batch decision API: one record per batch keeps
     * the throughput other systems need. Outcome ALLOWED only when every request was allowed; written in its own
     * transaction when any was denied.
     */
    List<AccessDecision> checkAll(List<AccessRequest> requests);

    /**
     * {@link #check}, then throws when denied.
     *
     * @return the allowing decision (its grant or break-the-glass id may be worth recording)
     * @throws AccessDeniedException (FORBIDDEN, already audited) when denied
     */
    AccessDecision require(AccessRequest request);
}
