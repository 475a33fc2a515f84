package org.baomi.iam.internal.access;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.baomi.iam.AccessPolicyRule;
import org.baomi.iam.FieldProblem;
import org.baomi.iam.NeedToKnow;
import org.baomi.iam.Permissions;
import org.baomi.iam.PolicyDraft;
import org.baomi.iam.ResourceRef;

/** Checks a draft policy field by field, with translated problems (non-negotiable 2). */
final class PolicyValidator {

    static final int MAX_RULES = 200;

    private PolicyValidator() {
    }

    static List<FieldProblem> validate(PolicyDraft draft) {
        List<FieldProblem> problems = new ArrayList<>();
        if (draft.reason() == null || draft.reason().isBlank()) {
            problems.add(new FieldProblem("reason", "access.policy.reason-required"));
        } else if (draft.reason().length() > 500) {
            problems.add(new FieldProblem("reason", "access.policy.reason-too-long", 500));
        }
        if (draft.rules().size() > MAX_RULES) {
            problems.add(new FieldProblem("rules", "access.policy.too-many-rules", MAX_RULES));
            return problems;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < draft.rules().size(); i++) {
            AccessPolicyRule rule = draft.rules().get(i);
            String field = "rules[" + i + "].";
            if (rule == null) {
                problems.add(new FieldProblem("rules[" + i + "]", "access.policy.rule-missing"));
                continue;
            }
            if (rule.resourceType() == null || !ResourceRef.TYPE_FORMAT.matcher(rule.resourceType()).matches()) {
                problems.add(new FieldProblem(field + "resourceType", "access.policy.type-invalid"));
            }
            if (rule.action() == null) {
                problems.add(new FieldProblem(field + "action", "access.policy.action-required"));
            } else if (!seen.add(rule.resourceType() + ":" + rule.action())) {
                problems.add(new FieldProblem(field + "action", "access.policy.duplicate"));
            }
            if (!Permissions.isValid(rule.permission())) {
                problems.add(new FieldProblem(field + "permission", "access.policy.permission-invalid"));
            } else if (Permissions.isAdministrative(rule.permission())) {
                // ORG-5: business content is never reached through an administrator's namespace
                problems.add(new FieldProblem(field + "permission", "access.policy.permission-administrative"));
            }
            boolean department = rule.bases().contains(NeedToKnow.DEPARTMENT);
            if (department && rule.departmentMaxLevel() == null) {
                problems.add(new FieldProblem(field + "departmentMaxLevel", "access.policy.department-level-required"));
            } else if (!department && rule.departmentMaxLevel() != null) {
                problems.add(new FieldProblem(field + "departmentMaxLevel", "access.policy.department-level-unused"));
            }
            if (rule.careWindowDays() < 0 || rule.careWindowDays() > 365) {
                problems.add(new FieldProblem(field + "careWindowDays", "access.policy.care-window-range", 0, 365));
            }
            boolean glass = rule.bases().contains(NeedToKnow.BREAK_GLASS);
            if (rule.breakGlassMinutes() < 0 || rule.breakGlassMinutes() > 240 || (glass && rule.breakGlassMinutes() < 1)) {
                problems.add(new FieldProblem(field + "breakGlassMinutes", "access.policy.break-glass-range", 1, 240));
            }
        }
        return problems;
    }
}
