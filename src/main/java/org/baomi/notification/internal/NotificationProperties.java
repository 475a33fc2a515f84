package org.baomi.notification.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code baomi.notification.*}: where links in e-mail point and how the outbox sends. The SMTP server itself is
 * Spring Boot's {@code spring.mail.*}; without {@code spring.mail.host} no e-mail is queued or sent.
 *
 * @param baseUrl the address people open Baomi at, put before every link in e-mail
 * @param mail    the outbox's settings
 */
@ConfigurationProperties("baomi.notification")
public record NotificationProperties(@DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue Mail mail) {

    /**
     * @param from         the sender address of every e-mail
     * @param maxAttempts  attempts before a message is given up (FAILED)
     * @param firstRetry   wait after the first failed attempt; doubled after each further one
     * @param maxRetry     longest wait between two attempts
     * @param batchSize    messages sent per run of the sender
     * @param pollInterval how often the sender looks for messages due (see {@link MailDispatcher})
     */
    public record Mail(@DefaultValue("baomi@localhost") String from, @DefaultValue("8") int maxAttempts,
            @DefaultValue("1m") Duration firstRetry, @DefaultValue("1h") Duration maxRetry,
            @DefaultValue("20") int batchSize, @DefaultValue("5s") Duration pollInterval) {
    }

    /** The absolute address of a path inside Baomi. */
    public String absolute(String path) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + path;
    }
}
