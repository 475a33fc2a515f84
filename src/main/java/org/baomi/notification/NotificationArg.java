package org.baomi.notification;

import java.time.Instant;
import java.util.regex.Pattern;

import org.baomi.shared.SecretLevel;

/**
 * One argument of a notification's message. There is deliberately no kind that holds free text: a title, a name or
 * any content of a subject cannot be passed, so no notification can carry them, whatever the subject's level
 * (issue 4: "only that something awaits and a link").
 */
public sealed interface NotificationArg {

    /** Message keys: dotted lower-case words, as in the bundles. */
    Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*(\\.[A-Za-z0-9_-]+){1,8}");

    /** A number, such as a request's or a session's id. */
    record Number(long value) implements NotificationArg {
    }

    /** A point in time, shown in Baomi's time zone. */
    record Time(Instant value) implements NotificationArg {

        public Time {
            if (value == null) {
                throw new IllegalArgumentException("time argument missing");
            }
        }
    }

    /**
     * A message key, translated for the reader (an approval kind's name {@code approval.kind.<code>}, a secret
     * level's name); shown as {@code fallback} when the bundles lack the key.
     *
     * @param key      the message key
     * @param fallback a code shown when the key is missing: letters, digits, '-', '_', '.' only
     */
    record Key(String key, String fallback) implements NotificationArg {

        private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,60}");

        public Key {
            if (key == null || key.length() > 120 || !KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("not a message key");
            }
            if (fallback == null || !CODE.matcher(fallback).matches()) {
                throw new IllegalArgumentException("fallback must be a code");
            }
        }
    }

    static NotificationArg number(long value) {
        return new Number(value);
    }

    static NotificationArg time(Instant value) {
        return new Time(value);
    }

    /** The name of a secret level ({@code secret-level.<LEVEL>}). */
    static NotificationArg level(SecretLevel level) {
        return new Key(level.messageKey(), level.name());
    }

    /** The name of an approval kind ({@code approval.kind.<code>}, the approval module's bundle). */
    static NotificationArg approvalKind(String code) {
        return new Key("approval.kind." + code, code);
    }
}
