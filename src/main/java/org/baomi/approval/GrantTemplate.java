package org.baomi.approval;

import java.util.Set;

import org.baomi.iam.AccessAction;

/**
 * What grant an approved request of a kind yields (issue 4 item 3), through {@link org.baomi.iam.AccessGrants}.
 *
 * @param actions         the actions a request may ask for (one per request)
 * @param defaultDays     the grant's duration when the requester wishes none
 * @param maxDays         the longest duration a request may ask for
 * @param conditionsKey   message key of the conditions written on the grant ("reading room only"), or null
 */
public record GrantTemplate(Set<AccessAction> actions, int defaultDays, int maxDays, String conditionsKey) {

    public GrantTemplate {
        actions = Set.copyOf(actions);
    }
}
