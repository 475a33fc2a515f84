package org.baomi.monitor.internal.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.baomi.iam.CareRelationships;
import org.baomi.iam.internal.access.AccessChangeFeed;
import org.baomi.monitor.Detector;
import org.baomi.monitor.DetectionRunSummary;
import org.baomi.monitor.DetectionRuns;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scoring runs against the database (issue 7 items 3 and 4; PAT-4, AUD-2): events of {@code mon_access_event} and
 * the context from iam and privacy become {@code mon_alert} rows upserted by alert key; an alert no longer produced
 * is withdrawn unless a case holds it; every run writes one audit record with its counts.
 */
@BaomiSpringTest
class ScoringPersistenceTest {

    @Autowired
    DetectionRuns runs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    CareRelationships care;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    AccessChangeFeed feed;

    @Test
    void anUnexplainedAccessBecomesAnOpenAlertWithEvidenceAndTheRunIsAuditedPat4Aud2() {
        long person = accounts.staff().id();
        long patient = unrelatedPatients(person).get(0);
        event(person, patient, "2026-06-15T02:00:00Z");
        event(person, patient, "2026-06-15T02:05:00Z");

        DetectionRunSummary run = runs.scoreNew();

        assertThat(run.runId()).isPositive();
        assertThat(run.events()).isGreaterThanOrEqualTo(2);
        String key = Detector.NO_EXPLANATION.name() + ':' + person + ':' + patient + ":2026-06-15";
        Alert alert = alert(key);
        assertThat(alert.status()).isEqualTo("OPEN");
        assertThat(alert.events()).isEqualTo(2);
        assertThat(alert.evidence()).contains("\"key\": \"monitor.evidence.access\"")
                .contains("\"key\": \"monitor.evidence.unexplained\"");
        assertThat(jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = 'monitor.scoring.completed' "
                + "AND object_id = :id").param("id", Long.toString(run.runId())).query(Long.class).single())
                .isEqualTo(1);
        assertThat(runs.scoreNew().runId()).as("nothing new: no run").isZero();
    }

    @Test
    void anAlertNoLongerProducedIsWithdrawnUnlessACaseHoldsItAndReturnsWhenFoundAgainPat4() {
        long person = accounts.staff().id();
        feed.poll(); // the decision point knows the new account before a care relationship names it
        List<Long> patients = unrelatedPatients(person);
        long plain = patients.get(0);
        long inCase = patients.get(1);
        event(person, plain, "2026-06-20T03:00:00Z");
        event(person, inCase, "2026-06-20T03:10:00Z");
        runs.scoreNew();
        String plainKey = Detector.NO_EXPLANATION.name() + ':' + person + ':' + plain + ":2026-06-20";
        String caseKey = Detector.NO_EXPLANATION.name() + ':' + person + ':' + inCase + ":2026-06-20";
        assertThat(alert(plainKey).status()).isEqualTo("OPEN");
        jdbc.sql("UPDATE mon_alert SET status = 'IN_CASE' WHERE alert_key = :k").param("k", caseKey).update();

        // ACC-4: a care relationship recorded late explains both accesses
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            care.add(person, Long.toString(plain), Instant.parse("2026-06-19T00:00:00Z"), null);
            care.add(person, Long.toString(inCase), Instant.parse("2026-06-19T00:00:00Z"), null);
        });
        DetectionRunSummary run = runs.rescoreAll();

        assertThat(run.withdrawn()).isGreaterThanOrEqualTo(1);
        assertThat(alert(plainKey).status()).isEqualTo("WITHDRAWN");
        assertThat(alert(caseKey).status()).as("a case holds it").isEqualTo("IN_CASE");

        // found again (a second access the next day is unexplained under a new key; the old one stays withdrawn)
        event(person, unrelatedPatients(person).get(2), "2026-06-21T03:00:00Z");
        runs.scoreNew();
        assertThat(alert(plainKey).status()).isEqualTo("WITHDRAWN");
    }

    private record Alert(String status, int events, String evidence) {
    }

    private Alert alert(String key) {
        return jdbc.sql("SELECT status, cardinality(event_ids) AS n, evidence::text AS evidence FROM mon_alert "
                + "WHERE alert_key = :k").param("k", key)
                .query((rs, n) -> new Alert(rs.getString("status"), rs.getInt("n"), rs.getString("evidence")))
                .single();
    }

    /** Patients with nothing that links them to the person: no encounter in the department, no flag, not staff. */
    private List<Long> unrelatedPatients(long person) {
        return jdbc.sql("SELECT p.id FROM pat_patient p WHERE NOT p.vip AND NOT p.public_figure AND NOT p.psychiatric "
                + "AND NOT p.infectious AND NOT p.deceased AND p.staff_account_id IS NULL AND NOT EXISTS (SELECT 1 "
                + "FROM pat_encounter e JOIN iam_account a ON a.id = :person WHERE e.patient_id = p.id "
                + "AND e.department_id = a.department_id) AND NOT EXISTS (SELECT 1 FROM mon_access_event m "
                + "WHERE m.patient_id = p.id) ORDER BY p.id DESC LIMIT 3")
                .param("person", person).query(Long.class).list();
    }

    private void event(long person, long patient, String at) {
        Timestamp t = Timestamp.from(Instant.parse(at));
        jdbc.sql("INSERT INTO mon_access_event (source_system, event_key, occurred_at, user_ref, person_id, "
                + "patient_ref, patient_id, action, received_at) VALUES ('TEST', :key, :at, 'u', :person, 'p', "
                + ":patient, 'READ', :at)")
                .param("key", UUID.randomUUID().toString()).param("at", t).param("person", person)
                .param("patient", patient).update();
    }
}
