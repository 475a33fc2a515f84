package org.baomi.monitor.internal.detect;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.baomi.monitor.DetectionRunSummary;
import org.baomi.monitor.DetectionRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Demo mode only (issue 7 item 6): once per database, after the demo patients are loaded, a month of access events of
 * the demo staff on the demo patients (with snooping of every kind the data allows, see {@link DemoMonth}) is
 * written to {@code mon_access_event} as source system {@value #SOURCE}, and a full scoring run turns them into
 * alerts. It runs in the background after start-up, so the start is not slowed; the time taken is logged. Off with
 * {@code baomi.monitor.demo-events=false} (the shared test context).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
@Conditional(DemoAccessEvents.DemoMode.class)
@ConditionalOnProperty(name = "baomi.monitor.demo-events", havingValue = "true", matchIfMissing = true)
class DemoAccessEvents implements ApplicationRunner {

    static final String SOURCE = "DEMO-EMR";
    private static final Logger log = LoggerFactory.getLogger(DemoAccessEvents.class);
    private static final int DAYS = 30;

    private final ContextLoader contexts;
    private final DetectionRuns runs;
    private final JdbcTemplate jdbc;
    private final JdbcClient client;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoAccessEvents(ContextLoader contexts, DetectionRuns runs, JdbcTemplate jdbc, JdbcClient client,
            PlatformTransactionManager transactions, Clock clock) {
        this.contexts = contexts;
        this.runs = runs;
        this.jdbc = jdbc;
        this.client = client;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Thread loader = new Thread(this::load, "monitor-demo-events");
        loader.setDaemon(true);
        loader.start();
    }

    void load() {
        long started = System.nanoTime();
        try {
            Integer written = transactions.execute(tx -> write());
            if (written == null || written == 0) {
                return;
            }
            DetectionRunSummary run = runs.rescoreAll();
            log.info("Demo access events loaded: {} events, {} alerts, in {} ms", written, run.alertCount(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Demo access events not loaded: {}", e.toString());
        }
    }

    private int write() {
        Instant now = clock.instant();
        int marked = client.sql("INSERT INTO mon_demo_marker (id, seeded_at, events) VALUES (1, :now, 0) "
                + "ON CONFLICT DO NOTHING").param("now", Timestamp.from(now)).update();
        if (marked == 0) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate first = today.minusDays(DAYS);
        ContextLoader.Loaded loaded = contexts.load(first.minusDays(DAYS).atStartOfDay(clock.getZone()).toInstant());
        List<DemoMonth.Access> accesses = DemoMonth.generate(loaded.staff(), loaded.patients(), loaded.encounters(),
                first, DAYS, clock.getZone(), today.toEpochDay());
        Timestamp received = Timestamp.from(now);
        jdbc.batchUpdate("INSERT INTO mon_access_event (source_system, event_key, occurred_at, user_ref, person_id, "
                + "patient_ref, patient_id, action, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", accesses, 2000, (ps, a) -> {
                    ps.setString(1, SOURCE);
                    ps.setString(2, a.personId() + "-" + a.patientId() + "-" + a.epochSecond() + "-" + a.action());
                    ps.setTimestamp(3, Timestamp.from(Instant.ofEpochSecond(a.epochSecond())));
                    ps.setString(4, loaded.staffNos().getOrDefault(a.personId(), Long.toString(a.personId())));
                    ps.setLong(5, a.personId());
                    ps.setString(6, loaded.mrns().getOrDefault(a.patientId(), Long.toString(a.patientId())));
                    ps.setLong(7, a.patientId());
                    ps.setString(8, AccessKind.values()[a.action()].name());
                    ps.setTimestamp(9, received);
                });
        client.sql("UPDATE mon_demo_marker SET events = :n WHERE id = 1").param("n", accesses.size()).update();
        return accesses.size();
    }

    /** As the demo hospital: on with {@code baomi.demo.enabled=true}, or by default without an external database. */
    static class DemoMode implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String enabled = context.getEnvironment().getProperty("baomi.demo.enabled");
            if (StringUtils.hasText(enabled)) {
                return "true".equalsIgnoreCase(enabled.strip());
            }
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
