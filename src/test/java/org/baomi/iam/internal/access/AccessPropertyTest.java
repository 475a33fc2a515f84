package org.baomi.iam.internal.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;

import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessContext;
import org.baomi.iam.AccessDecision;
import org.baomi.iam.AccessRequest;
import org.baomi.iam.ResourceRef;
import org.baomi.shared.SecretLevel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Properties of the decision point over random hospitals (issue 3 item 6): whatever the people, objects, grants and
 * break-the-glass sessions, no decision allows reaching above one's clearance (CLS-1, ACC-6), an administrator never
 * reaches content (ORG-5), a held person never passes 内部 (PPL-1/2), nothing is written down (CLS-1) and nothing is
 * allowed without the policy's permission (ACC-2). Seeded, so a failure is reproducible.
 */
class AccessPropertyTest {

    private static final int REQUESTS = 200_000;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 20261122})
    void no_decision_ever_allows_above_clearance_nor_an_administrator(long seed) {
        SyntheticHospital hospital = new SyntheticHospital(seed, new SyntheticHospital.Size(400, 3000, 6000, 2000, 8000, 6),
                Instant.parse("2026-11-22T10:00:00Z"));
        Random random = new Random(seed * 31);
        AccessAction[] actions = AccessAction.values();
        SecretLevel[] levels = SecretLevel.values();
        int allowed = 0;
        int aboveClearanceAttempts = 0;
        for (int i = 0; i < REQUESTS; i++) {
            long personId = hospital.person();
            ResourceRef ref = hospital.object();
            AccessAction action = actions[random.nextInt(actions.length)];
            SecretLevel written = random.nextBoolean() ? levels[random.nextInt(levels.length)] : null;
            Long glass = random.nextInt(10) == 0 ? (long) (1 + random.nextInt(10)) : null;
            AccessDecision decision = DecisionEngine.decide(hospital.model,
                    new AccessRequest(personId, action, ref, new AccessContext(null, written, glass, null)), hospital.now);
            PersonEntry person = hospital.model.person(personId);
            ObjectEntry object = hospital.model.object(ref);
            if (object != null && object.level().compareTo(person.clearance()) > 0) {
                aboveClearanceAttempts++;
            }
            if (!decision.allowed()) {
                continue;
            }
            allowed++;
            assertThat(person.active()).isTrue();
            assertThat(person.adminKind()).as("ORG-5").isNull();
            assertThat(object).isNotNull();
            assertThat(object.level()).as("CLS-1 %s", decision.trailText()).isLessThanOrEqualTo(person.clearance());
            if (person.holdReasonKey() != null) {
                assertThat(object.level()).as("PPL-2 hold").isLessThanOrEqualTo(SecretLevel.INTERNAL);
            }
            if (written != null && (action == AccessAction.CHANGE || action == AccessAction.CREATE)) {
                assertThat(written).as("CLS-1 no write-down").isLessThanOrEqualTo(object.level())
                        .isLessThanOrEqualTo(person.clearance());
            }
            CompiledRule rule = hospital.model.policy().rule(ref.type(), action);
            assertThat(person.holds(rule.permission, rule.permissionSegments)).as("ACC-2").isTrue();
            if (rule.rule.medicalOnly()) {
                assertThat(person.medical()).as("ACC-4").isTrue();
            }
        }
        // the property is only worth something if the sample exercised both sides
        assertThat(allowed).isGreaterThan(100);
        assertThat(aboveClearanceAttempts).isGreaterThan(10_000);
    }
}
