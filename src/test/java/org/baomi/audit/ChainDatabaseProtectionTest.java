package org.baomi.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.baomi.audit.internal.chain.Anchoring;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.SignedIn;
import org.baomi.test.TestAccounts;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * AUD-3 in the database itself: UPDATE, DELETE and TRUNCATE on every audit table are refused by trigger even to
 * the owner, and by privilege to an application role that holds only SELECT and INSERT (the production setup of
 * docs/audit-chain.md). Every statement runs in a transaction that is rolled back, so the shared chain is untouched.
 */
@BaomiSpringTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ChainDatabaseProtectionTest {

    private static final List<String> TABLES = List.of("aud_entry", "aud_chain", "aud_batch", "aud_segment",
            "aud_anchor", "aud_anchor_key", "aud_verification");

    @Autowired
    DataSource dataSource;
    @Autowired
    AuditChain chain;
    @Autowired
    AuditTrail audit;
    @Autowired
    AuditVerification verification;
    @Autowired
    Anchoring anchoring;
    @Autowired
    TestAccounts accounts;

    @Test
    void the_trigger_refuses_update_delete_and_truncate_even_to_the_owner_AUD_3() throws Exception {
        audit.recordIndependently(new AuditEntry(AuditActor.system(), "system.test.protected", null, null, null,
                AuditOutcome.ALLOWED, null, null));
        chain.sealPending();
        anchoring.anchorIfDue(Duration.ZERO);
        SignedIn.as(accounts.authenticationOf(accounts.auditAdmin()),
                () -> verification.verify(VerificationMode.INCREMENTAL));
        for (String table : TABLES) {
            assertThat(inRolledBackTransaction(null, "SELECT 1 FROM " + table + " LIMIT 1")).as(table).isTrue();
        }
        for (String table : TABLES) {
            for (String sql : List.of("UPDATE " + table + " SET %s".formatted(firstColumn(table)),
                    "DELETE FROM " + table, "TRUNCATE " + table + " CASCADE")) {
                assertThatThrownBy(() -> inRolledBackTransaction(null, sql)).as(sql)
                        .hasMessageContaining("append-only");
            }
        }
    }

    @Test
    void an_application_role_with_only_select_and_insert_is_denied_update_delete_and_truncate_AUD_3()
            throws Exception {
        String role = "baomi_app_" + UUID.randomUUID().toString().substring(0, 8);
        for (String table : TABLES) {
            for (String sql : List.of("UPDATE " + table + " SET %s".formatted(firstColumn(table)),
                    "DELETE FROM " + table, "TRUNCATE " + table)) {
                assertThatThrownBy(() -> inRolledBackTransaction(role, sql)).as(sql)
                        .hasMessageContaining("permission denied");
            }
        }
        assertThat(inRolledBackTransaction(role, "SELECT count(*) FROM aud_chain")).as("reading is allowed").isTrue();
    }

    /** A harmless assignment that would still be an update. */
    private static String firstColumn(String table) {
        return switch (table) {
            case "aud_entry", "aud_batch", "aud_anchor", "aud_verification" -> "id = id";
            case "aud_chain" -> "seq = seq";
            case "aud_segment" -> "id = id";
            default -> "key_id = key_id";
        };
    }

    /**
     * Runs the statement in a transaction that is always rolled back; as {@code role} (created in the same
     * transaction, with SELECT and INSERT on the audit tables) when one is named.
     */
    private boolean inRolledBackTransaction(String role, String sql) throws SQLException {
        // TRUNCATE ... CASCADE locks every table that references the one named (the batch tree, the archives); the
        // shared context's sealer and anchoring may hold one of them in the other order, and PostgreSQL then breaks
        // the deadlock by cancelling this statement before the trigger could answer. Such a cancelled attempt says
        // nothing about the protection: try again, and judge the answer the trigger gives.
        for (int attempt = 1; ; attempt++) {
            try {
                return attemptInRolledBackTransaction(role, sql);
            } catch (SQLException e) {
                if (!"40P01".equals(e.getSQLState()) || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private boolean attemptInRolledBackTransaction(String role, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                if (role != null) {
                    s.execute("CREATE ROLE " + role + " NOLOGIN");
                    s.execute("GRANT SELECT, INSERT ON " + String.join(", ", TABLES) + " TO " + role);
                    s.execute("SET LOCAL ROLE " + role);
                }
                if (s.execute(sql)) {
                    try (var rows = s.getResultSet()) {
                        return rows.next();
                    }
                }
                return false;
            } finally {
                c.rollback();
            }
        }
    }
}
