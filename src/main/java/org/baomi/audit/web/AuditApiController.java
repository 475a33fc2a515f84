package org.baomi.audit.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.baomi.audit.AuditListRow;
import org.baomi.audit.AuditReview;
import org.baomi.audit.AuditSlice;
import org.baomi.shared.BaomiException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The REST twin of the audit console's list (AUD-2): the same filters as query parameters, keyset paging, errors
 * as RFC 9457 problem+json with a message key. Needs {@code audit:entry:read} as the token's scope; every read is
 * audited by {@link AuditReview}.
 */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit trail", description = "The audit administrator's search over the audit trail")
class AuditApiController {

    private final AuditReview review;
    private final Clock clock;

    AuditApiController(AuditReview review, Clock clock) {
        this.review = review;
        this.clock = clock;
    }

    /** One entry of a page, without details (read one entry's page for those). */
    record EntryItem(long sequence, Instant occurredAt, Long actorId, String actorKind, String actorName,
            String action, String outcome, String objectType, String objectId, String secretLevel, String patientId) {

        static EntryItem of(AuditListRow r) {
            return new EntryItem(r.sequence(), r.occurredAt(), r.actorId(), r.actorKind().name(), r.actorName(),
                    r.action(), r.outcome().name(), r.objectType(), r.objectId(), r.secretLevel(), r.patientId());
        }
    }

    /**
     * A page, newest first.
     *
     * @param matched       how many entries match, at most {@code matchedCapped ? cap : exact}
     * @param matchedCapped true when more match than were counted
     * @param older         pass as {@code before} for the next (older) page; null on the last page
     * @param newer         pass as {@code after} for the previous (newer) page; null on the first page
     */
    record EntryPage(List<EntryItem> entries, long matched, boolean matchedCapped, String older, String newer) {
    }

    @GetMapping("/entries")
    @Operation(summary = "Search the audit trail",
            description = "Requires scope audit:entry:read. Filters: from, to (yyyy-MM-dd or yyyy-MM-ddTHH:mm, hospital "
                    + "time zone), group, action (prefix), outcome, level, person (account id), department, objectType, "
                    + "objectId, patient, actor (text). Paging: before / after (cursors from a previous page), size "
                    + "1 to 200 (default 50). Counts stop at 10,000.")
    EntryPage entries(@ModelAttribute AuditFilterForm form,
            @RequestParam(name = "size", required = false) String size) {
        AuditFilterForm.Parsed parsed = form.parse(clock.getZone());
        if (!parsed.valid()) {
            throw parsed.firstError();
        }
        AuditSlice slice = review.entries(parsed.filter(), parsed.before(), parsed.after(), pageSize(size));
        return new EntryPage(slice.rows().stream().map(EntryItem::of).toList(), slice.matched().value(),
                slice.matched().capped(), slice.older() == null ? null : slice.older().text(),
                slice.newer() == null ? null : slice.newer().text());
    }

    private static int pageSize(String text) {
        if (text == null || text.isBlank()) {
            return AuditReview.PAGE_SIZE;
        }
        if (!text.strip().matches("[0-9]{1,3}")) {
            throw BaomiException.invalid("audit.api.size-invalid", AuditReview.MAX_PAGE_SIZE);
        }
        int size = Integer.parseInt(text.strip());
        if (size < 1 || size > AuditReview.MAX_PAGE_SIZE) {
            throw BaomiException.invalid("audit.api.size-invalid", AuditReview.MAX_PAGE_SIZE);
        }
        return size;
    }
}
