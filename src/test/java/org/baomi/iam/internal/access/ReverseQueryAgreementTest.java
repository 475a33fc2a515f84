package org.baomi.iam.internal.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessDecision;
import org.baomi.iam.AccessRequest;
import org.baomi.iam.ResourceRef;
import org.junit.jupiter.api.Test;

/**
 * "Who can see this?" and "What can this person see?" agree with {@code decide} (issue 3 must-show): on 30,000 random
 * (person, object, action) triples (half of them among the people related to the object) of a random hospital, a person is listed for an object exactly when decide allows
 * it, with the same basis, in both directions.
 */
class ReverseQueryAgreementTest {

    @Test
    void reverse_queries_agree_with_decide_on_30000_random_pairs() {
        SyntheticHospital hospital = new SyntheticHospital(7, new SyntheticHospital.Size(300, 1500, 4000, 1500, 6000, 5),
                Instant.parse("2026-11-22T10:00:00Z"));
        AccessModel model = hospital.model;
        Map<String, Map<Long, String>> whoCache = new HashMap<>();
        Map<String, Map<String, String>> whatCache = new HashMap<>();
        AccessAction[] actions = {AccessAction.READ, AccessAction.CHANGE, AccessAction.EXPORT};
        int allowed = 0;
        for (int i = 0; i < 30_000; i++) {
            ResourceRef ref = hospital.object();
            // half the pairs from the people related to the object, so that allowed pairs are well represented
            long personId = i % 2 == 0 ? relatedPerson(hospital, ref) : hospital.person();
            AccessAction action = actions[hospital.random().nextInt(actions.length)];
            AccessDecision decision = DecisionEngine.decide(model, new AccessRequest(personId, action, ref), hospital.now);
            Map<Long, String> who = whoCache.computeIfAbsent(ref + "/" + action, k -> ReverseQueries
                    .whoCan(model, ref, action, hospital.now).stream()
                    .collect(Collectors.toMap(a -> a.subject().id(), a -> a.decision().reasonKey())));
            Map<String, String> what = whatCache.computeIfAbsent(personId + "/" + action + "/" + ref.type(), k -> ReverseQueries
                    .whatCan(model, personId, action, ref.type(), hospital.now).stream()
                    .collect(Collectors.toMap(a -> a.subject().ref().id(), a -> a.decision().reasonKey())));
            String expected = decision.allowed() ? decision.reasonKey() : null;
            assertThat(who.get(personId)).as("who can %s %s: person %d (%s)", action, ref, personId, decision.trailText())
                    .isEqualTo(expected);
            assertThat(what.get(ref.id())).as("what can %d %s: %s (%s)", personId, action, ref, decision.trailText())
                    .isEqualTo(expected);
            if (decision.allowed()) {
                allowed++;
            }
        }
        assertThat(allowed).as("the sample holds allowed pairs too").isGreaterThan(300);
        Set<String> reasons = whoCache.values().stream().flatMap(m -> m.values().stream()).collect(Collectors.toSet());
        assertThat(reasons).as("every need-to-know basis appears").contains("access.allowed.CUSTODIAN",
                "access.allowed.DISTRIBUTION", "access.allowed.DEPARTMENT", "access.allowed.CARE_TEAM", "access.allowed.GRANT",
                "access.allowed.BREAK_GLASS");
    }

    private static long relatedPerson(SyntheticHospital hospital, ResourceRef ref) {
        ObjectEntry entry = hospital.model.object(ref);
        java.util.List<Long> related = new java.util.ArrayList<>();
        if (entry.core.custodianId() != AccessModel.NONE) {
            related.add(entry.core.custodianId());
        }
        for (long p : entry.distribution) {
            related.add(p);
        }
        for (long[] entries : new long[][] {entry.care, entry.grants, entry.glass}) {
            for (int i = 0; i < entries.length; i += ObjectEntry.STRIDE) {
                related.add(entries[i + ObjectEntry.PERSON]);
            }
        }
        related.addAll(hospital.model.peopleOfDepartment(entry.core.departmentId()));
        return related.isEmpty() ? hospital.person() : related.get(hospital.random().nextInt(related.size()));
    }
}
