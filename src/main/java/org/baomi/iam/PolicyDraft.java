package org.baomi.iam;

import java.util.List;

/**
 * A proposed new policy: the whole rule set, based on the version the editor started from.
 *
 * @param baseVersion the version the draft was made from (saving fails with CONFLICT when another change came first)
 * @param rules       every rule of the new version (rules left out are removed: their type and action are then
 *                    denied to everyone)
 * @param reason      why (required, at most 500 characters)
 */
public record PolicyDraft(long baseVersion, List<AccessPolicyRule> rules, String reason) {

    public PolicyDraft {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
