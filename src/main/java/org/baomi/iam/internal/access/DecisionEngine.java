package org.baomi.iam.internal.access;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessDecision;
import org.baomi.iam.AccessRequest;
import org.baomi.iam.AccessRule;
import org.baomi.iam.AdminKind;
import org.baomi.iam.NeedToKnow;
import org.baomi.iam.RuleStep;
import org.baomi.iam.internal.access.CompiledRule.Stage;
import org.baomi.shared.SecretLevel;

/**
 * The rules of the decision point (ACC-1..6, ORG-5, CLS-1), combined deny-by-default over an {@link AccessModel}.
 * Pure: no I/O, no audit, no clock of its own (the caller passes the time), so reverse queries, previews, tests and
 * benchmarks use exactly what {@code decide} uses.
 *
 * <p>Order: person known and active; 三员 (ORG-5); a policy for the type and action, and the object registered;
 * permission (ACC-2); clearance (CLS-1, ACC-6: the object's level and any level written never above it);
 * obligations (PPL-1/2: a held person counts as 内部 at most); no writing down (CLS-1); medical posts only (ACC-4);
 * need-to-know (ACC-1, ACC-4): custodian, distribution, department scope, care team, grant, break-the-glass, as the
 * policy allows. Grants and break-the-glass appear only in the last step: they can never lift an earlier denial.
 */
public final class DecisionEngine {

    static final RuleStep PERSON_PASSED = new RuleStep(AccessRule.PERSON, true, null);
    static final RuleStep ADMIN_PASSED = new RuleStep(AccessRule.ADMINISTRATOR_SEPARATION, true, null);

    private static final AccessDecision UNKNOWN_PERSON = denied("access.denied.unknown-person", null, null, null,
            List.of(new RuleStep(AccessRule.PERSON, false, "unknown")));
    private static final Map<SecretLevel, AccessDecision> INACTIVE = new EnumMap<>(SecretLevel.class);
    private static final Map<AdminKind, AccessDecision> ADMINISTRATOR = new EnumMap<>(AdminKind.class);

    static {
        for (SecretLevel level : SecretLevel.values()) {
            INACTIVE.put(level, denied("access.denied.inactive", null, level, null,
                    List.of(new RuleStep(AccessRule.PERSON, false, "inactive"))));
        }
        for (AdminKind kind : AdminKind.values()) {
            ADMINISTRATOR.put(kind, denied("access.denied.administrator", null, null, null,
                    List.of(PERSON_PASSED, new RuleStep(AccessRule.ADMINISTRATOR_SEPARATION, false, kind.name()))));
        }
    }

    private DecisionEngine() {
    }

    public static AccessDecision decide(AccessModel model, AccessRequest request, long nowMillis) {
        return decide(model, model.policy(), request, nowMillis);
    }

    /** Decides under the given policy instead of the model's own (previews of a draft policy). */
    public static AccessDecision decide(AccessModel model, CompiledPolicy policy, AccessRequest request, long nowMillis) {
        PersonEntry person = model.person(request.personId());
        if (person == null) {
            return UNKNOWN_PERSON;
        }
        if (!person.active) {
            return INACTIVE.get(person.clearance);
        }
        if (person.adminKind != null) {
            // ORG-5: no administrator reaches business content, whatever else they hold
            return ADMINISTRATOR.get(person.adminKind);
        }
        AccessAction action = request.action();
        CompiledRule rule = policy.rule(request.resource().type(), action);
        if (rule == null) {
            return denied("access.denied.no-policy", null, person.clearance, null, List.of(PERSON_PASSED, ADMIN_PASSED,
                    new RuleStep(AccessRule.POLICY, false, request.resource().type() + ":" + action.code())));
        }
        ObjectEntry object = model.object(request.resource().type(), request.resource().id());
        SecretLevel written = action == AccessAction.CHANGE || action == AccessAction.CREATE
                ? request.context().writtenLevel() : null;
        boolean held = person.holdReasonKey != null;
        if (object == null && action != AccessAction.CREATE) {
            return outcome(rule, Stage.UNKNOWN_OBJECT, null, person.clearance, null, written, held, 0, 0);
        }
        ObjectEntry.Core core = object == null ? null : object.core;
        SecretLevel level = core == null ? null : core.level();
        if (!person.holds(rule.permission, rule.permissionSegments)) {
            return outcome(rule, Stage.PERMISSION, null, person.clearance, level, written, held, 0, 0);
        }
        // CLS-1, ACC-6: never above one's clearance, for any action, whatever grant or emergency
        if ((level != null && level.compareTo(person.clearance) > 0)
                || (written != null && written.compareTo(person.clearance) > 0)) {
            return outcome(rule, Stage.CLEARANCE, null, person.clearance, level, written, held, 0, 0);
        }
        if (held && ((level != null && level.compareTo(SecretLevel.INTERNAL) > 0)
                || (written != null && written.compareTo(SecretLevel.INTERNAL) > 0))) {
            return outcome(rule, Stage.OBLIGATIONS, null, person.clearance, level, written, held, 0, 0);
        }
        if (written != null && level != null && written.compareTo(level) > 0) {
            return outcome(rule, Stage.NO_WRITE_DOWN, null, person.clearance, level, written, held, 0, 0);
        }
        if (rule.rule.medicalOnly() && !person.medical) {
            return outcome(rule, Stage.MEDICAL_POST, null, person.clearance, level, written, held, 0, 0);
        }
        if (object == null) {
            // CREATE of an object not registered yet: there is nothing to need to know
            return outcome(rule, Stage.ALLOWED, null, person.clearance, null, written, held, 0, 0);
        }
        long personId = person.id;
        if (rule.custodian && core.custodianId() == personId) {
            return outcome(rule, Stage.ALLOWED, NeedToKnow.CUSTODIAN, person.clearance, level, written, held, 0, 0);
        }
        if (rule.distribution && Arrays.binarySearch(object.distribution, personId) >= 0) {
            return outcome(rule, Stage.ALLOWED, NeedToKnow.DISTRIBUTION, person.clearance, level, written, held, 0, 0);
        }
        if (rule.department && core.departmentId() != AccessModel.NONE && core.departmentId() == person.departmentId
                && level.compareTo(rule.departmentMaxLevel) <= 0) {
            return outcome(rule, Stage.ALLOWED, NeedToKnow.DEPARTMENT, person.clearance, level, written, held, 0, 0);
        }
        if (rule.careTeam) {
            long[] care = object.care;
            for (int i = 0; i < care.length; i += ObjectEntry.STRIDE) {
                // ACC-4: during the encounter and for the care window after it ends
                if (care[i + ObjectEntry.PERSON] == personId && care[i + ObjectEntry.A] <= nowMillis
                        && (care[i + ObjectEntry.B] == Long.MAX_VALUE
                                || nowMillis <= care[i + ObjectEntry.B] + rule.careWindowMillis)) {
                    return outcome(rule, Stage.ALLOWED, NeedToKnow.CARE_TEAM, person.clearance, level, written, held, 0, 0);
                }
            }
        }
        if (rule.grant) {
            long[] grants = object.grants;
            long actionOrdinal = action.ordinal();
            for (int i = 0; i < grants.length; i += ObjectEntry.STRIDE) {
                if (grants[i + ObjectEntry.PERSON] == personId && grants[i + ObjectEntry.A] == actionOrdinal
                        && nowMillis < grants[i + ObjectEntry.B]) {
                    return outcome(rule, Stage.ALLOWED, NeedToKnow.GRANT, person.clearance, level, written, held,
                            grants[i + ObjectEntry.ID], 0);
                }
            }
        }
        if (rule.breakGlass) {
            Long wanted = request.context().breakGlassId();
            long[] glass = object.glass;
            for (int i = 0; i < glass.length; i += ObjectEntry.STRIDE) {
                if (glass[i + ObjectEntry.PERSON] == personId && glass[i + ObjectEntry.A] <= nowMillis
                        && nowMillis < glass[i + ObjectEntry.B]
                        && (wanted == null || wanted == glass[i + ObjectEntry.ID])) {
                    return outcome(rule, Stage.ALLOWED, NeedToKnow.BREAK_GLASS, person.clearance, level, written, held,
                            0, glass[i + ObjectEntry.ID]);
                }
            }
        }
        return outcome(rule, Stage.NEED_TO_KNOW, null, person.clearance, level, written, held, 0, 0);
    }

    private static AccessDecision outcome(CompiledRule rule, Stage stage, NeedToKnow basis, SecretLevel clearance,
            SecretLevel level, SecretLevel written, boolean held, long grantId, long glassId) {
        int key = CompiledRule.key(stage, basis, clearance, level, written, held);
        AccessDecision decision = rule.memo(key);
        if (decision == null) {
            decision = rule.remember(key, build(rule, stage, basis, clearance, level, written, held));
        }
        if (grantId != 0 || glassId != 0) {
            return new AccessDecision(true, decision.reasonKey(), decision.trail(), grantId == 0 ? null : grantId,
                    glassId == 0 ? null : glassId, basis, null, clearance, level);
        }
        return decision;
    }

    private static AccessDecision build(CompiledRule rule, Stage stage, NeedToKnow basis, SecretLevel clearance,
            SecretLevel level, SecretLevel written, boolean held) {
        List<RuleStep> trail = new ArrayList<>(9);
        trail.add(PERSON_PASSED);
        trail.add(ADMIN_PASSED);
        if (stage == Stage.UNKNOWN_OBJECT) {
            trail.add(new RuleStep(AccessRule.POLICY, false, rule.policyStep.detail() + ":unregistered"));
            return denied("access.denied.unknown-object", null, clearance, null, trail);
        }
        trail.add(rule.policyStep);
        if (stage == Stage.PERMISSION) {
            trail.add(rule.permissionFailed);
            return denied("access.denied.permission", "access.remedy.permission", clearance, level, trail);
        }
        trail.add(rule.permissionPassed);
        String clearanceDetail = clearance + ">=" + (level == null ? "-" : level) + (written == null ? "" : "," + written);
        if (stage == Stage.CLEARANCE) {
            trail.add(new RuleStep(AccessRule.CLEARANCE, false, clearanceDetail));
            return denied("access.denied.clearance", "access.remedy.clearance", clearance, level, trail);
        }
        trail.add(new RuleStep(AccessRule.CLEARANCE, true, clearanceDetail));
        if (stage == Stage.OBLIGATIONS) {
            trail.add(new RuleStep(AccessRule.OBLIGATIONS, false, "held:INTERNAL"));
            return denied("access.denied.obligations", "access.remedy.obligations", clearance, level, trail);
        }
        trail.add(new RuleStep(AccessRule.OBLIGATIONS, true, held ? "held:INTERNAL" : null));
        if (written != null) {
            String writeDetail = written + "<=" + (level == null ? "-" : level);
            if (stage == Stage.NO_WRITE_DOWN) {
                trail.add(new RuleStep(AccessRule.NO_WRITE_DOWN, false, writeDetail));
                return denied("access.denied.write-down", "access.remedy.reclassify", clearance, level, trail);
            }
            trail.add(new RuleStep(AccessRule.NO_WRITE_DOWN, true, writeDetail));
        }
        if (rule.rule.medicalOnly()) {
            if (stage == Stage.MEDICAL_POST) {
                trail.add(new RuleStep(AccessRule.MEDICAL_POST, false, null));
                return denied("access.denied.not-medical", null, clearance, level, trail);
            }
            trail.add(new RuleStep(AccessRule.MEDICAL_POST, true, null));
        }
        if (stage == Stage.NEED_TO_KNOW) {
            trail.add(new RuleStep(AccessRule.NEED_TO_KNOW, false, null));
            return denied("access.denied.need-to-know", rule.needToKnowRemedy, clearance, level, trail);
        }
        if (basis == null) {
            trail.add(new RuleStep(AccessRule.NEED_TO_KNOW, true, "new"));
            return new AccessDecision(true, "access.allowed.create", trail, null, null, null, null, clearance, level);
        }
        trail.add(new RuleStep(AccessRule.NEED_TO_KNOW, true, basis.name()));
        return new AccessDecision(true, "access.allowed." + basis.name(), trail, null, null, basis, null, clearance, level);
    }

    private static AccessDecision denied(String reasonKey, String remedyKey, SecretLevel clearance, SecretLevel level,
            List<RuleStep> trail) {
        return new AccessDecision(false, reasonKey, trail, null, null, null, remedyKey, clearance, level);
    }
}
