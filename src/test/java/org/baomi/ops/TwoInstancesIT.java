package org.baomi.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.baomi.BaomiApplication;
import org.baomi.shared.internal.EmbeddedDatabaseProperties;
import org.baomi.shared.internal.EmbeddedPostgresServer;
import org.baomi.test.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two Baomi instances on one PostgreSQL, as behind a load balancer: they migrate the schema together without
 * conflict, share sessions (a login on one is valid on the other; a logout on one ends it on both), and take
 * scheduled-job leases in the database so that a job runs on one of them at a time.
 */
class TwoInstancesIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    @TempDir
    Path temp;

    @Test
    void twoInstancesOnOneDatabaseMigrateTogetherShareSessionsAndTakeJobLeasesInTurn() throws Exception {
        EmbeddedDatabaseProperties database = new EmbeddedDatabaseProperties(temp.resolve("postgres"), 0, false,
                true, Duration.ofSeconds(120));
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(database)) {
            Path vaultKeys = sharedVaultKeyFile(temp.resolve("vault-master.keys"));
            String[] args = {
                    "--spring.datasource.url=" + postgres.jdbcUrl(),
                    "--spring.datasource.username=" + postgres.username(),
                    "--server.port=0",
                    "--baomi.demo.enabled=false",
                    "--baomi.keys-dir=" + temp.resolve("keys"),
                    "--baomi.audit.anchor-dir=" + temp.resolve("anchors"),
                    "--baomi.vault.master-key-file=" + vaultKeys,
                    "--spring.main.banner-mode=off"};
            // Started at the same moment, so that both reach Flyway together.
            CompletableFuture<ConfigurableApplicationContext> startA = CompletableFuture.supplyAsync(() -> start(args));
            CompletableFuture<ConfigurableApplicationContext> startB = CompletableFuture.supplyAsync(() -> start(args));
            try {
                ConfigurableApplicationContext a = startA.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                ConfigurableApplicationContext b = startB.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);

                bothRanTheSameMigrationsOnce(a);
                sessionsAreShared(a, b);
                jobLeasesAreExclusive(a, b);
            } finally {
                close(startA);
                close(startB);
            }
        }
    }

    /**
     * With an external database, as here, the vault's master key file must be given (DOC-9): both instances share
     * one, as production instances share a mounted secret.
     */
    private static Path sharedVaultKeyFile(Path file) throws IOException {
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        Files.writeString(file, "current=1\nkey.1=SM4_GCM:" + Base64.getEncoder().encodeToString(key) + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static ConfigurableApplicationContext start(String[] args) {
        return new SpringApplicationBuilder(BaomiApplication.class).run(args);
    }

    private static void bothRanTheSameMigrationsOnce(ConfigurableApplicationContext a) throws Exception {
        JdbcClient jdbc = a.getBean(JdbcClient.class);
        int scripts = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/V*.sql").length;
        List<String> versions = jdbc.sql("""
                SELECT version FROM flyway_schema_history WHERE version IS NOT NULL AND success ORDER BY installed_rank
                """).query(String.class).list();
        int failed = jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE NOT success")
                .query(Integer.class).single();
        assertThat(versions).as("each migration applied once").doesNotHaveDuplicates().hasSize(scripts);
        assertThat(failed).as("failed migrations").isZero();
    }

    private static void sessionsAreShared(ConfigurableApplicationContext a, ConfigurableApplicationContext b) {
        TestAccounts accounts = a.getAutowireCapableBeanFactory().createBean(TestAccounts.class);
        TestAccounts.Created person = accounts.create(TestAccounts.person());
        String fullName = a.getBean(JdbcClient.class).sql("SELECT full_name FROM iam_account WHERE id = :id")
                .param("id", person.id()).query(String.class).single();
        WebVisitor onA = WebVisitor.onPort(port(a));
        assertThat(onA.signIn(person.staffNo(), TestAccounts.PASSWORD)).isEqualTo("/");
        String session = onA.cookie("BAOMI_SESSION")
                .orElseThrow(() -> new AssertionError("no BAOMI_SESSION cookie: " + onA.cookies().keySet()));

        WebVisitor onB = WebVisitor.onPort(port(b));
        onB.setCookie("BAOMI_SESSION", session);
        WebVisitor.Reply home = onB.get("/");
        assertThat(home.status()).as("the home page on instance B with A's session").isEqualTo(200);
        assertThat(home.body()).contains(fullName);

        WebVisitor.Reply logout = onB.post("/logout", home.body(), Map.of());
        assertThat(logout.status()).isEqualTo(302);
        assertThat(logout.redirectPath()).isEqualTo("/login?logout");

        WebVisitor.Reply afterLogout = onA.get("/");
        assertThat(afterLogout.status()).as("instance A after the logout on B").isEqualTo(302);
        assertThat(afterLogout.redirectPath()).endsWith("/login");
    }

    private static void jobLeasesAreExclusive(ConfigurableApplicationContext a, ConfigurableApplicationContext b) {
        JdbcClient jdbc = a.getBean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT to_regclass('public.shedlock') IS NOT NULL").query(Boolean.class).single())
                .as("the shedlock lease table").isTrue();
        String job = "ops.two-instances-check";
        LockConfiguration lease = new LockConfiguration(Instant.now(), job, Duration.ofMinutes(5), Duration.ZERO);
        Optional<SimpleLock> onA = a.getBean(LockProvider.class).lock(lease);
        assertThat(onA).as("A takes the lease").isPresent();
        assertThat(b.getBean(LockProvider.class).lock(lease)).as("B while A holds it").isEmpty();
        onA.get().unlock();
        Optional<SimpleLock> onB = b.getBean(LockProvider.class)
                .lock(new LockConfiguration(Instant.now(), job, Duration.ofMinutes(5), Duration.ZERO));
        assertThat(onB).as("B once A let go").isPresent();
        onB.get().unlock();
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0"));
    }

    /** Closes the context once started (at once when it already is); a failed start has nothing to close. */
    private static void close(CompletableFuture<ConfigurableApplicationContext> start) {
        start.whenComplete((context, failure) -> {
            if (context != null) {
                context.close();
            }
        });
    }
}
