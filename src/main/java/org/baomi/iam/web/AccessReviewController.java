package org.baomi.iam.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.baomi.shared.Notice;
import jakarta.servlet.http.HttpServletRequest;
import org.baomi.iam.AccountQueries;
import org.baomi.iam.AccountService;
import org.baomi.iam.AccountStatus;
import org.baomi.iam.CsvExport;
import org.baomi.iam.OrganisationQueries;
import org.baomi.iam.ResultPage;
import org.baomi.shared.BaomiException;
import org.baomi.shared.Htmx;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The periodic access review (ACC-2): who holds what, when last reviewed; marking and CSV export. */
@Controller
@RequestMapping("/iam/access-review")
class AccessReviewController {

    private final AccountQueries queries;
    private final AccountService accounts;
    private final OrganisationQueries organisation;

    AccessReviewController(AccountQueries queries, AccountService accounts, OrganisationQueries organisation) {
        this.queries = queries;
        this.accounts = accounts;
        this.organisation = organisation;
    }

    @GetMapping
    String review(@ModelAttribute("filter") ReviewFilterForm filter, BindingResult ignoredBadValues, Model model,
            HttpServletRequest request) {
        model.addAttribute("results", queries.accessReview(filter.toFilter()));
        if (Htmx.wantsPart(request)) {
            return "iam/access-review :: rows";
        }
        model.addAttribute("departments", organisation.departments());
        model.addAttribute("statuses", AccountStatus.values());
        return "iam/access-review";
    }

    @PostMapping("/{id}/reviewed")
    String markReviewed(@PathVariable long id, Model model, RedirectAttributes redirect, HttpServletRequest request) {
        Notice outcome;
        try {
            accounts.markAccessReviewed(id);
            outcome = Notice.success("iam.admin.notice.reviewed");
        } catch (BaomiException e) {
            if (!AdminForms.showOnPage(e)) {
                throw e;
            }
            outcome = Notice.problem(e.messageKey(), e.args());
        }
        if (!Htmx.wantsPart(request)) {
            redirect.addFlashAttribute("notice", outcome);
            return "redirect:/iam/access-review";
        }
        // The row fragment iterates the result rows, so the one changed row goes in as a page of one.
        model.addAttribute("results", new ResultPage<>(List.of(queries.accessReviewRow(id)), 1, 0, 1));
        model.addAttribute("rowNotice", outcome);
        return "iam/access-review :: row";
    }

    @PostMapping("/export")
    ResponseEntity<byte[]> export(@ModelAttribute("filter") ReviewFilterForm filter, BindingResult ignoredBadValues,
            Locale locale) {
        CsvExport csv = queries.exportAccessReview(filter.toFilter(), locale);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(csv.filename()).build().toString())
                .body(csv.content());
    }
}
