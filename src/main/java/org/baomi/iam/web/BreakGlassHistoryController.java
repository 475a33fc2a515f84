package org.baomi.iam.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;
import org.baomi.iam.AccessPermissions;
import org.baomi.iam.AccessPerson;
import org.baomi.iam.BreakGlassHistoryFilter;
import org.baomi.iam.BreakGlassReviews;
import org.baomi.iam.BreakGlassSession;
import org.baomi.iam.BreakGlassVerdict;
import org.baomi.iam.PermissionGuard;
import org.baomi.iam.ResultPage;
import org.baomi.iam.internal.account.StaffNumbers;
import org.baomi.shared.BaomiException;
import org.baomi.shared.CsvWriter;
import org.baomi.shared.Htmx;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The history of reviewed break-the-glass sessions (ACC-4): filter by review period, person (who broke the glass or
 * reviewed) and verdict; paged; CSV. Permission {@link AccessPermissions#BREAK_GLASS_REVIEW}; {@link BreakGlassReviews}
 * checks it and audits each page and the export.
 */
@Controller
@RequestMapping("/access/break-glass/history")
class BreakGlassHistoryController {

    private static final int PAGE_SIZE = 25;

    private final BreakGlassReviews reviews;
    private final PermissionGuard guard;
    private final StaffNumbers staffNumbers;
    private final MessageSource messages;
    private final IamTimes times;
    private final Clock clock;

    BreakGlassHistoryController(BreakGlassReviews reviews, PermissionGuard guard, StaffNumbers staffNumbers,
            MessageSource messages, IamTimes times, Clock clock) {
        this.reviews = reviews;
        this.guard = guard;
        this.staffNumbers = staffNumbers;
        this.messages = messages;
        this.times = times;
        this.clock = clock;
    }

    /** A reviewed session with the person who broke the glass and the reviewer. */
    record HistoryRow(BreakGlassSession session, AccessPerson person, AccessPerson reviewer) {
    }

    /** The filter as typed, with the problems found in it (field name to message key). */
    record Query(String from, String to, String staffNo, String verdict, int page) {

        public String pageQuery(int target) {
            return new QueryString().add("from", from).add("to", to).add("staffNo", staffNo).add("verdict", verdict)
                    .add("page", Math.max(target, 0)).toString();
        }
    }

    @GetMapping
    String history(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String staffNo, @RequestParam(required = false) String verdict,
            @RequestParam(defaultValue = "0") String page, Model model, HttpServletRequest request) {
        guard.require(AccessPermissions.BREAK_GLASS_REVIEW);
        int pageNo = parsePage(page);
        Query query = new Query(trim(from), trim(to), trim(staffNo), trim(verdict), pageNo);
        Map<String, String> problems = new LinkedHashMap<>();
        BreakGlassHistoryFilter filter = filter(query, problems);
        ResultPage<HistoryRow> results = null;
        if (problems.isEmpty()) {
            try {
                ResultPage<BreakGlassSession> found = reviews.reviewed(filter, pageNo, PAGE_SIZE);
                results = new ResultPage<>(found.rows().stream().map(this::row).toList(), found.total(),
                        found.page(), found.size());
            } catch (BaomiException e) {
                if (e.kind() != BaomiException.Kind.INVALID) {
                    throw e;
                }
                problems.put("from", e.messageKey());
            }
        }
        model.addAttribute("query", query);
        model.addAttribute("problems", problems);
        model.addAttribute("results", results);
        model.addAttribute("verdicts", BreakGlassVerdict.values());
        return Htmx.wantsPart(request) ? "access/break-glass-history :: results" : "access/break-glass-history";
    }

    @PostMapping("/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String staffNo,
            @RequestParam(required = false) String verdict, Locale locale) {
        guard.require(AccessPermissions.BREAK_GLASS_REVIEW);
        Map<String, String> problems = new LinkedHashMap<>();
        BreakGlassHistoryFilter filter = filter(new Query(trim(from), trim(to), trim(staffNo), trim(verdict), 0),
                problems);
        if (!problems.isEmpty()) {
            throw BaomiException.invalid(problems.values().iterator().next());
        }
        List<BreakGlassSession> rows = reviews.export(filter);
        CsvWriter csv = new CsvWriter().line(text("access-web.field.session", locale),
                text("access-web.field.staff-no", locale), text("access-web.field.full-name", locale),
                text("access-web.field.object", locale), text("access-web.break-glass.reason", locale),
                text("access-web.field.opened", locale), text("access-web.break-glass.history.reviewer", locale),
                text("access-web.break-glass.verdict", locale), text("access-web.break-glass.history.reviewed-at", locale),
                text("access-web.break-glass.comment", locale));
        for (BreakGlassSession s : rows) {
            HistoryRow r = row(s);
            csv.line(Long.toString(s.id()), r.person().staffNo(), r.person().fullName(), s.resource().toString(),
                    s.reason(), times.format(s.openedAt()), r.reviewer().staffNo() + " " + r.reviewer().fullName(),
                    text(s.verdict().messageKey(), locale), times.format(s.reviewedAt()), s.comment());
        }
        String filename = "break-glass-history-" + LocalDate.now(clock) + ".csv";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(csv.toBytes());
    }

    private BreakGlassHistoryFilter filter(Query q, Map<String, String> problems) {
        LocalDate fromDate = date(q.from(), "from", problems);
        LocalDate toDate = date(q.to(), "to", problems);
        Long personId = null;
        if (q.staffNo() != null) {
            OptionalLong id = q.staffNo().length() > 32 ? OptionalLong.empty() : staffNumbers.idOf(q.staffNo());
            if (id.isPresent()) {
                personId = id.getAsLong();
            } else {
                problems.put("staffNo", "access-web.api.person.unknown");
            }
        }
        BreakGlassVerdict verdict = null;
        if (q.verdict() != null) {
            for (BreakGlassVerdict v : BreakGlassVerdict.values()) {
                if (v.name().equals(q.verdict())) {
                    verdict = v;
                }
            }
            if (verdict == null) {
                problems.put("verdict", "access-web.break-glass.verdict.required");
            }
        }
        // the period is in days of the hospital's zone, the end day included
        return new BreakGlassHistoryFilter(fromDate == null ? null : fromDate.atStartOfDay(clock.getZone()).toInstant(),
                toDate == null ? null : toDate.plusDays(1).atStartOfDay(clock.getZone()).toInstant(), personId, verdict);
    }

    private static LocalDate date(String text, String field, Map<String, String> problems) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.put(field, "access-web.break-glass.history.date-invalid");
            return null;
        }
    }

    private static int parsePage(String page) {
        try {
            return Math.max(0, Math.min(100_000, Integer.parseInt(page.strip())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private HistoryRow row(BreakGlassSession s) {
        AccessPerson person = staffNumbers.personOf(s.personId()).orElse(new AccessPerson(s.personId(), "", ""));
        AccessPerson reviewer = s.reviewerId() == null ? new AccessPerson(0, "", "")
                : staffNumbers.personOf(s.reviewerId()).orElse(new AccessPerson(s.reviewerId(), "", ""));
        return new HistoryRow(s, person, reviewer);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
