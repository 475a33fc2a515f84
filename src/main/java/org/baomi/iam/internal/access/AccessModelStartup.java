package org.baomi.iam.internal.access;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Brings the decision model up to date once the start-up runners that load data (the demo hospital) are done, so the
 * first request after start never waits for the next poll.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class AccessModelStartup implements ApplicationRunner {

    private final AccessChangeFeed feed;

    AccessModelStartup(AccessChangeFeed feed) {
        this.feed = feed;
    }

    @Override
    public void run(ApplicationArguments args) {
        feed.poll();
    }
}
