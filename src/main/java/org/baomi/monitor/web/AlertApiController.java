package org.baomi.monitor.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.baomi.monitor.AlertQueryEvidence;
import org.baomi.monitor.AlertQueryPage;
import org.baomi.monitor.AlertQueryRow;
import org.baomi.monitor.AlertQueryService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The alert queue for the confidentiality office's other tools (issue 7 item 6): token scope
 * {@code monitor:alert:read}; filters as query parameters, paged, sorted by an enum; a malformed filter is an RFC
 * 9457 problem listing each field; every page is audited with the alert ids returned ({@code monitor.alerts.viewed}).
 */
@RestController
@RequestMapping(path = "/api/v1/privacy/alerts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Privacy alerts", description = "Suspicious accesses to patient records found by the monitoring")
class AlertApiController {

    private final AlertQueryService queue;
    private final Clock clock;

    AlertApiController(AlertQueryService queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    /** One alert: who, which patient, why (evidence in the request's language), and the access events behind it. */
    record AlertItem(long id, String detector, Person person, Patient patient, BigDecimal score,
            List<AlertQueryEvidence> evidence, List<Long> eventIds, Instant firstAt, Instant lastAt, String status,
            Long caseId) {

        static AlertItem of(AlertQueryRow r) {
            return new AlertItem(r.id(), r.detector().name(), new Person(r.personId(), r.userRef(), r.personName()),
                    new Patient(r.patientId(), r.patientRef()), r.score(), r.evidence(), r.eventIds(), r.firstAt(),
                    r.lastAt(), r.status().name(), r.caseId());
        }
    }

    /** The person: Baomi's account id (null when unresolved), the staff number as sent, the name when active. */
    record Person(Long id, String ref, String name) {
    }

    /** The patient: Baomi's id (null when unresolved) and the MRN as sent. */
    record Patient(Long id, String ref) {
    }

    record AlertPage(List<AlertItem> alerts, long total, int page, int size, int totalPages) {
    }

    @GetMapping
    @Operation(summary = "Search the privacy alerts", description = "Requires scope monitor:alert:read. Filters: "
            + "from, to (yyyy-MM-dd in hospital time with to inclusive, yyyy-MM-ddTHH:mm, or an ISO instant; on the "
            + "alert's last access), detector (NO_EXPLANATION, FAMILY, ...), person (account id), patient (patient "
            + "id), status (OPEN, IN_CASE, DISMISSED, WITHDRAWN; all when absent). sort: SCORE (default), NEWEST, "
            + "OLDEST. page from 0, size 1 to 200 (default 50). Language of the evidence: Accept-Language or lang.")
    AlertPage alerts(@ModelAttribute AlertFilterForm form) {
        AlertQueryPage page = queue.search(form.parse(clock.getZone(), null));
        return new AlertPage(page.rows().stream().map(AlertItem::of).toList(), page.total(), page.page(),
                page.size(), page.totalPages());
    }
}
