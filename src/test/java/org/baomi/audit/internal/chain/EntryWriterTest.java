package org.baomi.audit.internal.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.baomi.test.BaomiSpringTest;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link EntryWriter} in one round trip (AUD-3): ids from a block, the details' jsonb text predicted in Java and
 * confirmed by PostgreSQL in the INSERT itself. Whatever the details look like, the stored row's MAC verifies; a
 * wrong or missing prediction falls back to asking the database, never to a row whose MAC does not match.
 */
@BaomiSpringTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EntryWriterTest {

    private static final String ACTION = "test.entry-writer." + UUID.randomUUID().toString().substring(0, 8);

    /** Integers, nesting, duplicate and multi-byte keys, escapes, control characters, non-BMP text, decimals. */
    private static final List<String> DETAILS = List.of("{}", "[]", "{\"page\": 1}", "{\"b\":1,\"a\":2,\"aa\":[1,2]}",
            "{\"k\": \"v\", \"k\": \"last wins\"}", "{\"\\u00e9\": 1, \"z\": 2, \"\\u4e2d\": 3}",
            "{\"t\": \"tab\\tquote\\\" slash/ back\\\\ bell\\u0007 nl\\n\"}", "{\"emoji\": \"\\ud83d\\ude00\"}",
            "{\"n\": null, \"f\": false, \"t\": true, \"big\": 123456789012345678901234567890, \"neg\": -5}",
            "{\"d\": 1.50, \"e\": 1e3, \"x\": 0.1}", "{\"nested\": {\"bb\": [{\"y\": 1, \"x\": []}], \"a\": {}}}",
            "\"just a string\"", "42");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    EntryMac mac;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void AUD_3_every_kind_of_details_is_stored_with_a_mac_over_exactly_the_stored_text() {
        EntryWriter writer = new EntryWriter(jdbc, mac);
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        Set<Long> ids = new HashSet<>();
        for (int round = 0; round < 6; round++) { // more entries than one id block
            for (String details : DETAILS) {
                ids.add(transactions.execute(s -> writer.insert(new EntryWriter.NewEntry(
                        Instant.parse("2026-11-22T08:00:00.123456789Z"), null, "Writer Test", null, "SYSTEM", null,
                        null, ACTION, "test", null, null, "ALLOWED", null, details, null))));
            }
        }
        assertThat(ids).hasSize(6 * DETAILS.size());
        List<EntryRow> rows = jdbc.sql("SELECT " + EntryRow.COLUMNS + " FROM aud_entry e WHERE e.action = :a")
                .param("a", ACTION).query((rs, i) -> EntryRow.read(rs)).list();
        assertThat(rows).hasSize(ids.size());
        assertThat(rows).allSatisfy(row -> assertThat(mac.verifies(row)).as(row.details()).isTrue());
    }

    @Test
    void AUD_3_the_java_prediction_matches_postgresql_where_it_predicts_and_declines_decimals() {
        for (String details : DETAILS) {
            String predicted = JsonbText.predict(details);
            String actual = jdbc.sql("SELECT CAST(:d AS jsonb)::text").param("d", details).query(String.class)
                    .single();
            if (details.contains("1.50")) {
                assertThat(predicted).isNull();
            } else {
                assertThat(predicted).as(details).isEqualTo(actual);
            }
        }
    }
}
