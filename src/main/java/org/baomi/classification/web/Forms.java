package org.baomi.classification.web;

import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.shared.BaomiException;
import org.springframework.validation.BindingResult;

/** Puts refusals of the classification API onto forms. */
final class Forms {

    private Forms() {
    }

    /** Each problem as an error of its field (or of the form, for a field the form lacks), coded by its message key. */
    static void reject(InvalidInputException invalid, BindingResult binding) {
        for (FieldProblem problem : invalid.problems()) {
            if (hasField(binding, problem.field())) {
                binding.rejectValue(problem.field(), problem.messageKey(), problem.args(), problem.messageKey());
            } else {
                binding.reject(problem.messageKey(), problem.args(), problem.messageKey());
            }
        }
    }

    /**
     * Whether a refusal belongs on the page (the person can act on it: a rule, a concurrent edit) rather than on
     * the error page (no permission, nothing found).
     */
    static boolean showOnPage(BaomiException e) {
        return e.kind() == BaomiException.Kind.INVALID || e.kind() == BaomiException.Kind.CONFLICT;
    }

    private static boolean hasField(BindingResult binding, String field) {
        try {
            return binding.getTarget() != null && binding.getFieldType(field) != null;
        } catch (RuntimeException notAProperty) {
            return false;
        }
    }
}
