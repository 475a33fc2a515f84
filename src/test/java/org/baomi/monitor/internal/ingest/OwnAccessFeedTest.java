package org.baomi.monitor.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.baomi.audit.ActorKind;
import org.baomi.audit.AuditActor;
import org.baomi.audit.AuditChain;
import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Baomi's own accesses flow from the audit trail into the access events exactly once (issue 7 item 1; PAT-4,
 * AUD-2): views, prints and exports of a patient by a person become events of source BAOMI keyed by the audit
 * entry; batch imports and changes that name a patient do not; reading the same stretch of the chain again
 * stores nothing twice.
 */
@BaomiSpringTest
class OwnAccessFeedTest {

    @Autowired AuditTrail audit;
    @Autowired AuditChain chain;
    @Autowired OwnAccessFeed feed;
    @Autowired TestAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    long record(TestAccounts.Created person, String action, String patientId, Map<String, ?> details) {
        AuditActor actor = new AuditActor(person.id(), person.fullName(), null, ActorKind.PERSON, "10.9.8.7", null);
        return transactions.execute(status -> audit.record(new AuditEntry(actor, action, "patient", patientId, null,
                AuditOutcome.ALLOWED, null, details, patientId)));
    }

    void drain() {
        chain.sealPending();
        while (feed.pollOnce() > 0) {
            // until the cursor reaches the chain's head
        }
    }

    List<Map<String, Object>> eventsOf(long entryId) {
        return jdbc.sql("""
                SELECT source_system, user_ref, person_id, patient_ref, patient_id, action, workstation
                FROM mon_access_event WHERE source_system = 'BAOMI' AND event_key = :k
                """).param("k", "audit:" + entryId).query().listOfRows();
    }

    @Test
    void views_prints_and_exports_become_access_events_exactly_once_and_imports_do_not() {
        TestAccounts.Created nurse = accounts.staff();
        Map<String, Object> patient = jdbc.sql("SELECT id, mrn FROM pat_patient ORDER BY id LIMIT 1").query()
                .singleRow();
        String patientId = patient.get("id").toString();
        long viewed = record(nurse, "privacy.patient.viewed", patientId, Map.of("purpose", "TREATMENT"));
        long printed = record(nurse, "privacy.patient.printed", patientId, Map.of());
        long exported = record(nurse, "privacy.export.exported", patientId, Map.of());
        long imported = record(nurse, "privacy.patient.viewed", patientId, Map.of("patients", List.of(patientId)));
        long careChange = record(nurse, "access.care.added", patientId, Map.of());
        drain();

        List<Map<String, Object>> view = eventsOf(viewed);
        assertThat(view).hasSize(1);
        assertThat(view.get(0).get("user_ref")).isEqualTo(nurse.staffNo());
        assertThat(((Number) view.get(0).get("person_id")).longValue()).isEqualTo(nurse.id());
        assertThat(view.get(0).get("patient_ref")).isEqualTo(patient.get("mrn"));
        assertThat(view.get(0).get("patient_id").toString()).isEqualTo(patientId);
        assertThat(view.get(0).get("action")).isEqualTo("READ");
        assertThat(view.get(0).get("workstation")).isEqualTo("10.9.8.7");
        assertThat(eventsOf(printed)).extracting(r -> r.get("action")).containsExactly("PRINT");
        assertThat(eventsOf(exported)).extracting(r -> r.get("action")).containsExactly("EXPORT");
        assertThat(eventsOf(imported)).isEmpty();
        assertThat(eventsOf(careChange)).isEmpty();

        // the same stretch of the chain read again (a retry, a second instance): nothing stored twice
        jdbc.sql("UPDATE mon_ingest_cursor SET position = greatest(0, position - 50) WHERE name = :n")
                .param("n", OwnAccessFeed.CURSOR).update();
        drain();
        assertThat(eventsOf(viewed)).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM mon_access_event WHERE source_system = 'BAOMI' AND event_key IN "
                + "(:a, :b, :c)").param("a", "audit:" + viewed).param("b", "audit:" + printed)
                .param("c", "audit:" + exported).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void audit_actions_map_to_access_kinds_only_when_someone_looks() {
        assertThat(OwnAccessFeed.actionOf("privacy.patient.viewed")).isEqualTo("READ");
        assertThat(OwnAccessFeed.actionOf("privacy.patient.printed")).isEqualTo("PRINT");
        assertThat(OwnAccessFeed.actionOf("privacy.export.downloaded")).isEqualTo("EXPORT");
        assertThat(OwnAccessFeed.actionOf("privacy.patients.searched")).isEqualTo("QUERY");
        assertThat(OwnAccessFeed.actionOf("access.care.added")).isNull();
        assertThat(OwnAccessFeed.actionOf("privacy.import.completed")).isNull();
    }
}
