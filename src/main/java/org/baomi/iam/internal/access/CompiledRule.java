package org.baomi.iam.internal.access;

import java.util.concurrent.atomic.AtomicReferenceArray;

import org.baomi.iam.AccessDecision;
import org.baomi.iam.AccessPolicyRule;
import org.baomi.iam.NeedToKnow;
import org.baomi.iam.RuleStep;
import org.baomi.iam.AccessRule;
import org.baomi.shared.SecretLevel;

/**
 * One policy rule prepared for the engine. It also memoises decisions: apart from grant and break-the-glass ids, a
 * decision is fully determined by the deciding step, the basis, the levels involved and the hold, so each distinct
 * one is built once and then shared (no allocation per decision on the common paths).
 */
final class CompiledRule {

    static final int LEVELS = SecretLevel.values().length;
    static final int BASES = NeedToKnow.values().length;

    final AccessPolicyRule rule;
    final String permission;
    final String[] permissionSegments;
    final boolean custodian;
    final boolean distribution;
    final boolean department;
    final boolean careTeam;
    final boolean grant;
    final boolean breakGlass;
    final SecretLevel departmentMaxLevel;
    final long careWindowMillis;
    final long breakGlassMillis;
    final RuleStep policyStep;
    final RuleStep permissionPassed;
    final RuleStep permissionFailed;
    final String needToKnowRemedy;
    private final AtomicReferenceArray<AccessDecision> memo;

    CompiledRule(AccessPolicyRule rule) {
        this.rule = rule;
        this.permission = rule.permission();
        this.permissionSegments = rule.permission().split(":");
        this.custodian = rule.allows(NeedToKnow.CUSTODIAN);
        this.distribution = rule.allows(NeedToKnow.DISTRIBUTION);
        this.department = rule.allows(NeedToKnow.DEPARTMENT) && rule.departmentMaxLevel() != null;
        this.careTeam = rule.allows(NeedToKnow.CARE_TEAM);
        this.grant = rule.allows(NeedToKnow.GRANT);
        this.breakGlass = rule.allows(NeedToKnow.BREAK_GLASS);
        this.departmentMaxLevel = rule.departmentMaxLevel();
        this.careWindowMillis = rule.careWindowDays() * 86_400_000L;
        this.breakGlassMillis = rule.breakGlassMinutes() * 60_000L;
        this.policyStep = new RuleStep(AccessRule.POLICY, true, rule.resourceType() + ":" + rule.action().code());
        this.permissionPassed = new RuleStep(AccessRule.PERMISSION, true, permission);
        this.permissionFailed = new RuleStep(AccessRule.PERMISSION, false, permission);
        this.needToKnowRemedy = grant && breakGlass ? "access.remedy.request-access-or-break-glass"
                : grant ? "access.remedy.request-access" : breakGlass ? "access.remedy.break-glass" : null;
        this.memo = new AtomicReferenceArray<>(Stage.values().length * (BASES + 1) * LEVELS * (LEVELS + 1)
                * (LEVELS + 1) * 2);
    }

    /** The step that decided a request. */
    enum Stage { ALLOWED, PERMISSION, CLEARANCE, OBLIGATIONS, NO_WRITE_DOWN, MEDICAL_POST, NEED_TO_KNOW, UNKNOWN_OBJECT }

    static int key(Stage stage, NeedToKnow basis, SecretLevel clearance, SecretLevel level, SecretLevel written,
            boolean held) {
        int k = stage.ordinal();
        k = k * (BASES + 1) + (basis == null ? BASES : basis.ordinal());
        k = k * LEVELS + clearance.ordinal();
        k = k * (LEVELS + 1) + (level == null ? LEVELS : level.ordinal());
        k = k * (LEVELS + 1) + (written == null ? LEVELS : written.ordinal());
        return k * 2 + (held ? 1 : 0);
    }

    AccessDecision memo(int key) {
        return memo.get(key);
    }

    AccessDecision remember(int key, AccessDecision decision) {
        memo.lazySet(key, decision);
        return decision;
    }
}
