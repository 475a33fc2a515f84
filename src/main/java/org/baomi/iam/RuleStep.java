package org.baomi.iam;

/**
 * One step of a decision's rule trail: which rule was evaluated, whether it passed, and a short detail for the
 * audit record and the explanation ('document:document:read', 'SECRET<HIGHLY_SECRET', 'CARE_TEAM').
 *
 * @param rule   the rule
 * @param passed whether the request satisfied it
 * @param detail machine-readable detail, never secret content; may be null
 */
public record RuleStep(AccessRule rule, boolean passed, String detail) {

    @Override
    public String toString() {
        return rule + (passed ? "+" : "-") + (detail == null ? "" : "(" + detail + ")");
    }
}
