package org.baomi.iam.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.baomi.iam.AccessPolicyRule;
import org.baomi.iam.PolicyVersion;

/**
 * What changed between two versions of the policy, rule by rule (type and action): added, removed, changed with
 * the old and new rule side by side.
 *
 * @param from    the older version
 * @param to      the newer version
 * @param changes the differing rules, by type and action
 */
public record PolicyDiff(PolicyVersion from, PolicyVersion to, List<Change> changes) {

    public enum Kind { ADDED, REMOVED, CHANGED }

    /** One rule that differs; {@code before} is null when added, {@code after} when removed. */
    public record Change(String key, Kind kind, AccessPolicyRule before, AccessPolicyRule after) {
    }

    static PolicyDiff between(PolicyVersion from, PolicyVersion to) {
        Map<String, AccessPolicyRule> before = byKey(from.rules());
        Map<String, AccessPolicyRule> after = byKey(to.rules());
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<Change> changes = new ArrayList<>();
        for (String key : keys) {
            AccessPolicyRule b = before.get(key);
            AccessPolicyRule a = after.get(key);
            if (b == null) {
                changes.add(new Change(key, Kind.ADDED, null, a));
            } else if (a == null) {
                changes.add(new Change(key, Kind.REMOVED, b, null));
            } else if (!Objects.equals(a, b)) {
                changes.add(new Change(key, Kind.CHANGED, b, a));
            }
        }
        return new PolicyDiff(from, to, List.copyOf(changes));
    }

    private static Map<String, AccessPolicyRule> byKey(List<AccessPolicyRule> rules) {
        Map<String, AccessPolicyRule> map = new LinkedHashMap<>();
        for (AccessPolicyRule rule : rules) {
            map.put(rule.resourceType() + ":" + rule.action(), rule);
        }
        return map;
    }
}
