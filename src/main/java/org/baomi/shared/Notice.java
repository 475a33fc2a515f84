package org.baomi.shared;

import java.io.Serializable;

import org.springframework.context.MessageSourceResolvable;

/**
 * A message shown once above a page (a flash attribute): a success after a redirect, or a refusal the person can
 * understand and act on. Resolved through the message bundles, so it is shown in the reader's language.
 */
public record Notice(String key, Object[] args, boolean success) implements MessageSourceResolvable, Serializable {

    public static Notice success(String key, Object... args) {
        return new Notice(key, args, true);
    }

    public static Notice problem(String key, Object... args) {
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
