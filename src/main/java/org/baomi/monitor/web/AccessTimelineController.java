package org.baomi.monitor.web;

import org.baomi.monitor.AccessTimelinePage;
import org.baomi.monitor.AccessTimelineService;
import org.baomi.shared.BaomiException;
import org.baomi.shared.Htmx;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;

/** A person's and a patient's access timelines (issue 7 item 7), newest first, paged, alerts marked. */
@Controller
@RequestMapping("/privacy/monitoring/timeline")
class AccessTimelineController {

    private final AccessTimelineService timelines;

    AccessTimelineController(AccessTimelineService timelines) {
        this.timelines = timelines;
    }

    @GetMapping("/person/{id}")
    String person(@PathVariable String id, @RequestParam(required = false) String page, Model model,
            HttpServletRequest request) {
        long personId = CaseController.id(id);
        return show(timelines.ofPerson(personId, page(page)), "person", personId, model, request);
    }

    @GetMapping("/patient/{id}")
    String patient(@PathVariable String id, @RequestParam(required = false) String page, Model model,
            HttpServletRequest request) {
        long patientId = CaseController.id(id);
        return show(timelines.ofPatient(patientId, page(page)), "patient", patientId, model, request);
    }

    private static String show(AccessTimelinePage timeline, String kind, long id, Model model,
            HttpServletRequest request) {
        String base = "/privacy/monitoring/timeline/" + kind + "/" + id;
        model.addAttribute("timeline", timeline);
        model.addAttribute("kind", kind);
        model.addAttribute("subjectId", id);
        model.addAttribute("previous", base + "?page=" + (timeline.page() - 1));
        model.addAttribute("next", base + "?page=" + (timeline.page() + 1));
        return Htmx.wantsPart(request) ? "monitor/timeline :: events" : "monitor/timeline";
    }

    private static int page(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        String v = value.strip();
        if (v.length() > 6 || !v.chars().allMatch(Character::isDigit)) {
            throw BaomiException.invalid("monitor.cases.error.number");
        }
        return Integer.parseInt(v);
    }
}
