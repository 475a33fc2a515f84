package org.baomi.iam.web;

import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.shared.BaomiException;
import org.springframework.validation.BindingResult;

/** Puts refusals of the identity API onto forms. */
final class AdminForms {

    private AdminForms() {
    }

    /** Each problem as an error of its field, with the message key as the error code. */
    static void reject(InvalidInputException invalid, BindingResult binding) {
        for (FieldProblem problem : invalid.problems()) {
            if (binding.getTarget() != null && hasField(binding, problem.field())) {
                binding.rejectValue(problem.field(), problem.messageKey(), problem.args(), problem.messageKey());
            } else {
                binding.reject(problem.messageKey(), problem.args(), problem.messageKey());
            }
        }
    }

    /**
     * Whether the refusal belongs on the page (a rule the person can act on) rather than on the error page (no
     * permission, nothing found): those are rethrown to {@link AdminWebErrors}.
     */
    static boolean showOnPage(BaomiException e) {
        return switch (e.kind()) {
            case INVALID, CONFLICT -> true;
            case FORBIDDEN -> !"error.forbidden".equals(e.messageKey());
            default -> false;
        };
    }

    private static boolean hasField(BindingResult binding, String field) {
        try {
            return binding.getFieldType(field) != null;
        } catch (RuntimeException notAProperty) {
            return false;
        }
    }
}
