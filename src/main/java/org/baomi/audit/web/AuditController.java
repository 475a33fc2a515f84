package org.baomi.audit.web;

import java.time.Clock;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.baomi.audit.AuditActionGroup;
import org.baomi.audit.AuditActivity;
import org.baomi.audit.AuditEntryDetail;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditReview;
import org.baomi.audit.AuditSlice;
import org.baomi.shared.BaomiException;
import org.baomi.shared.Htmx;
import org.baomi.shared.SecretLevel;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * The audit administrator's console (AUD-2, AUD-3 review; issue 8 item 7): the filtered list, the person-, patient-
 * and object-centred timelines, the detail of one entry and the charts. The permission check and the record of
 * each read are the module API's ({@link AuditReview}); this controller binds the filter and picks the view. One
 * handler serves the full page and, for htmx, only its results.
 */
@Controller
class AuditController {

    private final AuditReview review;
    private final AuditRowViews views;
    private final AuditCharts charts;
    private final Clock clock;

    AuditController(AuditReview review, AuditRowViews views, AuditCharts charts, Clock clock) {
        this.review = review;
        this.views = views;
        this.charts = charts;
        this.clock = clock;
    }

    /**
     * A filter that cannot be used is explained next to the form: with status 400 on a full page, and 200 for
     * htmx, which swaps only successful responses.
     */
    @GetMapping("/audit/entries")
    String entries(@ModelAttribute("form") AuditFilterForm form, HttpServletRequest request, Model model,
            HttpServletResponse response) {
        return show(ConsoleView.all(form), request, model, response);
    }

    /** Everything one person did (AUD-1: traceable to the person). */
    @GetMapping("/audit/people/{id}")
    String person(@PathVariable String id, @ModelAttribute("form") AuditFilterForm form,
            HttpServletRequest request, Model model, HttpServletResponse response) {
        AuditFilterForm page = form.withPerson(null);
        return show(new ConsoleView("/audit/people/" + segment(id), page, page.withPerson(id),
                ConsoleView.Scope.PERSON, FilterInputs.echo(id)), request, model, response);
    }

    /** Everything that happened to one patient's information (PAT-4, AUD-1). */
    @GetMapping("/audit/patients/{id}")
    String patient(@PathVariable String id, @ModelAttribute("form") AuditFilterForm form,
            HttpServletRequest request, Model model, HttpServletResponse response) {
        AuditFilterForm page = form.withPatient(null);
        return show(new ConsoleView("/audit/patients/" + segment(id), page, page.withPatient(id),
                ConsoleView.Scope.PATIENT, FilterInputs.echo(id)), request, model, response);
    }

    /** Everything that happened to one object: a document, an account, a role. */
    @GetMapping("/audit/objects/{type}/{id}")
    String object(@PathVariable String type, @PathVariable String id, @ModelAttribute("form") AuditFilterForm form,
            HttpServletRequest request, Model model, HttpServletResponse response) {
        AuditFilterForm page = form.withObject(null, null);
        return show(new ConsoleView("/audit/objects/" + segment(type) + "/" + segment(id), page,
                page.withObject(type, id), ConsoleView.Scope.OBJECT,
                FilterInputs.echo(type) + " " + FilterInputs.echo(id)), request, model, response);
    }

    /** The person picker's suggestions (htmx): links to the person-centred view. */
    @GetMapping("/audit/people/suggest")
    String suggestPeople(@RequestParam(name = "q", required = false) String text, HttpServletRequest request,
            Model model) {
        if (!Htmx.wantsPart(request)) {
            return "redirect:/audit/entries";
        }
        try {
            model.addAttribute("people", review.people(text));
        } catch (BaomiException e) {
            if (e.kind() != BaomiException.Kind.INVALID) {
                throw e;
            }
            model.addAttribute("peopleError", e.messageKey());
        }
        model.addAttribute("peopleAsked", text != null && !text.isBlank());
        return "audit/fragments :: people";
    }

    @GetMapping("/audit/entries/{sequence:\\d{1,18}}")
    String entry(@PathVariable long sequence, Model model) {
        AuditEntryDetail detail = review.entry(sequence);
        model.addAttribute("entry", detail.record());
        model.addAttribute("chain", detail.chain());
        model.addAttribute("time", views.time(detail.record().occurredAt()));
        model.addAttribute("details", views.details(detail.record().details()));
        model.addAttribute("prettyDetails", views.prettyDetails(detail.record().details()));
        if (detail.chain() != null && detail.chain().verifiedAt() != null) {
            model.addAttribute("chainVerifiedAt", views.time(detail.chain().verifiedAt()));
        }
        return "audit/entry";
    }

    /** The charts of a filter, loaded by the list page after it shows (they read more than one page does). */
    @GetMapping("/audit/entries/activity")
    String activity(@ModelAttribute("form") AuditFilterForm form, Model model, Locale locale,
            HttpServletRequest request) {
        if (!Htmx.wantsPart(request)) {
            return "redirect:" + form.link("/audit/entries");
        }
        AuditFilterForm.Parsed parsed = form.parse(clock.getZone());
        model.addAttribute("chartsRequested", true);
        model.addAttribute("errors", parsed.errors());
        if (parsed.valid()) {
            try {
                AuditActivity activity = review.activity(parsed.filter());
                model.addAttribute("activity", activity);
                model.addAttribute("chartJson", charts.json(activity, locale));
            } catch (BaomiException e) {
                if (e.kind() != BaomiException.Kind.INVALID) {
                    throw e;
                }
                model.addAttribute("chartError", e.messageKey());
            }
        }
        return "audit/entries :: charts";
    }

    private String show(ConsoleView view, HttpServletRequest request, Model model, HttpServletResponse response) {
        boolean part = Htmx.wantsPart(request);
        AuditFilterForm.Parsed parsed = view.fullForm().parse(clock.getZone());
        model.addAttribute("form", view.pageForm());
        model.addAttribute("view", view);
        model.addAttribute("groups", AuditActionGroup.values());
        model.addAttribute("outcomes", AuditOutcome.values());
        model.addAttribute("levels", SecretLevel.values());
        model.addAttribute("errors", parsed.errors());
        model.addAttribute("exportLimit", AuditReview.EXPORT_LIMIT);
        model.addAttribute("countCap", AuditReview.COUNT_CAP);
        if (parsed.valid()) {
            AuditSlice slice = review.entries(parsed.filter(), parsed.before(), parsed.after(), AuditReview.PAGE_SIZE);
            model.addAttribute("slice", slice);
            model.addAttribute("rows", views.listRows(slice.rows()));
            if (view.scope() == ConsoleView.Scope.PERSON && !slice.isEmpty()) {
                model.addAttribute("scopeName", slice.rows().get(0).actorName());
            }
        } else if (!part) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return part ? "audit/entries :: results" : "audit/entries";
    }

    private static String segment(String value) {
        return UriUtils.encodePathSegment(FilterInputs.echo(value), java.nio.charset.StandardCharsets.UTF_8);
    }
}
