package org.baomi.privacy.internal.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;

import org.baomi.test.MutableClock;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** The SMS test double (ACC-5): the code reaches the in-memory outbox, never the log; the phone is masked. */
class LoggingSmsGatewayTest {

    @Test
    void theLogShowsAMaskedPhoneAndNeverTheCode() {
        Logger logger = (Logger) LoggerFactory.getLogger(LoggingSmsGateway.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            LoggingSmsGateway gateway = new LoggingSmsGateway(new MutableClock(Instant.EPOCH, ZoneOffset.UTC));
            gateway.sendCode("13812345678", "482913", 10, "zh");

            assertThat(gateway.lastTo("13812345678")).get().extracting(LoggingSmsGateway.Sent::code)
                    .isEqualTo("482913");
            assertThat(appender.list).hasSize(1);
            String line = appender.list.get(0).getFormattedMessage();
            assertThat(line).contains("138****5678").doesNotContain("482913").doesNotContain("13812345678");
        } finally {
            logger.detachAppender(appender);
        }
    }
}
