package org.baomi.iam.internal.access;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessDecision;
import org.baomi.iam.AccessRequest;
import org.baomi.iam.ResourceRef;

/**
 * 'Who can see this?' and 'What can this person see?' (issue 3 item 4) over an {@link AccessModel}: the model's
 * indexes give every candidate that some need-to-know basis could allow (custodian, distribution, care team, grant,
 * break-the-glass session, department), and {@link DecisionEngine#decide} then decides each, so the answers agree with
 * {@code decide} by construction. Candidates may be a superset; never a subset, since each basis the engine accepts
 * has an index here.
 */
public final class ReverseQueries {

    /** One allowed pair with its decision. */
    public record Allowed<T>(T subject, AccessDecision decision) {
    }

    private ReverseQueries() {
    }

    public static List<Allowed<PersonEntry>> whoCan(AccessModel model, ResourceRef ref, AccessAction action, long now) {
        return whoCan(model, model.policy(), ref, action, now);
    }

    /** Who could act under the given policy (previews of a draft). */
    public static List<Allowed<PersonEntry>> whoCan(AccessModel model, CompiledPolicy policy, ResourceRef ref,
            AccessAction action, long now) {
        List<Allowed<PersonEntry>> result = new ArrayList<>();
        ObjectEntry object = model.object(ref);
        if (object == null) {
            return result;
        }
        Set<Long> candidates = new HashSet<>();
        ObjectEntry.Core core = object.core;
        if (core.custodianId() != AccessModel.NONE) {
            candidates.add(core.custodianId());
        }
        for (long p : object.distribution) {
            candidates.add(p);
        }
        for (long[] entries : new long[][] {object.care, object.grants, object.glass}) {
            for (int i = 0; i < entries.length; i += ObjectEntry.STRIDE) {
                candidates.add(entries[i + ObjectEntry.PERSON]);
            }
        }
        CompiledRule rule = policy.rule(ref.type(), action);
        if (rule == null) {
            return result;
        }
        if (rule.department && core.departmentId() != AccessModel.NONE) {
            candidates.addAll(model.peopleOfDepartment(core.departmentId()));
        }
        for (long personId : candidates) {
            AccessDecision decision = DecisionEngine.decide(model, policy, new AccessRequest(personId, action, ref), now);
            if (decision.allowed()) {
                result.add(new Allowed<>(model.person(personId), decision));
            }
        }
        result.sort(Comparator.comparing((Allowed<PersonEntry> a) -> a.subject().staffNo())
                .thenComparingLong(a -> a.subject().id()));
        return result;
    }

    public static List<Allowed<ObjectEntry>> whatCan(AccessModel model, long personId, AccessAction action, String type,
            long now) {
        List<Allowed<ObjectEntry>> result = new ArrayList<>();
        forEachAllowed(model, personId, action, type, now, (object, decision) -> result.add(new Allowed<>(object, decision)));
        result.sort(Comparator.comparing(a -> a.subject().ref().id()));
        return result;
    }

    /** Calls back for each object of the type the person may act on (unordered); used by previews too. */
    static void forEachAllowed(AccessModel model, long personId, AccessAction action, String type, long now,
            BiConsumer<ObjectEntry, AccessDecision> sink) {
        PersonEntry person = model.person(personId);
        CompiledRule rule = model.policy().rule(type, action);
        if (person == null || rule == null) {
            return;
        }
        Set<ObjectEntry> candidates = new HashSet<>();
        for (ObjectEntry o : model.relatedTo(personId)) {
            if (o.ref.type().equals(type)) {
                candidates.add(o);
            }
        }
        if (rule.department && person.departmentId != AccessModel.NONE) {
            for (ObjectEntry o : model.objectsOfDepartment(person.departmentId)) {
                if (o.ref.type().equals(type)) {
                    candidates.add(o);
                }
            }
        }
        for (ObjectEntry object : candidates) {
            if (object.core == null) {
                continue;
            }
            AccessDecision decision = DecisionEngine.decide(model, new AccessRequest(personId, action, object.ref), now);
            if (decision.allowed()) {
                sink.accept(object, decision);
            }
        }
    }
}
