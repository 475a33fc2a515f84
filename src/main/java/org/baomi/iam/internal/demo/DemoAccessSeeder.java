package org.baomi.iam.internal.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessGrants;
import org.baomi.iam.BreakTheGlass;
import org.baomi.iam.CareRelationships;
import org.baomi.iam.IssueGrant;
import org.baomi.iam.ProtectedObject;
import org.baomi.iam.ProtectedObjects;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.internal.access.AccessChangeFeed;
import org.baomi.shared.SecretLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only: a few protected objects of the demo hospital ({@code demo/access.csv}) for the access screens —
 * documents of several levels kept in cardiology and the confidentiality office with distribution lists, patients of
 * cardiology with care relationships of its doctors and nurses, two grants and one break-the-glass access awaiting
 * review. Loaded once, after the demo hospital, through the decision point's own API.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
@Conditional(DemoModeCondition.class)
class DemoAccessSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccessSeeder.class);

    /** Advisory lock key of this load ('BAOMIACC' in ASCII). */
    private static final long LOCK_KEY = 0x42414F4D49414343L;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AccessChangeFeed feed;
    private final ProtectedObjects objects;
    private final CareRelationships care;
    private final AccessGrants grants;
    private final BreakTheGlass breakTheGlass;
    private final Clock clock;

    DemoAccessSeeder(JdbcClient jdbc, TransactionTemplate tx, AccessChangeFeed feed, ProtectedObjects objects,
            CareRelationships care, AccessGrants grants, BreakTheGlass breakTheGlass, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.feed = feed;
        this.objects = objects;
        this.care = care;
        this.grants = grants;
        this.breakTheGlass = breakTheGlass;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        // the accounts the rows name must be in the decision model first
        feed.poll();
        Boolean loaded = tx.execute(status -> seed(List.of("OBJECT", "CARE")));
        if (Boolean.TRUE.equals(loaded)) {
            // grants and break-the-glass need the objects in the model, which applies them after the commit
            tx.execute(status -> seed(List.of("GRANT", "GLASS")));
            log.info("Demo mode: loaded the demo protected objects (demo/access.csv)");
        }
    }

    private boolean seed(List<String> kinds) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", LOCK_KEY).query((rs, row) -> Boolean.TRUE).single();
        String marker = kinds.contains("OBJECT")
                ? "SELECT COUNT(*) FROM iam_protected_object WHERE object_id LIKE 'DEMO-%'"
                : "SELECT COUNT(*) FROM iam_access_grant WHERE object_id LIKE 'DEMO-%'";
        if (jdbc.sql("SELECT COUNT(*) FROM iam_demo_marker").query(Long.class).single() == 0
                || jdbc.sql(marker).query(Long.class).single() > 0) {
            return false;
        }
        Instant now = clock.instant();
        for (String[] row : rows()) {
            if (!kinds.contains(row[0])) {
                continue;
            }
            switch (row[0]) {
                case "OBJECT" -> {
                    ResourceRef ref = new ResourceRef(row[1], row[2]);
                    objects.register(new ProtectedObject(ref, SecretLevel.valueOf(row[3]), department(row[4]),
                            row[5].isEmpty() ? null : account(row[5])));
                    if (!row[6].isEmpty()) {
                        Set<Long> distribution = new HashSet<>();
                        for (String staffNo : row[6].split("\\s+")) {
                            distribution.add(account(staffNo));
                        }
                        objects.setDistribution(ref, distribution);
                    }
                }
                case "CARE" -> care.add(account(row[1]), row[2], now.minus(Duration.ofDays(Long.parseLong(row[3]))),
                        row[4].isEmpty() ? null : now.minus(Duration.ofDays(Long.parseLong(row[4]))));
                case "GRANT" -> grants.issue(new IssueGrant(account(row[1]), AccessAction.valueOf(row[2]),
                        new ResourceRef(row[3], row[4]), now.plus(Duration.ofDays(Long.parseLong(row[5]))), row[6], null));
                case "GLASS" -> breakTheGlass.open(account(row[1]), new ResourceRef(row[2], row[3]), row[4]);
                default -> throw new IllegalStateException("demo/access.csv: unknown row kind " + row[0]);
            }
        }
        return true;
    }

    private long account(String staffNo) {
        return jdbc.sql("SELECT id FROM iam_account WHERE staff_no = :no").param("no", staffNo).query(Long.class).single();
    }

    private Long department(String code) {
        return jdbc.sql("SELECT id FROM iam_department WHERE code = :code").param("code", code).query(Long.class).single();
    }

    private static List<String[]> rows() {
        try (InputStream in = DemoAccessSeeder.class.getClassLoader().getResourceAsStream("demo/access.csv")) {
            if (in == null) {
                throw new IllegalStateException("demo/access.csv is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> Arrays.copyOf(l.split(",", -1), 7)).map(DemoAccessSeeder::blanks).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] blanks(String[] fields) {
        for (int i = 0; i < fields.length; i++) {
            fields[i] = fields[i] == null ? "" : fields[i].strip();
        }
        return fields;
    }
}
