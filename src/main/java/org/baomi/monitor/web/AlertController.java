package org.baomi.monitor.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.monitor.AlertQuery;
import org.baomi.monitor.AlertQueryPage;
import org.baomi.monitor.AlertQueryService;
import org.baomi.monitor.AlertQuerySort;
import org.baomi.monitor.AlertQueryStatus;
import org.baomi.monitor.Detector;
import org.baomi.monitor.PrivacyCaseWorkflow;
import org.baomi.shared.BaomiException;
import org.baomi.shared.Htmx;
import org.baomi.shared.Notice;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The alert queue of the confidentiality office (issue 7 item 7): filters, paging (the results part alone for
 * htmx), bulk "open a case" and "dismiss with a reason", and the audited CSV export. The module API guards and
 * audits; malformed filters show translated messages above the (empty) results with status 400.
 */
@Controller
@RequestMapping("/privacy/monitoring/alerts")
class AlertController {

    private final AlertQueryService queue;
    private final PrivacyCaseWorkflow workflow;
    private final Clock clock;

    AlertController(AlertQueryService queue, PrivacyCaseWorkflow workflow, Clock clock) {
        this.queue = queue;
        this.workflow = workflow;
        this.clock = clock;
    }

    @GetMapping
    String queue(@ModelAttribute("filter") AlertFilterForm filter, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        model.addAttribute("detectors", Detector.values());
        model.addAttribute("statuses", AlertQueryStatus.values());
        model.addAttribute("sorts", AlertQuerySort.values());
        model.addAttribute("anyStatus", AlertFilterForm.ANY);
        model.addAttribute("statusShown", filter.status() == null ? AlertQueryStatus.OPEN.name() : filter.status());
        try {
            AlertQuery query = filter.parse(clock.getZone(), AlertQueryStatus.OPEN);
            AlertQueryPage page = queue.search(query);
            model.addAttribute("results", page);
            model.addAttribute("previous", link(filter, page.page() - 1));
            model.addAttribute("next", link(filter, page.page() + 1));
            model.addAttribute("exportLink", UriComponentsBuilder.fromPath("/privacy/monitoring/alerts/export.csv")
                    .queryParams(multi(filter)).build().encode().toUriString());
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("results", new AlertQueryPage(List.of(), 0, 0, AlertQuery.DEFAULT_SIZE));
            model.addAttribute("filterProblems", e.problems());
        }
        return Htmx.wantsPart(request) ? "monitor/alerts :: results" : "monitor/alerts";
    }

    @GetMapping("/export.csv")
    ResponseEntity<byte[]> export(@ModelAttribute AlertFilterForm filter, Locale locale) {
        byte[] csv = queue.exportCsv(filter.parse(clock.getZone(), AlertQueryStatus.OPEN), locale);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("privacy-alerts.csv").build().toString())
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)).body(csv);
    }

    @PostMapping("/open-case")
    String openCase(@RequestParam(name = "ids", required = false) List<String> ids, RedirectAttributes redirect) {
        try {
            long caseId = workflow.openCase(ids(ids));
            redirect.addFlashAttribute("notice", Notice.success("monitor.cases.notice.case-opened", caseId));
            return "redirect:/privacy/monitoring/cases/" + caseId;
        } catch (BaomiException e) {
            flash(e, redirect);
            return "redirect:/privacy/monitoring/alerts";
        }
    }

    @PostMapping("/dismiss")
    String dismiss(@RequestParam(name = "ids", required = false) List<String> ids,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            int n = workflow.dismissAlerts(ids(ids), reason);
            redirect.addFlashAttribute("notice", Notice.success("monitor.cases.notice.alerts-dismissed", n));
        } catch (BaomiException e) {
            flash(e, redirect);
        }
        return "redirect:/privacy/monitoring/alerts";
    }

    /** Only refusals the person can act on are flashed; the rest (no permission) get the error page. */
    static void flash(BaomiException e, RedirectAttributes redirect) {
        if (!e.belongsOnForm()) {
            throw e;
        }
        if (e instanceof InvalidInputException invalid && !invalid.problems().isEmpty()) {
            FieldProblem first = invalid.problems().get(0);
            redirect.addFlashAttribute("problem", Notice.problem(first.messageKey(), first.args()));
        } else {
            redirect.addFlashAttribute("problem", Notice.problem(e.messageKey(), e.args()));
        }
    }

    static List<Long> ids(List<String> values) {
        List<Long> ids = new ArrayList<>();
        if (values == null) {
            return ids;
        }
        for (String v : values) {
            String s = v == null ? "" : v.strip();
            if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(Character::isDigit)) {
                throw new InvalidInputException(List.of(new FieldProblem("ids", "monitor.cases.error.id")));
            }
            ids.add(Long.parseLong(s));
        }
        return ids;
    }

    private static String link(AlertFilterForm filter, int page) {
        return UriComponentsBuilder.fromPath("/privacy/monitoring/alerts").queryParams(multi(filter))
                .queryParam("page", page).build().encode().toUriString();
    }

    private static org.springframework.util.MultiValueMap<String, String> multi(AlertFilterForm filter) {
        org.springframework.util.LinkedMultiValueMap<String, String> params =
                new org.springframework.util.LinkedMultiValueMap<>();
        for (Map.Entry<String, String> e : filter.parameters().entrySet()) {
            params.add(e.getKey(), e.getValue());
        }
        return params;
    }
}
