package org.baomi.privacy.internal.selfservice;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The SMS gateway's test double (ACC-5): sends nothing, logs at INFO a masked phone number and that a code was sent
 * (never the code), and keeps the last messages in memory so that tests and the browser test can read the code.
 */
@Component
public class LoggingSmsGateway implements SmsGateway {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingSmsGateway.class);
    private static final int KEPT = 1000;

    /** One message as it would have been sent. */
    public record Sent(String phone, String code, Instant at) {
        @Override
        public String toString() {
            return "Sent[phone=" + mask(phone) + ", at=" + at + "]";
        }
    }

    private final Deque<Sent> outbox = new ArrayDeque<>();
    private final Clock clock;

    LoggingSmsGateway(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void sendCode(String phone, String code, long minutes, String language) {
        synchronized (outbox) {
            outbox.addFirst(new Sent(phone, code, clock.instant()));
            while (outbox.size() > KEPT) {
                outbox.removeLast();
            }
        }
        LOG.info("Self-service one-time code sent by SMS to {} (test double: nothing left the server)", mask(phone));
    }

    /** The newest message to this phone, if any. */
    public Optional<Sent> lastTo(String phone) {
        synchronized (outbox) {
            return outbox.stream().filter(s -> s.phone().equals(phone)).findFirst();
        }
    }

    /** The messages kept, newest first. */
    public List<Sent> outbox() {
        synchronized (outbox) {
            return List.copyOf(outbox);
        }
    }

    static String mask(String phone) {
        if (phone == null || phone.length() < 7) {
            return "***";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
