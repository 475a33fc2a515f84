package org.baomi.iam.internal.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessPolicyRule;
import org.baomi.iam.AdminKind;
import org.baomi.iam.NeedToKnow;
import org.baomi.iam.PolicyVersion;
import org.baomi.iam.ResourceRef;
import org.baomi.shared.SecretLevel;

/**
 * A seeded, random hospital for property tests, agreement tests and benchmarks: people with random clearances,
 * posts, departments, permissions, some administrators and holds; documents and patients with random levels,
 * custodians, distribution lists, care relationships, grants and break-the-glass sessions. Built without Spring.
 */
public final class SyntheticHospital {

    /** The default policy, as the seed migration writes it. */
    public static List<AccessPolicyRule> defaultRules() {
        return List.of(
                rule("document", AccessAction.READ, "document:document:read", SecretLevel.INTERNAL, false, 0, 0,
                        NeedToKnow.CUSTODIAN, NeedToKnow.DISTRIBUTION, NeedToKnow.DEPARTMENT, NeedToKnow.GRANT),
                rule("document", AccessAction.CHANGE, "document:document:update", null, false, 0, 0,
                        NeedToKnow.CUSTODIAN, NeedToKnow.GRANT),
                rule("document", AccessAction.EXPORT, "document:document:export", null, false, 0, 0,
                        NeedToKnow.CUSTODIAN, NeedToKnow.GRANT),
                rule("document", AccessAction.CREATE, "document:document:create", SecretLevel.TOP_SECRET, false, 0, 0,
                        NeedToKnow.CUSTODIAN, NeedToKnow.DEPARTMENT),
                rule("patient", AccessAction.READ, "privacy:patient:read", null, true, 30, 30,
                        NeedToKnow.CARE_TEAM, NeedToKnow.GRANT, NeedToKnow.BREAK_GLASS),
                rule("patient", AccessAction.CHANGE, "privacy:patient:update", null, true, 0, 30,
                        NeedToKnow.CARE_TEAM, NeedToKnow.GRANT, NeedToKnow.BREAK_GLASS),
                rule("patient", AccessAction.EXPORT, "privacy:patient:export", null, false, 0, 0, NeedToKnow.GRANT),
                rule("archive", AccessAction.READ, "archive:archive:read", SecretLevel.INTERNAL, false, 0, 0,
                        NeedToKnow.CUSTODIAN, NeedToKnow.GRANT, NeedToKnow.DEPARTMENT),
                rule("archive", AccessAction.CHANGE, "archive:archive:manage", null, false, 0, 0, NeedToKnow.CUSTODIAN));
    }

    static final String[] PERMISSIONS = {"document:document:read", "document:document:update", "document:document:export",
            "document:document:create", "privacy:patient:read", "privacy:patient:update", "privacy:patient:export",
            "document:*:*", "privacy:patient:*"};

    public static AccessPolicyRule rule(String type, AccessAction action, String permission, SecretLevel departmentMax,
            boolean medicalOnly, int careDays, int glassMinutes, NeedToKnow... bases) {
        return new AccessPolicyRule(type, action, permission, Set.copyOf(EnumSet.of(bases[0], bases)), departmentMax,
                medicalOnly, careDays, glassMinutes);
    }

    /** Sizes of a synthetic hospital. */
    public record Size(int staff, int patients, int careRelationships, int documents, int grants, int departments) {

        /** The size of the benchmark. */
        public static final Size HOSPITAL = new Size(10_000, 1_000_000, 1_000_000, 100_000, 200_000, 40);
    }

    public final AccessModel model = new AccessModel();
    public final long now;
    public final Size size;
    private final Random random;

    public SyntheticHospital(long seed, Size size, Instant now) {
        this.random = new Random(seed);
        this.size = size;
        this.now = now.toEpochMilli();
        model.setPolicy(new CompiledPolicy(new PolicyVersion(1, now, null, null, "synthetic", defaultRules())));
        SecretLevel[] levels = SecretLevel.values();
        for (int i = 1; i <= size.staff(); i++) {
            Set<String> permissions = new HashSet<>();
            int count = random.nextInt(5);
            for (int k = 0; k < count; k++) {
                permissions.add(PERMISSIONS[random.nextInt(PERMISSIONS.length)]);
            }
            AdminKind admin = random.nextInt(50) == 0 ? AdminKind.values()[random.nextInt(3)] : null;
            model.putPerson(new PersonEntry(i, String.format("S%06d", i), "Person " + i, random.nextInt(40) != 0,
                    levels[random.nextInt(levels.length)], admin, random.nextBoolean(), 1 + random.nextInt(size.departments()),
                    permissions, null));
            if (random.nextInt(30) == 0) {
                model.setHold(i, "training.outstanding");
            }
        }
        for (int i = 0; i < size.documents(); i++) {
            ResourceRef ref = ResourceRef.document("D" + i);
            model.putObject(ref, levels[random.nextInt(levels.length)], 1 + random.nextInt(size.departments()),
                    random.nextInt(10) == 0 ? AccessModel.NONE : person());
            int readers = random.nextInt(4);
            long[] distribution = new long[readers];
            for (int k = 0; k < readers; k++) {
                distribution[k] = person();
            }
            model.setDistribution(ref, distribution);
        }
        for (int i = 0; i < size.patients(); i++) {
            model.putObject(ResourceRef.patient("P" + i), random.nextInt(20) == 0 ? SecretLevel.SECRET : SecretLevel.INTERNAL,
                    1 + random.nextInt(size.departments()), AccessModel.NONE);
        }
        long day = 86_400_000L;
        for (int i = 0; i < size.careRelationships(); i++) {
            long from = this.now - random.nextInt(90) * day;
            long until = random.nextBoolean() ? Long.MAX_VALUE : from + random.nextInt(60) * day;
            model.putCare(i + 1, person(), ResourceRef.patient("P" + random.nextInt(size.patients())), from, until);
        }
        AccessAction[] actions = {AccessAction.READ, AccessAction.CHANGE, AccessAction.EXPORT};
        for (int i = 0; i < size.grants(); i++) {
            ResourceRef ref = random.nextBoolean() ? ResourceRef.document("D" + random.nextInt(size.documents()))
                    : ResourceRef.patient("P" + random.nextInt(size.patients()));
            model.putGrant(i + 1, person(), actions[random.nextInt(3)], ref, this.now + (random.nextInt(20) - 5) * day);
        }
        for (int i = 0; i < size.patients() / 1000 + 5; i++) {
            long opened = this.now - random.nextInt(60) * 60_000L;
            model.putGlass(i + 1, person(), ResourceRef.patient("P" + random.nextInt(size.patients())), opened,
                    opened + 30 * 60_000L);
        }
    }

    /** A random existing person id. */
    public long person() {
        return 1 + random.nextInt(size.staff());
    }

    /** A random object: a document or a patient. */
    public ResourceRef object() {
        return random.nextBoolean() ? ResourceRef.document("D" + random.nextInt(size.documents()))
                : ResourceRef.patient("P" + random.nextInt(size.patients()));
    }

    public Random random() {
        return random;
    }

    /** Every object of the hospital, documents first. */
    public List<ResourceRef> objects() {
        List<ResourceRef> all = new ArrayList<>();
        for (int i = 0; i < size.documents(); i++) {
            all.add(ResourceRef.document("D" + i));
        }
        for (int i = 0; i < size.patients(); i++) {
            all.add(ResourceRef.patient("P" + i));
        }
        return all;
    }
}
