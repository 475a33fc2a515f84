package org.baomi.classification.web;

import java.io.Serializable;

import org.springframework.context.MessageSourceResolvable;

/** A message shown once above a page: a success after a redirect, or a refusal the person can act on. */
public record Notice(String key, Object[] args, boolean success) implements MessageSourceResolvable, Serializable {

    static Notice success(String key, Object... args) {
        return new Notice(key, args, true);
    }

    static Notice problem(String key, Object... args) {
        return new Notice(key, args, false);
    }

    @Override
    public String[] getCodes() {
        return new String[] {key};
    }

    @Override
    public Object[] getArguments() {
        return args == null ? new Object[0] : args.clone();
    }

    @Override
    public String getDefaultMessage() {
        return key;
    }
}
