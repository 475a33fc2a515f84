package org.baomi.audit;

import java.time.Instant;
import java.util.Set;

/**
 * Filters for reading the trail. Every field is optional.
 *
 * @param actionPrefixes only actions starting with one of these ("iam.login.")
 * @param actorIds       only entries by these actors
 * @param outcome        only this outcome
 * @param from           from this time, inclusive
 * @param to             before this time
 * @param text           contained in actor name, action or object id
 * @param page           zero-based page
 * @param size           page size, at most 200
 */
public record AuditSearch(Set<String> actionPrefixes, Set<Long> actorIds, AuditOutcome outcome, Instant from,
        Instant to, String text, int page, int size) {

    public AuditSearch {
        actionPrefixes = actionPrefixes == null ? Set.of() : Set.copyOf(actionPrefixes);
        actorIds = actorIds == null ? Set.of() : Set.copyOf(actorIds);
        page = Math.max(page, 0);
        size = size <= 0 ? 50 : Math.min(size, 200);
    }
}
