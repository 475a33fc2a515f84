package org.baomi.audit.web;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.baomi.audit.AuditActionGroup;
import org.baomi.audit.AuditExport;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditPage;
import org.baomi.audit.AuditReview;
import org.baomi.shared.Htmx;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The audit administrator's trail view (AUD-2, AUD-3 review) and its CSV export. The permission check and
 * the record of the read are the module API's; this controller binds the filter and picks the view.
 */
@Controller
class AuditController {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    private final AuditReview review;
    private final AuditRowViews views;
    private final AuditCsv csv;
    private final Clock clock;

    AuditController(AuditReview review, AuditRowViews views, AuditCsv csv, Clock clock) {
        this.review = review;
        this.views = views;
        this.csv = csv;
        this.clock = clock;
    }

    /**
     * The full page, or only its results when htmx asks. A filter that cannot be used is explained next to
     * the form: with status 400 on a full page, and 200 for htmx, which swaps only successful responses.
     */
    @GetMapping("/audit/entries")
    String entries(@ModelAttribute("form") AuditFilterForm form, HttpServletRequest request, Model model,
            HttpServletResponse response) {
        boolean part = Htmx.wantsPart(request);
        AuditFilterForm.Parsed parsed = form.parse(clock.getZone());
        model.addAttribute("groups", AuditActionGroup.values());
        model.addAttribute("outcomes", AuditOutcome.values());
        model.addAttribute("errors", parsed.errors());
        if (parsed.valid()) {
            AuditPage page = review.entries(parsed.filter(), parsed.page());
            model.addAttribute("page", page);
            model.addAttribute("rows", views.rows(page.records()));
        } else if (!part) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return part ? "audit/entries :: results" : "audit/entries";
    }

    @GetMapping("/audit/entries/export.csv")
    Object export(@ModelAttribute("form") AuditFilterForm form, Model model, Locale locale,
            HttpServletResponse response) {
        AuditFilterForm.Parsed parsed = form.parse(clock.getZone());
        if (!parsed.valid()) {
            model.addAttribute("groups", AuditActionGroup.values());
            model.addAttribute("outcomes", AuditOutcome.values());
            model.addAttribute("errors", parsed.errors());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "audit/entries";
        }
        AuditExport export = review.export(parsed.filter());
        String name = "audit-entries-" + FILE_TIME.format(clock.instant().atZone(clock.getZone())) + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Baomi-Export-Rows", Integer.toString(export.records().size()))
                .header("X-Baomi-Export-Truncated", Boolean.toString(export.truncated()))
                .body(csv.write(export.records(), locale));
    }
}
