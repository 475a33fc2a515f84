package org.baomi.monitor.internal.detect;

import java.time.Clock;

import org.baomi.monitor.DetectionRuns;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Test support for the screenshot tour: loads the demo month of access events and scores it exactly as the demo
 * start does (issue 7 item 6), in the calling thread. The shared test context has the demo loader switched off so
 * that other tests' alerts stay their own; the tour turns it on for the screens only, once per database.
 */
public final class DemoMonthForScreens {

    private DemoMonthForScreens() {
    }

    /** Loads and scores the demo month unless already loaded in this database. */
    public static void load(ApplicationContext context) {
        new DemoAccessEvents(context.getBean(ContextLoader.class), context.getBean(DetectionRuns.class),
                context.getBean(JdbcTemplate.class), context.getBean(JdbcClient.class),
                context.getBean(PlatformTransactionManager.class), context.getBean(Clock.class)).load();
    }
}
