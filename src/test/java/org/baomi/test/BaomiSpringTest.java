package org.baomi.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The one Spring test context of Baomi: the whole application on a throw-away embedded PostgreSQL (fresh data
 * directory per context, durability off for speed), the demo hospital loaded, and a {@link MutableClock}.
 * Every integration test uses exactly this annotation so that the context is built once per test run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "baomi.embedded-db.data-dir=target/test-pg/${random.uuid}",
        "baomi.embedded-db.clean-on-start=true",
        "baomi.embedded-db.durable=false",
        "baomi.keys-dir=target/test-keys",
        // AUD-3: anchors of this context's fresh database only (anchors of an earlier run would read as a cut tail)
        "baomi.audit.anchor-dir=target/test-anchors/${random.uuid}",
        // Issue 8 item 6: archive files of this context only
        "baomi.audit.archive.dir=target/test-archive/${random.uuid}",
        "baomi.demo.enabled=true",
        // Issue 7: tests run the monitoring's scoring themselves; a job firing mid-test would change alerts
        "baomi.monitor.scoring-job=false",
        "baomi.monitor.demo-events=false",
        "server.shutdown=immediate",
        // As behind the hospital's load balancer: the client address comes from X-Forwarded-For, so that
        // test sessions (WebSession) each have their own source address for per-source throttling.
        "server.forward-headers-strategy=native"
})
@Import({TestClockConfiguration.class, TestAccounts.class})
public @interface BaomiSpringTest {
}
