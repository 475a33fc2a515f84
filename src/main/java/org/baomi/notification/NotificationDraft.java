package org.baomi.notification;

import java.util.List;
import java.util.regex.Pattern;

import org.baomi.shared.SecretLevel;

/**
 * What a module asks to tell one person (see {@link Notifications#notify}). The text is the message key with its
 * arguments, translated for the reader when shown; the link is a path inside Baomi where the recipient, if allowed,
 * sees the subject itself.
 *
 * @param recipientId the person to tell (an account id)
 * @param kind        what it is about
 * @param messageKey  the message, a key of a bundle
 * @param args        its arguments: numbers, times and message keys only ({@link NotificationArg})
 * @param link        a path inside Baomi: '/' then letters, digits, '/', '-', '_', '.' (no query, no host)
 * @param level       the subject's secret level, or null when it has none; recorded, never shown
 */
public record NotificationDraft(long recipientId, NotificationKind kind, String messageKey, List<NotificationArg> args,
        String link, SecretLevel level) {

    /** Paths inside Baomi: no scheme, no host, no query string that could carry text. */
    public static final Pattern LINK = Pattern.compile("/[A-Za-z0-9/_.-]{0,199}");

    public NotificationDraft {
        // List.copyOf refuses null arguments
        args = args == null ? List.of() : List.copyOf(args);
    }
}
