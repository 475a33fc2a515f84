package org.baomi.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.baomi.audit.AuditCoverageTest.Case;
import org.baomi.audit.AuditCoverageTest.Who;
import org.baomi.monitor.DetectionRuns;
import org.baomi.monitor.DetectionThreshold;
import org.baomi.monitor.DetectionThresholdChange;
import org.baomi.monitor.DetectionThresholds;
import org.baomi.monitor.Detector;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit coverage cases of the monitoring's scoring runs (issue 7; AUD-2, PAT-4), collected by
 * {@link AuditCoverageTest}: each run writes one {@code monitor.scoring.completed} record with its counts. The bulk
 * reads that feed the runs (iam's {@code MonitoringFacts}, privacy's {@code PatientRoster}) are in-process module
 * reads whose use the run's record covers.
 */
final class MonitorDetectCoverageCases {

    private MonitorDetectCoverageCases() {
    }

    static final List<Case> CASES = List.of(
            Case.recorded("DetectionRuns.rescoreAll", Who.MODULE, "monitor.scoring.completed", t -> {
                event(t.bean(JdbcClient.class), t.freshStaff().id());
                t.bean(DetectionRuns.class).rescoreAll();
            }),
            Case.recorded("DetectionRuns.scoreNew", Who.MODULE, "monitor.scoring.completed", t -> {
                event(t.bean(JdbcClient.class), t.freshStaff().id());
                t.bean(DetectionRuns.class).scoreNew();
            }),
            // issue 7 item 4: the office saves a threshold (the same values again, so nothing changes for others)
            Case.recorded("DetectionThresholds.save", Who.OFFICE, "monitor.detector.tuned", t -> {
                DetectionThreshold c = t.bean(DetectionThresholds.class).current().stream()
                        .filter(x -> x.detector() == Detector.COWORKER).findFirst().orElseThrow();
                t.bean(DetectionThresholds.class).save(new DetectionThresholdChange(Detector.COWORKER, c.enabled(),
                        Double.toString(c.baseScore()), Double.toString(c.minScore()), c.version()));
            }),
            Case.denied("DetectionThresholds.current", t -> t.bean(DetectionThresholds.class).current()),
            Case.denied("DetectionThresholds.preview", t -> t.bean(DetectionThresholds.class).preview(
                    new DetectionThresholdChange(Detector.COWORKER, true, "60", "0", 0))));

    /** An access event of the person on an unresolved patient: new, so a run happens, yet it raises nothing. */
    private static void event(JdbcClient jdbc, long personId) {
        Instant at = Instant.parse("2026-05-01T02:00:00Z");
        jdbc.sql("INSERT INTO mon_access_event (source_system, event_key, occurred_at, user_ref, person_id, "
                + "patient_ref, patient_id, action, received_at) VALUES ('COVERAGE', :key, :at, 'coverage', :person, "
                + "'unknown', NULL, 'READ', :at)")
                .param("key", UUID.randomUUID().toString()).param("at", Timestamp.from(at)).param("person", personId)
                .update();
    }

    static final Map<String, String> NOT_SECURITY_RELEVANT = Map.of(
            "MonitoringFacts.staff", "in-process bulk read for the scoring runs; the run's own record "
                    + "monitor.scoring.completed covers its use, nothing is shown as such",
            "MonitoringFacts.patientCareSince", "as MonitoringFacts.staff",
            "MonitoringFacts.patientGrantsSince", "as MonitoringFacts.staff",
            "MonitoringFacts.patientBreakGlassSince", "as MonitoringFacts.staff",
            "PatientRoster.patients", "in-process bulk read for the scoring runs; the run's own record "
                    + "monitor.scoring.completed covers its use; patient facts reach people only as alert evidence",
            "PatientRoster.encountersSince", "as PatientRoster.patients");
}
