package org.baomi.iam;

import java.util.List;

import org.baomi.shared.BaomiException;
import org.springframework.validation.Errors;

/**
 * Input refused field by field (kind INVALID, key {@code error.invalid}); forms show each problem next to its
 * field and the API lists them. Nothing was written.
 */
public class InvalidInputException extends BaomiException {

    private final transient List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(Kind.INVALID, "error.invalid");
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /**
     * Puts each problem on a form: as an error of its field, or of the whole form when the form has no such field,
     * coded by its message key (which is also the default message).
     */
    public void rejectOn(Errors errors) {
        for (FieldProblem problem : problems) {
            if (hasField(errors, problem.field())) {
                errors.rejectValue(problem.field(), problem.messageKey(), problem.args(), problem.messageKey());
            } else {
                errors.reject(problem.messageKey(), problem.args(), problem.messageKey());
            }
        }
    }

    private static boolean hasField(Errors errors, String field) {
        try {
            return errors.getFieldType(field) != null;
        } catch (RuntimeException notAProperty) {
            return false;
        }
    }

    /** Whether a problem names the given field. */
    public boolean concerns(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }
}
