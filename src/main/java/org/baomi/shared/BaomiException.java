package org.baomi.shared;

import java.util.Arrays;

/**
 * A refusal the user can understand: carries a message key (translated for the user) and arguments,
 * and the kind of failure, which web layers map to an HTTP status. Never carries internals.
 */
public class BaomiException extends RuntimeException {

    /** What went wrong, independent of transport. */
    public enum Kind { INVALID, NOT_FOUND, CONFLICT, FORBIDDEN, UNAUTHENTICATED, TOO_MANY_REQUESTS }

    private final Kind kind;
    private final String messageKey;
    private final transient Object[] args;

    public BaomiException(Kind kind, String messageKey, Object... args) {
        super(messageKey);
        this.kind = kind;
        this.messageKey = messageKey;
        this.args = args == null ? new Object[0] : args.clone();
    }

    public static BaomiException invalid(String messageKey, Object... args) {
        return new BaomiException(Kind.INVALID, messageKey, args);
    }

    public static BaomiException notFound(String messageKey, Object... args) {
        return new BaomiException(Kind.NOT_FOUND, messageKey, args);
    }

    public static BaomiException conflict(String messageKey, Object... args) {
        return new BaomiException(Kind.CONFLICT, messageKey, args);
    }

    public static BaomiException forbidden(String messageKey, Object... args) {
        return new BaomiException(Kind.FORBIDDEN, messageKey, args);
    }

    public Kind kind() {
        return kind;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return Arrays.copyOf(args, args.length);
    }

    /**
     * Whether the refusal belongs on the page the person is on, next to the form (a rule they can act on, a
     * concurrent change), rather than on the error page (no permission, nothing found).
     */
    public boolean belongsOnForm() {
        return kind == Kind.INVALID || kind == Kind.CONFLICT;
    }
}
