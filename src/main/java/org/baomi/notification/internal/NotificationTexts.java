package org.baomi.notification.internal;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.baomi.notification.NotificationArg;
import org.baomi.notification.NotificationView;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders a notification's text in a language: {@code ${@notificationTexts.text(n, #locale)}}. Keys passed as
 * arguments are translated too, and shown as their code when the bundles lack them (an approval kind whose module
 * has not named it yet).
 */
@Component("notificationTexts")
public class NotificationTexts {

    /** The languages of an e-mail: it cannot know the reader's, so it carries both (base bundle first). */
    public static final List<Locale> MAIL_LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    private final MessageSource messages;
    private final DateTimeFormatter times;

    NotificationTexts(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.times = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
    }

    public String text(NotificationView notification, Locale locale) {
        return text(notification.messageKey(), notification.args(), locale);
    }

    public String text(String messageKey, List<NotificationArg> args, Locale locale) {
        Object[] values = new Object[args.size()];
        for (int i = 0; i < values.length; i++) {
            NotificationArg arg = args.get(i);
            if (arg instanceof NotificationArg.Number n) {
                // ids read as numbers, not as amounts ("1234", never "1,234")
                values[i] = Long.toString(n.value());
            } else if (arg instanceof NotificationArg.Time t) {
                values[i] = times.format(t.value());
            } else if (arg instanceof NotificationArg.Key k) {
                values[i] = messages.getMessage(k.key(), null, k.fallback(), locale);
            }
        }
        return messages.getMessage(messageKey, values, messageKey, locale);
    }

    public String format(java.time.Instant instant) {
        return instant == null ? "" : times.format(instant);
    }
}
