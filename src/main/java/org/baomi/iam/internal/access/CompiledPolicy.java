package org.baomi.iam.internal.access;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessPolicyRule;
import org.baomi.iam.PolicyVersion;

/** A policy version turned into look-up tables for the engine: type to rule per action. Immutable. */
public final class CompiledPolicy {

    private static final CompiledRule[] NO_RULES = new CompiledRule[AccessAction.values().length];

    final PolicyVersion version;
    private final Map<String, CompiledRule[]> byType;

    public CompiledPolicy(PolicyVersion version) {
        this.version = version;
        Map<String, CompiledRule[]> map = new HashMap<>();
        for (AccessPolicyRule rule : version.rules()) {
            map.computeIfAbsent(rule.resourceType(), t -> new CompiledRule[AccessAction.values().length])
                    [rule.action().ordinal()] = new CompiledRule(rule);
        }
        this.byType = Map.copyOf(map);
    }

    /** An empty policy: everything denied (deny by default). */
    static CompiledPolicy empty() {
        return new CompiledPolicy(new PolicyVersion(0, java.time.Instant.EPOCH, null, null, "", List.of()));
    }

    CompiledRule rule(String type, AccessAction action) {
        return byType.getOrDefault(type, NO_RULES)[action.ordinal()];
    }

    public PolicyVersion version() {
        return version;
    }
}
