package org.baomi.iam.internal.access;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessPerson;
import org.baomi.iam.AccessPolicyRule;
import org.baomi.iam.PolicyPreview;
import org.baomi.iam.PolicyVersion;

/**
 * The effect of a draft policy (issue 3 item 3): for every (type, action) whose rule the draft adds, removes or
 * changes, every registered object of the type is asked 'who can?' under both policies, with the same engine and the
 * same reverse-query indexes; people who appear only under the draft gain, those only under the current one lose.
 * Cost grows with the objects of the changed types (about a million decisions per second).
 */
final class PolicyPreviewer {

    private PolicyPreviewer() {
    }

    static PolicyPreview preview(AccessModel model, PolicyVersion draft, long now) {
        CompiledPolicy current = model.policy();
        CompiledPolicy proposed = new CompiledPolicy(draft);
        Map<String, AccessPolicyRule> before = byKey(current.version().rules());
        Map<String, AccessPolicyRule> after = byKey(draft.rules());
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        keys.removeIf(k -> Objects.equals(before.get(k), after.get(k)));
        Set<Long> gained = new HashSet<>();
        Set<Long> lost = new HashSet<>();
        long[] pairs = new long[2];
        for (String key : keys) {
            String type = key.substring(0, key.indexOf(':'));
            AccessAction action = AccessAction.valueOf(key.substring(key.indexOf(':') + 1));
            model.forEachObject(type, object -> {
                Set<Long> was = ids(ReverseQueries.whoCan(model, current, object.ref, action, now));
                Set<Long> will = ids(ReverseQueries.whoCan(model, proposed, object.ref, action, now));
                for (Long p : will) {
                    if (!was.contains(p)) {
                        gained.add(p);
                        pairs[0]++;
                    }
                }
                for (Long p : was) {
                    if (!will.contains(p)) {
                        lost.add(p);
                        pairs[1]++;
                    }
                }
            });
        }
        return new PolicyPreview(gained.size(), lost.size(), first(model, gained), first(model, lost), pairs[0], pairs[1],
                keys.size());
    }

    private static Map<String, AccessPolicyRule> byKey(List<AccessPolicyRule> rules) {
        return rules.stream().collect(Collectors.toMap(r -> r.resourceType() + ":" + r.action(), Function.identity(),
                (a, b) -> a));
    }

    private static Set<Long> ids(List<ReverseQueries.Allowed<PersonEntry>> allowed) {
        Set<Long> ids = new HashSet<>();
        allowed.forEach(a -> ids.add(a.subject().id()));
        return ids;
    }

    private static List<AccessPerson> first(AccessModel model, Set<Long> ids) {
        List<PersonEntry> people = new ArrayList<>();
        for (Long id : ids) {
            PersonEntry p = model.person(id);
            if (p != null) {
                people.add(p);
            }
        }
        people.sort(Comparator.comparing(PersonEntry::staffNo).thenComparingLong(PersonEntry::id));
        return people.stream().limit(PolicyPreview.NAMES_LISTED)
                .map(p -> new AccessPerson(p.id(), p.staffNo(), p.fullName())).toList();
    }
}
