package org.baomi.document.web;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

import org.baomi.document.DocumentYearEndReturn;
import org.baomi.document.ReturnItem;
import org.baomi.document.ReturnProgress;
import org.baomi.iam.CsvExport;
import org.baomi.iam.OrganisationQueries;
import org.baomi.iam.OrganisationUnit;
import org.baomi.shared.BaomiException;
import org.baomi.shared.Notice;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office's year-end return screen (DOC-6): open the year's campaign, follow progress per department (progress
 * bars), the items per person, confirm returns (custodians), CSV.
 */
@Controller
@RequestMapping("/documents/year-end")
class YearEndController {

    private final DocumentYearEndReturn yearEnd;
    private final OrganisationQueries organisation;
    private final Clock clock;

    YearEndController(DocumentYearEndReturn yearEnd, OrganisationQueries organisation, Clock clock) {
        this.yearEnd = yearEnd;
        this.organisation = organisation;
        this.clock = clock;
    }

    @GetMapping
    String show(@RequestParam(required = false) Integer year, Model model, Locale locale) {
        int y = year == null ? clock.instant().atZone(clock.getZone()).getYear() : year;
        OptionalLong campaign = yearEnd.campaignOf(y);
        List<ReturnProgress> progress = List.of();
        List<ReturnItem> items = List.of();
        if (campaign.isPresent()) {
            progress = yearEnd.progress(campaign.getAsLong());
            items = yearEnd.items(campaign.getAsLong());
        }
        model.addAttribute("year", y);
        model.addAttribute("campaignId", campaign.isPresent() ? campaign.getAsLong() : null);
        model.addAttribute("progress", progress);
        model.addAttribute("items", items);
        Map<Long, String> departments = new HashMap<>();
        for (OrganisationUnit unit : organisation.departments()) {
            departments.put(unit.id(), unit.name().in(locale));
        }
        model.addAttribute("departments", departments);
        return "document/year-end";
    }

    @PostMapping
    String open(@RequestParam(required = false) Integer year, RedirectAttributes redirect) {
        int y = year == null ? clock.instant().atZone(clock.getZone()).getYear() : year;
        try {
            yearEnd.open(y);
            redirect.addFlashAttribute("notice", Notice.success("document.year-end.notice.opened", y));
        } catch (BaomiException e) {
            if (!e.belongsOnForm()) {
                throw e;
            }
            redirect.addFlashAttribute("problem", Notice.problem(e.messageKey(), e.args()));
        }
        return "redirect:/documents/year-end?year=" + y;
    }

    @PostMapping("/items/{itemId}/confirm")
    String confirm(@PathVariable String itemId, @RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "false") boolean kept, RedirectAttributes redirect) {
        long item = DocumentController.documentId(itemId);
        try {
            yearEnd.confirmReturn(item);
            redirect.addFlashAttribute("notice", Notice.success("document.year-end.notice.confirmed"));
        } catch (BaomiException e) {
            if (!e.belongsOnForm()) {
                throw e;
            }
            redirect.addFlashAttribute("problem", Notice.problem(e.messageKey(), e.args()));
        }
        if (kept) {
            // a custodian without the register's permission confirms from the worklist (DOC-6)
            return "redirect:/documents/kept#returns";
        }
        return "redirect:/documents/year-end" + (year == null ? "" : "?year=" + year);
    }

    @GetMapping("/{campaignId}/export")
    ResponseEntity<byte[]> export(@PathVariable String campaignId, Locale locale) {
        CsvExport csv = yearEnd.export(DocumentController.documentId(campaignId), locale);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + csv.filename() + "\"")
                .body(csv.content());
    }
}
