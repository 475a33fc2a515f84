package org.baomi.privacy.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.baomi.iam.OrganisationQueries;
import org.baomi.privacy.PatientFilter;
import org.baomi.privacy.PatientListing;
import org.baomi.privacy.PatientPages;
import org.baomi.privacy.PatientPurpose;
import org.baomi.privacy.PatientView;
import org.baomi.shared.BaomiException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Staff's patient pages (issue 6 item 2): search and a patient's record by purpose (PAT-3). The module API asks the
 * decision point and audits; a refusal becomes the decision point's denial page with the approval route and
 * break-the-glass. Parameters are taken as text so that malformed ones get a translated message, not a 400 page.
 */
@Controller
@RequestMapping("/privacy/patients")
class PatientController {

    private final PatientPages pages;
    private final OrganisationQueries organisation;
    private final MessageSource messages;

    PatientController(PatientPages pages, OrganisationQueries organisation, MessageSource messages) {
        this.pages = pages;
        this.organisation = organisation;
        this.messages = messages;
    }

    @GetMapping
    String search(@RequestParam(required = false) String mrn, @RequestParam(required = false) String name,
            @RequestParam(required = false) String department, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Model model, HttpServletResponse response) {
        model.addAttribute("mrn", mrn);
        model.addAttribute("name", name);
        model.addAttribute("department", department);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("departments", organisation.departments());
        try {
            List<PatientListing> found = pages.search(new PatientFilter(mrn, name, department, date(from),
                    date(to)));
            model.addAttribute("patients", found);
        } catch (BaomiException e) {
            if (e.kind() != BaomiException.Kind.INVALID) {
                throw e;
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("patients", List.of());
            model.addAttribute("errorKey", e.messageKey());
        }
        return "privacy/patients";
    }

    @GetMapping("/{id}")
    String show(@PathVariable String id, @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String glass, Model model, Locale locale) {
        PatientView patient = pages.view(number(id, "privacy.patients.error.not-found"), purpose(purpose),
                glass == null || glass.isBlank() ? null : number(glass, "privacy.patients.error.glass"));
        model.addAttribute("patient", patient);
        model.addAttribute("rows", PatientPageRows.of(patient, messages, locale));
        model.addAttribute("purposes", PatientPurpose.values());
        return "privacy/patient";
    }

    private static PatientPurpose purpose(String value) {
        if (value == null || value.isBlank()) {
            return PatientPurpose.TREATMENT;
        }
        for (PatientPurpose p : PatientPurpose.values()) {
            if (p.name().equalsIgnoreCase(value.strip())) {
                return p;
            }
        }
        throw BaomiException.invalid("privacy.patients.error.purpose");
    }

    private static long number(String value, String key) {
        try {
            long n = Long.parseLong(value.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, as every other malformed id
        }
        throw key.endsWith("not-found") ? BaomiException.notFound(key) : BaomiException.invalid(key);
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw BaomiException.invalid("privacy.patients.error.date-format");
        }
    }
}
