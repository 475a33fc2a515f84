package org.baomi.monitor.web;

import java.util.List;

import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;

/** A malformed form value as the module API would refuse it: one field problem. */
final class AlertFormProblems {

    private AlertFormProblems() {
    }

    static InvalidInputException invalid(String field, String key) {
        return new InvalidInputException(List.of(new FieldProblem(field, key)));
    }
}
