package org.baomi.iam;

import java.util.List;

import org.baomi.shared.BaomiException;

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

    /** Whether a problem names the given field. */
    public boolean concerns(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }
}
