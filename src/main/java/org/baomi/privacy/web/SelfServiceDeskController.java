package org.baomi.privacy.web;

import java.util.List;

import org.baomi.privacy.SelfServiceCode;
import org.baomi.privacy.SelfServiceDesk;
import org.baomi.privacy.SelfServicePatient;
import org.baomi.shared.BaomiException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The desk's screen (ACC-5): find the patient by MRN or ID number and issue a one-time code, shown once on the answer
 * to the POST (never stored, never redirected to a page that could be reloaded or cached).
 */
@Controller
@RequestMapping("/privacy/self-service-desk")
class SelfServiceDeskController {

    private final SelfServiceDesk desk;

    SelfServiceDeskController(SelfServiceDesk desk) {
        this.desk = desk;
    }

    @GetMapping
    String find(@RequestParam(required = false) String q, Model model, HttpServletResponse response) {
        model.addAttribute("q", q);
        if (q != null && !q.isBlank()) {
            try {
                List<SelfServicePatient> found = desk.find(q);
                model.addAttribute("patients", found);
            } catch (BaomiException e) {
                if (e.kind() != BaomiException.Kind.INVALID) {
                    throw e;
                }
                response.setStatus(400);
                model.addAttribute("errorKey", e.messageKey());
            }
        }
        return "privacy/self-service-desk";
    }

    @PostMapping("/codes")
    String issue(@RequestParam(required = false) String patientId, Model model, HttpServletResponse response) {
        long id;
        try {
            id = Long.parseLong(patientId == null ? "" : patientId.strip());
        } catch (NumberFormatException e) {
            throw BaomiException.notFound("privacy-self.desk.error.not-found");
        }
        SelfServiceCode code;
        try {
            code = desk.issueCode(id);
        } catch (BaomiException e) {
            if (e.kind() != BaomiException.Kind.TOO_MANY_REQUESTS) {
                throw e;
            }
            // ACC-5: the clerk's hourly limit, shown on the desk's own page
            response.setStatus(429);
            model.addAttribute("errorKey", e.messageKey());
            return "privacy/self-service-desk";
        }
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("issued", code);
        return "privacy/self-service-desk";
    }
}
