package org.baomi.audit.web;

/** A filter value that could not be used: a message key and its arguments, shown next to the form. */
record FilterError(String key, Object[] args) {

    FilterError {
        args = args == null ? new Object[0] : args.clone();
    }

    static FilterError of(String key, Object... args) {
        return new FilterError(key, args);
    }
}
