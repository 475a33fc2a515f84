package org.baomi.audit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.baomi.audit.AuditCoverageTest.Case;
import org.baomi.audit.AuditCoverageTest.Who;
import org.baomi.monitor.AccessEventIngest;
import org.baomi.monitor.IngestCareContexts;
import org.baomi.monitor.IngestFormat;

/**
 * The audit coverage cases of the access-event ingest (issue 7 item 1; PAT-4, AUD-1, AUD-2), collected by
 * {@link AuditCoverageTest}. The ingest serves integration clients with the ingest scopes only: a signed-in person
 * is refused and the refusal written as {@code access.denied}. The successful requests' own records
 * ({@code monitor.access-events.imported}, {@code monitor.care-contexts.imported}) are asserted through the HTTP API
 * by {@code org.baomi.monitor.AccessEventIngestApiTest} and {@code CareContextApiTest}.
 */
final class MonitorIngestCoverageCases {

    private MonitorIngestCoverageCases() {
    }

    private static final byte[] EVENT = ("{\"time\":\"2026-11-20T08:00:00+08:00\",\"user\":\"H0079\",\"patient\":"
            + "\"COV\",\"action\":\"READ\",\"workstation\":\"COV\"}").getBytes(StandardCharsets.UTF_8);

    static final List<Case> CASES = List.of(
            Case.refused("AccessEventIngest.importEvents", Who.DOCTOR, "access.denied",
                    t -> t.bean(AccessEventIngest.class).importEvents(EVENT, IngestFormat.NDJSON)),
            Case.refused("AccessEventIngest.importFhir", Who.DOCTOR, "access.denied",
                    t -> t.bean(AccessEventIngest.class).importFhir(
                            "{\"resourceType\":\"AuditEvent\"}".getBytes(StandardCharsets.UTF_8))),
            Case.refused("IngestCareContexts.importCareContexts", Who.DOCTOR, "access.denied",
                    t -> t.bean(IngestCareContexts.class).importCareContexts(EVENT, IngestFormat.NDJSON)));

    static final Map<String, String> NOT_SECURITY_RELEVANT = Map.of(
            "AuditPatientAccesses.after", "in-process read for the monitoring's own-access job (no request reaches "
                    + "it); the entries go into mon_access_event, whose readers are guarded and audited there",
            "StaffKeys.personIds", "ids of staff numbers for the ingest's resolution; no request reaches it and "
                    + "nothing but ids and staff numbers goes out",
            "StaffKeys.staffNumbers", "as StaffKeys.personIds",
            "PatientKeys.patientIds", "ids of MRNs for the ingest's resolution; no request reaches it and no patient "
                    + "content goes out",
            "PatientKeys.mrns", "as PatientKeys.patientIds");
}
