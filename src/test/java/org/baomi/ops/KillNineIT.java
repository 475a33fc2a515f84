package org.baomi.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.baomi.iam.internal.demo.DemoCredentials;
import org.baomi.iam.internal.login.Totp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * A {@code kill -9} of the Baomi JVM loses nothing that was acknowledged, and Baomi comes back by itself on the
 * same data directory, although the killed JVM's PostgreSQL is still running there as an orphan.
 */
class KillNineIT {

    private static final String OLD_PASSWORD = "Initial#Pass2026";
    private static final String NEW_PASSWORD = "Survivor!Lantern-77";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path temp;

    @Test
    void anAcknowledgedPasswordChangeSurvivesAKillNineAndBaomiRestartsOnTheOrphanedDatabase() throws Exception {
        Path jar = BaomiProcess.packagedJar();
        Path dataDir = temp.resolve("postgres");
        Path keysDir = temp.resolve("keys");
        Path logs = Path.of("target", "ops-logs");
        int databasePort = BaomiProcess.freePort();
        String staffNo = "KILL9-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        BaomiProcess first = null;
        BaomiProcess second = null;
        try {
            first = BaomiProcess.start(jar, BaomiProcess.freePort(), databasePort, dataDir, keysDir,
                    logs.resolve("kill-nine-first.log"));
            first.awaitReady();
            createNewcomer(BaomiProcess.databasePortOf(dataDir), staffNo);

            WebVisitor before = WebVisitor.onPort(first.httpPort());
            assertThat(before.signIn(staffNo, OLD_PASSWORD)).isEqualTo("/login/password");
            WebVisitor.Reply acknowledged = before.submit("/login/password", "/login/password",
                    Map.of("newPassword", NEW_PASSWORD, "confirmation", NEW_PASSWORD));
            assertThat(acknowledged.status()).isEqualTo(302);
            assertThat(acknowledged.redirectPath()).isEqualTo("/");

            // The system administrator registers an account through the screens just before the kill.
            String registered = registerAccountAsSystemAdministrator(first.httpPort(), staffNo + "R");

            ProcessHandle jvm = first.handle();
            ProcessHandle orphan = first.postmaster().orElseThrow(() -> new AssertionError("no postmaster.pid"));
            first.killHard();
            assertThat(ProcessHandle.of(jvm.pid()).filter(ProcessHandle::isAlive)).as("killed JVM").isEmpty();
            assertThat(orphan.isAlive()).as("the killed JVM's PostgreSQL runs on as an orphan").isTrue();
            assertThat(BaomiProcess.postmasterOf(dataDir)).map(ProcessHandle::pid).contains(orphan.pid());

            second = BaomiProcess.start(jar, BaomiProcess.freePort(), databasePort, dataDir, keysDir,
                    logs.resolve("kill-nine-second.log"));
            second.awaitReady();
            assertThat(BaomiProcess.awaitExit(orphan, Duration.ofSeconds(5))).as("orphan stopped").isTrue();
            long newPostmaster = second.postmaster().orElseThrow(() -> new AssertionError("no postmaster.pid")).pid();
            assertThat(newPostmaster).as("a new PostgreSQL owns the data").isNotEqualTo(orphan.pid());

            WebVisitor after = WebVisitor.onPort(second.httpPort());
            assertThat(after.signIn(staffNo, OLD_PASSWORD)).isEqualTo("/login?error=bad-credentials");
            assertThat(after.signIn(staffNo, NEW_PASSWORD)).isEqualTo("/");
            assertThat(WebVisitor.onPort(second.httpPort()).signIn(staffNo + "R", registered))
                    .as("the account registered just before the kill exists, with its one-time password")
                    .isEqualTo("/login/password");
            assertThat(WebVisitor.onPort(second.httpPort()).signIn("H0079", DemoCredentials.PASSWORD))
                    .as("the demo hospital is still there").isEqualTo("/");
            WebVisitor.Reply home = after.get("/");
            assertThat(home.status()).isEqualTo(200);
            assertThat(home.body()).contains(staffNo);

            ProcessHandle postmaster = second.postmaster().orElseThrow(() -> new AssertionError("no postmaster.pid"));
            assertThat(second.stopGracefully(STOP_TIMEOUT)).as("graceful stop within " + STOP_TIMEOUT).isTrue();
            assertThat(BaomiProcess.awaitExit(postmaster, Duration.ofSeconds(30)))
                    .as("the embedded PostgreSQL stops with Baomi").isTrue();
            assertThat(BaomiProcess.postmasterOf(dataDir)).isEmpty();
        } finally {
            BaomiProcess.cleanUp(dataDir, second, first);
        }
    }

    /** The account is made directly in the database, as an import of the staff roster would. */
    /** Signs in as the demo system administrator (with the second factor) and registers an account. */
    private static String registerAccountAsSystemAdministrator(int port, String newStaffNo) {
        WebVisitor admin = WebVisitor.onPort(port);
        assertThat(admin.signIn("sysadmin", DemoCredentials.PASSWORD)).isEqualTo("/login/totp");
        String code = Totp.codeAt(DemoCredentials.SYSADMIN_TOTP_SECRET, Totp.stepAt(java.time.Instant.now()));
        assertThat(admin.submit("/login/totp", "/login/totp", Map.of("code", code)).redirectPath()).isEqualTo("/");
        WebVisitor.Reply form = admin.get("/iam/accounts/new");
        assertThat(form.status()).isEqualTo(200);
        WebVisitor.Reply created = admin.post("/iam/accounts", form.body(), Map.of(
                "staffNo", newStaffNo, "fullName", "Kill Nine Registered",
                "departmentId", firstOption(form.body(), "departmentId"), "postId", firstOption(form.body(), "postId"),
                "email", "", "phone", ""));
        assertThat(created.status()).isEqualTo(200);
        java.util.regex.Matcher password = java.util.regex.Pattern
                .compile("id=\"one-time-password\">([^<]+)<").matcher(created.body());
        assertThat(password.find()).as("the one-time password is shown once").isTrue();
        return org.springframework.web.util.HtmlUtils.htmlUnescape(password.group(1).strip());
    }

    private static String firstOption(String html, String selectId) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(?s)<select[^>]*id=\"" + selectId + "\".*?<option value=\"(\\d+)\"").matcher(html);
        assertThat(m.find()).as("an option in " + selectId).isTrue();
        return m.group(1);
    }

    private static void createNewcomer(int databasePort, String staffNo) throws Exception {
        String hash = "{argon2@SpringSecurity_v5_8}"
                + Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(OLD_PASSWORD);
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + databasePort + "/postgres",
                "postgres", "")) {
            long id;
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO iam_account (staff_no, full_name, clearance) VALUES (?, ?, 'INTERNAL') RETURNING id")) {
                insert.setString(1, staffNo);
                insert.setString(2, "Kill Nine " + staffNo);
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement credential = db.prepareStatement("""
                    INSERT INTO iam_credential (account_id, password_hash, password_changed_at, must_change_password)
                    VALUES (?, ?, now(), TRUE)""")) {
                credential.setLong(1, id);
                credential.setString(2, hash);
                credential.executeUpdate();
            }
            try (PreparedStatement role = db.prepareStatement("""
                    INSERT INTO iam_account_role (account_id, role_id, granted_at)
                    SELECT ?, id, now() FROM iam_role WHERE code = 'staff'""")) {
                role.setLong(1, id);
                role.executeUpdate();
            }
        }
    }
}
