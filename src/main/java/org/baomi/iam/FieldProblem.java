package org.baomi.iam;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One refused input field: the field's name (as in the command record), a message key and its arguments.
 * Arguments may be message keys wrapped as {@code MessageSourceResolvable}, resolved in the reader's language.
 */
public record FieldProblem(String field, String messageKey, Object... args) implements Serializable {

    public FieldProblem {
        args = args == null ? new Object[0] : args.clone();
    }

    @Override
    public Object[] args() {
        return args.clone();
    }

    @Override
    public String toString() {
        return field + ":" + messageKey + Arrays.toString(args);
    }
}
