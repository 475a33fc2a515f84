package org.baomi.notification.internal;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The SMTP connection of the e-mail outbox: Spring Boot's {@link JavaMailSender}, which exists only when
 * {@code spring.mail.host} is set. Without it e-mail is off: nothing is queued and nothing is sent.
 */
@Component
public class MailTransport {

    private final AtomicReference<JavaMailSender> sender;

    MailTransport(ObjectProvider<JavaMailSender> configured) {
        this.sender = new AtomicReference<>(configured.getIfAvailable());
    }

    public Optional<JavaMailSender> sender() {
        return Optional.ofNullable(sender.get());
    }

    public boolean enabled() {
        return sender.get() != null;
    }

    /**
     * Replaces the SMTP connection while the application runs (null: e-mail off) and returns the one it replaced.
     * A seam for tests, which point the sender at an in-process SMTP server without a Spring context of their own.
     */
    public JavaMailSender use(JavaMailSender replacement) {
        return sender.getAndSet(replacement);
    }
}
