package org.baomi.audit.web;

import java.io.IOException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.baomi.audit.AuditActionGroup;
import org.baomi.audit.AuditExportFormat;
import org.baomi.audit.AuditExportSink;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditReview;
import org.baomi.shared.SecretLevel;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Exports of the console's current filter as CSV or xlsx (issue 8 item 7), streamed and bounded at
 * {@link AuditReview#EXPORT_LIMIT} rows. The export is audited by the module API ({@code audit.entries.exported}
 * with the filter, format and row count); headers say how many rows follow and whether the export was cut.
 */
@Controller
class AuditExportController {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final AuditReview review;
    private final AuditCsv csv;
    private final AuditXlsx xlsx;
    private final Clock clock;

    AuditExportController(AuditReview review, AuditCsv csv, AuditXlsx xlsx, Clock clock) {
        this.review = review;
        this.csv = csv;
        this.xlsx = xlsx;
        this.clock = clock;
    }

    @GetMapping("/audit/entries/export.csv")
    String exportCsv(@ModelAttribute("form") AuditFilterForm form, Model model, Locale locale,
            HttpServletResponse response) throws IOException {
        return export(form, AuditExportFormat.CSV, model, locale, response);
    }

    @GetMapping("/audit/entries/export.xlsx")
    String exportXlsx(@ModelAttribute("form") AuditFilterForm form, Model model, Locale locale,
            HttpServletResponse response) throws IOException {
        return export(form, AuditExportFormat.XLSX, model, locale, response);
    }

    /** Null once the file is written; the list page with the errors (400) when the filter is unusable. */
    private String export(AuditFilterForm form, AuditExportFormat format, Model model, Locale locale,
            HttpServletResponse response) throws IOException {
        AuditFilterForm.Parsed parsed = form.parse(clock.getZone());
        if (!parsed.valid()) {
            model.addAttribute("view", ConsoleView.all(form));
            model.addAttribute("groups", AuditActionGroup.values());
            model.addAttribute("outcomes", AuditOutcome.values());
            model.addAttribute("levels", SecretLevel.values());
            model.addAttribute("errors", parsed.errors());
            model.addAttribute("exportLimit", AuditReview.EXPORT_LIMIT);
            model.addAttribute("countCap", AuditReview.COUNT_CAP);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "audit/entries";
        }
        String name = "audit-entries-" + FILE_TIME.format(clock.instant().atZone(clock.getZone())) + "."
                + format.extension();
        review.export(parsed.filter(), format, new AuditExportSink() {
            /** Opened only once the export is allowed: a refusal still needs the response for its error page. */
            private AuditExportSink target;

            @Override
            public void begin(AuditExportInfo info) throws IOException {
                // Headers go out before the first byte of the file.
                response.setContentType(format == AuditExportFormat.CSV ? "text/csv;charset=UTF-8" : XLSX);
                response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString());
                response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                response.setHeader("X-Baomi-Export-Rows", Long.toString(info.rows()));
                response.setHeader("X-Baomi-Export-Truncated", Boolean.toString(info.truncated()));
                target = format == AuditExportFormat.CSV
                        ? csv.sink(response.getOutputStream(), locale)
                        : xlsx.sink(response.getOutputStream(), locale, parsed.filter().describe());
                target.begin(info);
            }

            @Override
            public void row(org.baomi.audit.AuditRecord record) throws IOException {
                target.row(record);
            }

            @Override
            public void end() throws IOException {
                target.end();
            }
        });
        response.flushBuffer();
        return null;
    }
}
