package org.baomi.monitor.web;

import org.baomi.monitor.PrivacyCaseWorkflow;
import org.baomi.monitor.PrivacyCases;
import org.baomi.shared.BaomiException;
import org.baomi.shared.Notice;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A department head's part of a case (issue 7 item 4; PAT-4): the cases of their department that await their
 * explanation, a case's alerts as far as they need them, and their answer. The module API checks that they head
 * the person's department (refusals audited).
 */
@Controller
class CaseExplanationController {

    private final PrivacyCases cases;
    private final PrivacyCaseWorkflow workflow;

    CaseExplanationController(PrivacyCases cases, PrivacyCaseWorkflow workflow) {
        this.cases = cases;
        this.workflow = workflow;
    }

    @GetMapping("/privacy/monitoring/explanations")
    String awaiting(Model model) {
        model.addAttribute("caseIds", cases.awaitingMyExplanation());
        return "monitor/explanations";
    }

    @GetMapping("/privacy/monitoring/cases/{id}/explain")
    String form(@PathVariable String id, Model model) {
        model.addAttribute("view", cases.viewForExplanation(CaseController.id(id)));
        return "monitor/explain";
    }

    @PostMapping("/privacy/monitoring/cases/{id}/explain")
    String explain(@PathVariable String id, @RequestParam(required = false) String explanation,
            RedirectAttributes redirect) {
        long caseId = CaseController.id(id);
        try {
            workflow.explain(caseId, explanation);
            redirect.addFlashAttribute("notice", Notice.success("monitor.cases.notice.explained", caseId));
            return "redirect:/privacy/monitoring/explanations";
        } catch (BaomiException e) {
            AlertController.flash(e, redirect);
            return "redirect:/privacy/monitoring/cases/" + caseId + "/explain";
        }
    }
}
