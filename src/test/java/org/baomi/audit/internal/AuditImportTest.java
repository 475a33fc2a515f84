package org.baomi.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.baomi.audit.ActorKind;
import org.baomi.audit.AuditActor;
import org.baomi.audit.AuditChain;
import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditImport;
import org.baomi.audit.AuditImport.AuditImportResult;
import org.baomi.audit.AuditImport.ExternalAuditEvent;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.internal.chain.EntryMac;
import org.baomi.audit.internal.chain.EntryRow;
import org.baomi.shared.BaomiException;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bulk import of external events (AUD-1, issue 8 item "bulk import"): every imported entry is stored with a valid
 * MAC and sealed like any other, the import itself is audited, and one bad event refuses the whole import.
 */
@BaomiSpringTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AuditImportTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    AuditImport auditImport;
    @Autowired
    AuditChain chain;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EntryMac mac;
    @Autowired
    Clock clock;

    private List<ExternalAuditEvent> events(String action, int count) {
        List<ExternalAuditEvent> out = new ArrayList<>();
        Instant base = clock.instant().minus(Duration.ofDays(3));
        for (int i = 0; i < count; i++) {
            AuditActor actor = new AuditActor(9000L + i % 7, "HIS user " + i % 7, "Radiology", ActorKind.PERSON,
                    "10.9.0." + i % 200, "his-session-" + i % 11);
            out.add(new ExternalAuditEvent(base.plusMillis(i), new AuditEntry(actor, action, "document",
                    "HIS-" + i, i % 2 == 0 ? SecretLevel.INTERNAL : null, AuditOutcome.ALLOWED, null,
                    Map.of("page", i % 4, "ratio", 0.25, "note", "back\\slash \"q\""), i % 3 == 0 ? "P-" + i : null)));
        }
        return out;
    }

    private long count(String action) {
        return jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = :a").param("a", action).query(Long.class)
                .single();
    }

    @Test
    void AUD_1_imported_events_are_stored_with_valid_macs_sealed_and_the_import_is_audited() {
        String action = "test.import.ok." + RUN;
        // more than one block of the importer, so that ids and COPY span blocks
        AuditImportResult result = auditImport.importEvents("HIS-" + RUN, events(action, 12_345).iterator());

        assertThat(result.imported()).isEqualTo(12_345);
        assertThat(result.lastEntryId() - result.firstEntryId()).isGreaterThanOrEqualTo(12_344);
        List<EntryRow> rows = jdbc.sql("SELECT " + EntryRow.COLUMNS + " FROM aud_entry e WHERE e.action = :a"
                + " ORDER BY e.id").param("a", action).query((rs, i) -> EntryRow.read(rs)).list();
        assertThat(rows).hasSize(12_345);
        assertThat(rows).allSatisfy(r -> assertThat(mac.verifies(r)).as("MAC of entry " + r.id()).isTrue());
        assertThat(rows.get(3).patientId()).isEqualTo("P-3");
        assertThat(rows.get(1).details()).isEqualTo("{\"note\": \"back\\\\slash \\\"q\\\"\", \"page\": 1, \"ratio\": 0.25}");

        Map<String, Object> record = jdbc.sql("SELECT action, object_id, details::text AS d, actor_kind FROM aud_entry"
                + " WHERE id = :id").param("id", result.importEntryId()).query().singleRow();
        assertThat(record).containsEntry("action", "audit.import").containsEntry("object_id", "HIS-" + RUN)
                .containsEntry("actor_kind", "SYSTEM");
        assertThat((String) record.get("d")).contains("\"count\": 12345");

        chain.sealPending();
        assertThat(chain.positionOf(result.lastEntryId())).as("sealed like any entry").isPresent();
        assertThat(jdbc.sql("SELECT bool_and(c.mac_valid) FROM aud_chain c JOIN aud_entry e ON e.id = c.entry_id"
                + " WHERE e.action = :a").param("a", action).query(Boolean.class).single()).isTrue();
    }

    @Test
    void AUD_1_one_invalid_event_refuses_the_whole_import_and_nothing_is_written() {
        String action = "test.import.bad." + RUN;
        List<ExternalAuditEvent> events = events(action, 7_000);
        ExternalAuditEvent good = events.get(6_500);
        events.set(6_500, new ExternalAuditEvent(good.occurredAt(), good.entry().withActor(null)));

        assertThatThrownBy(() -> auditImport.importEvents("HIS-bad-" + RUN, events.iterator()))
                .isInstanceOfSatisfying(BaomiException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("audit.import.error.invalid");
                    assertThat(e.args()).containsExactly(6_501, "actor");
                });
        assertThat(count(action)).as("nothing of the import stays").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = 'audit.import' AND object_id = :s")
                .param("s", "HIS-bad-" + RUN).query(Long.class).single()).as("no import record").isZero();
    }

    @Test
    void AUD_1_an_event_the_database_refuses_fails_the_whole_import_too() {
        String action = "test.import.db." + RUN;
        List<ExternalAuditEvent> events = events(action, 100);
        // Passes the Java checks, but PostgreSQL's jsonb refuses the NUL character (JSON "\u0000").
        ExternalAuditEvent last = events.get(99);
        events.set(99, new ExternalAuditEvent(last.occurredAt(), new AuditEntry(last.entry().actor(), action,
                "document", "X", null, AuditOutcome.ALLOWED, null, Map.of("nul", "a\u0000b"), null)));
        Iterator<ExternalAuditEvent> it = events.iterator();

        assertThatThrownBy(() -> auditImport.importEvents("HIS-" + RUN, it)).isNotNull();
        assertThat(count(action)).isZero();
    }

    @Test
    void AUD_1_events_from_the_future_or_with_overlong_fields_are_refused() {
        String action = "test.import.future." + RUN;
        List<ExternalAuditEvent> future = events(action, 3);
        future.set(1, new ExternalAuditEvent(clock.instant().plus(Duration.ofHours(1)), future.get(1).entry()));
        assertThatThrownBy(() -> auditImport.importEvents("HIS", future.iterator()))
                .isInstanceOfSatisfying(BaomiException.class, e -> assertThat(e.args()).containsExactly(2,
                        "occurredAt"));
        List<ExternalAuditEvent> longId = events(action, 2);
        AuditEntry e = longId.get(0).entry();
        longId.set(0, new ExternalAuditEvent(longId.get(0).occurredAt(), new AuditEntry(e.actor(), action,
                "document", "x".repeat(101), null, AuditOutcome.ALLOWED, null, Map.of())));
        assertThatThrownBy(() -> auditImport.importEvents("HIS", longId.iterator()))
                .isInstanceOfSatisfying(BaomiException.class, x -> assertThat(x.args()).containsExactly(1,
                        "objectId"));
        assertThatThrownBy(() -> auditImport.importEvents(" ", longId.iterator()))
                .isInstanceOfSatisfying(BaomiException.class,
                        x -> assertThat(x.messageKey()).isEqualTo("audit.import.error.source"));
        assertThat(count(action)).isZero();
    }
}
