package org.baomi.monitor.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.baomi.iam.RoleHolders;
import org.baomi.monitor.PrivacyCaseOutcome;
import org.baomi.monitor.PrivacyCaseSanction;
import org.baomi.monitor.PrivacyCaseStep;
import org.baomi.monitor.PrivacyCaseWorkflow;
import org.baomi.monitor.PrivacyCases;
import org.baomi.shared.BaomiException;
import org.baomi.shared.Notice;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case board and a case's page with the actions of its step (issue 7 items 4, 7; PAT-4, PEN-1..3). Every action
 * posts the case's version (a concurrent change is refused, not overwritten) and comes back to the case page with a
 * notice; an irreversible conclusion is confirmed in the browser first.
 */
@Controller
@RequestMapping("/privacy/monitoring/cases")
class CaseController {

    private final PrivacyCases cases;
    private final PrivacyCaseWorkflow workflow;
    private final RoleHolders roles;

    CaseController(PrivacyCases cases, PrivacyCaseWorkflow workflow, RoleHolders roles) {
        this.cases = cases;
        this.workflow = workflow;
        this.roles = roles;
    }

    @GetMapping
    String board(Model model) {
        model.addAttribute("board", cases.board());
        model.addAttribute("steps", PrivacyCaseStep.values());
        return "monitor/cases";
    }

    @PostMapping("/group")
    String group(RedirectAttributes redirect) {
        int n = workflow.group().size();
        redirect.addFlashAttribute("notice", Notice.success("monitor.cases.notice.grouped", n));
        return "redirect:/privacy/monitoring/cases";
    }

    @GetMapping("/{id}")
    String show(@PathVariable String id, Model model) {
        model.addAttribute("view", cases.view(id(id)));
        model.addAttribute("officers", roles.activeHolders(RoleHolders.CONFIDENTIALITY_OFFICE, null));
        model.addAttribute("outcomes", PrivacyCaseOutcome.values());
        model.addAttribute("sanctions", PrivacyCaseSanction.values());
        return "monitor/case";
    }

    @PostMapping("/{id}/assign")
    String assign(@PathVariable String id, @RequestParam(required = false) String version,
            @RequestParam(required = false) String assignee, RedirectAttributes redirect) {
        long caseId = id(id);
        return act(caseId, redirect, "monitor.cases.notice.assigned",
                () -> workflow.assign(caseId, version(version), number(assignee)));
    }

    @PostMapping("/{id}/dismiss")
    String dismiss(@PathVariable String id, @RequestParam(required = false) String version,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        long caseId = id(id);
        return act(caseId, redirect, "monitor.cases.notice.dismissed",
                () -> workflow.dismiss(caseId, version(version), reason));
    }

    @PostMapping("/{id}/request-explanation")
    String requestExplanation(@PathVariable String id, @RequestParam(required = false) String version,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        long caseId = id(id);
        return act(caseId, redirect, "monitor.cases.notice.explanation-requested",
                () -> workflow.requestExplanation(caseId, version(version), note));
    }

    @PostMapping("/{id}/interview")
    String interview(@PathVariable String id, @RequestParam(required = false) String version,
            @RequestParam(required = false) String interviewedOn, @RequestParam(required = false) String notes,
            RedirectAttributes redirect) {
        long caseId = id(id);
        return act(caseId, redirect, "monitor.cases.notice.interviewed",
                () -> workflow.recordInterview(caseId, version(version), date(interviewedOn), notes));
    }

    @PostMapping("/{id}/conclude")
    String conclude(@PathVariable String id, @RequestParam(required = false) String version,
            @RequestParam(required = false) String outcome, @RequestParam(required = false) String sanction,
            @RequestParam(required = false) String text, RedirectAttributes redirect) {
        long caseId = id(id);
        return act(caseId, redirect, "monitor.cases.notice.concluded",
                () -> workflow.conclude(caseId, version(version), choice(PrivacyCaseOutcome.class, outcome),
                        choice(PrivacyCaseSanction.class, sanction), text));
    }

    private static String act(long caseId, RedirectAttributes redirect, String successKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", Notice.success(successKey, caseId));
        } catch (BaomiException e) {
            AlertController.flash(e, redirect);
        }
        return "redirect:/privacy/monitoring/cases/" + caseId;
    }

    static long id(String value) {
        Long n = parse(value);
        if (n == null) {
            throw BaomiException.notFound("monitor.cases.error.not-found");
        }
        return n;
    }

    private static int version(String value) {
        Long n = value == null ? null : parse(value);
        if (n == null || n > Integer.MAX_VALUE) {
            throw BaomiException.conflict("monitor.cases.error.stale");
        }
        return n.intValue();
    }

    private static long number(String value) {
        Long n = value == null ? null : parse(value);
        if (n == null) {
            throw AlertFormProblems.invalid("assignee", "monitor.cases.error.assignee");
        }
        return n;
    }

    private static Long parse(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        return !v.isEmpty() && v.length() <= 18 && v.chars().allMatch(Character::isDigit) ? Long.valueOf(v) : null;
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw AlertFormProblems.invalid("interviewedOn", "monitor.cases.error.interview-date");
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.strip())) {
                return constant;
            }
        }
        throw AlertFormProblems.invalid(type == PrivacyCaseOutcome.class ? "outcome" : "sanction",
                "monitor.cases.error.choice");
    }
}
