package org.baomi.privacy.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.baomi.iam.OrganisationQueries;
import org.baomi.privacy.ResearchCohort;
import org.baomi.privacy.ResearchExportFile;
import org.baomi.privacy.ResearchExports;
import org.baomi.shared.BaomiException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletResponse;

/**
 * De-identified research exports (issue 6 item 3): the cohort form and one's requests; a new request leads on to the
 * president's approval form; a download is the CSV once approved (otherwise the decision point's denial page).
 */
@Controller
@RequestMapping("/privacy/research")
class ResearchExportController {

    private final ResearchExports research;
    private final OrganisationQueries organisation;

    ResearchExportController(ResearchExports research, OrganisationQueries organisation) {
        this.research = research;
        this.organisation = organisation;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("requests", research.mine());
        model.addAttribute("departments", organisation.departments());
        return "privacy/research";
    }

    @PostMapping
    String request(@RequestParam(required = false) String department, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String icd10, Model model,
            HttpServletResponse response) {
        try {
            long id = research.request(new ResearchCohort(department, date(from), date(to), icd10));
            return "redirect:" + UriComponentsBuilder.fromPath("/approvals/new")
                    .queryParam("kind", ResearchExports.APPROVAL_KIND).queryParam("type", ResearchExports.OBJECT_TYPE)
                    .queryParam("id", id).queryParam("action", "EXPORT").build().toUriString();
        } catch (BaomiException e) {
            if (e.kind() != BaomiException.Kind.INVALID) {
                throw e;
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errorKey", e.messageKey());
            model.addAttribute("department", department);
            model.addAttribute("from", from);
            model.addAttribute("to", to);
            model.addAttribute("icd10", icd10);
            return page(model);
        }
    }

    @GetMapping("/{id}/export")
    ResponseEntity<byte[]> download(@PathVariable String id) {
        long requestId;
        try {
            requestId = Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw BaomiException.notFound("privacy.research.error.not-found");
        }
        ResearchExportFile file = research.download(requestId);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Rows", Integer.toString(file.rows()))
                .header("X-Suppressed", Integer.toString(file.suppressed())).body(file.csv());
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw BaomiException.invalid("privacy.research.error.date-format");
        }
    }
}
