package org.baomi.approval.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.baomi.approval.ApprovalBox;
import org.baomi.approval.ApprovalDetail;
import org.baomi.approval.ApprovalFilter;
import org.baomi.approval.ApprovalKind;
import org.baomi.approval.ApprovalKinds;
import org.baomi.approval.ApprovalPermissions;
import org.baomi.approval.ApprovalQueries;
import org.baomi.approval.ApprovalStatus;
import org.baomi.approval.Approvals;
import org.baomi.iam.CurrentUser;
import org.baomi.iam.InvalidInputException;
import org.baomi.iam.StaffPrincipal;
import org.baomi.shared.BaomiException;
import org.baomi.shared.Htmx;
import org.baomi.shared.Notice;
import org.baomi.shared.SecretLevel;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The approval screens (issue 4 item 4): the boxes "waiting for me", "my requests", "decided by me" with filters
 * and paging (one handler for the page and its htmx part), the request form the denial page leads to (ACC-4), a
 * request's detail with its whole history, the decision with confirmation, withdrawal, and bulk approval. The
 * module API checks who may do what and audits.
 */
@Controller
@RequestMapping("/approvals")
class ApprovalController {

    private final Approvals approvals;
    private final ApprovalQueries queries;
    private final ApprovalKinds kinds;
    private final CurrentUser currentUser;

    ApprovalController(Approvals approvals, ApprovalQueries queries, ApprovalKinds kinds, CurrentUser currentUser) {
        this.approvals = approvals;
        this.queries = queries;
        this.kinds = kinds;
        this.currentUser = currentUser;
    }

    @GetMapping
    String list(@RequestParam(required = false) String box, @RequestParam(required = false) String status,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String level,
            @RequestParam(required = false) String page, Model model, HttpServletRequest request) {
        StaffPrincipal me = currentUser.require();
        ApprovalBox chosen = parse(ApprovalBox.class, box);
        if (chosen == null) {
            chosen = me.hasPermission(ApprovalPermissions.INBOX) ? ApprovalBox.WAITING : ApprovalBox.MINE;
        }
        ApprovalStatus chosenStatus = parse(ApprovalStatus.class, status);
        SecretLevel chosenLevel = parse(SecretLevel.class, level);
        String chosenKind = kind != null && kinds.find(kind).isPresent() ? kind : null;
        Long pageNumber = ApprovalWeb.number(page);
        int p = pageNumber == null ? 0 : (int) Math.min(pageNumber, 10_000);
        model.addAttribute("box", chosen);
        model.addAttribute("boxes", ApprovalBox.values());
        model.addAttribute("statusFilter", chosenStatus);
        model.addAttribute("kindFilter", chosenKind);
        model.addAttribute("levelFilter", chosenLevel);
        model.addAttribute("statuses", ApprovalStatus.values());
        model.addAttribute("levels", SecretLevel.values());
        model.addAttribute("kinds", kinds.all());
        model.addAttribute("results", queries.list(me.accountId(),
                new ApprovalFilter(chosen, chosenStatus, chosenKind, chosenLevel, p, 20)));
        model.addAttribute("bulkKinds", kinds.all().stream().filter(ApprovalKind::bulkAllowed)
                .map(ApprovalKind::code).toList());
        return Htmx.wantsPart(request) ? "approval/list :: results" : "approval/list";
    }

    @GetMapping("/new")
    String newRequest(@RequestParam(required = false) String kind, @RequestParam(required = false) String type,
            @RequestParam(required = false) String id, @RequestParam(required = false) String action, Model model) {
        currentUser.require();
        RequestForm form = new RequestForm();
        if (kind != null && !kind.isBlank()) {
            form.setKind(kind.strip());
        }
        form.setSubjectType(type);
        form.setSubjectId(id);
        if (action != null && !action.isBlank()) {
            form.setAction(action.strip().toUpperCase(Locale.ROOT));
        }
        model.addAttribute("requestForm", form);
        return form(model, form);
    }

    @PostMapping
    String submit(@ModelAttribute RequestForm requestForm, BindingResult binding, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        StaffPrincipal me = currentUser.require();
        try {
            long id = approvals.submit(requestForm.toCommand(me.accountId()));
            redirect.addFlashAttribute("notice", Notice.success("approval.notice.submitted", id));
            return "redirect:/approvals/" + id;
        } catch (InvalidInputException invalid) {
            invalid.rejectOn(binding);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model, requestForm);
        } catch (BaomiException e) {
            if (!e.belongsOnForm()) {
                throw e;
            }
            binding.reject(e.messageKey(), e.args(), e.messageKey());
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return form(model, requestForm);
        }
    }

    private String form(Model model, RequestForm form) {
        ApprovalKind kind = kinds.find(form.getKind()).orElse(null);
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", kinds.all());
        model.addAttribute("actions", kind == null || kind.grant() == null ? List.of()
                : kind.grant().actions().stream().sorted().toList());
        return "approval/new";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable String id, Model model) {
        StaffPrincipal me = currentUser.require();
        ApprovalDetail detail = queries.detail(ApprovalWeb.id(id), me.accountId());
        model.addAttribute("detail", detail);
        model.addAttribute("kind", kinds.find(detail.summary().kind()).orElse(null));
        return "approval/detail";
    }

    @PostMapping("/{id}/decision")
    String decide(@PathVariable String id, @RequestParam(required = false) String decision,
            @RequestParam(required = false) String comment, @RequestParam(required = false) String version,
            @RequestParam(defaultValue = "false") boolean confirm, RedirectAttributes redirect) {
        StaffPrincipal me = currentUser.require();
        long approvalId = ApprovalWeb.id(id);
        Notice outcome;
        if (!"approve".equals(decision) && !"refuse".equals(decision)) {
            outcome = Notice.problem("approval.error.decision-required");
        } else if (!confirm) {
            outcome = Notice.problem("approval.error.confirm-required");
        } else {
            Long expected = ApprovalWeb.number(version);
            try {
                approvals.decide(approvalId, me.accountId(), "approve".equals(decision), comment,
                        expected == null ? -1 : expected.intValue());
                outcome = Notice.success("approve".equals(decision) ? "approval.notice.approved"
                        : "approval.notice.refused", approvalId);
            } catch (InvalidInputException invalid) {
                outcome = Notice.problem(invalid.problems().get(0).messageKey(), invalid.problems().get(0).args());
            } catch (BaomiException e) {
                if (!e.belongsOnForm() && e.kind() != BaomiException.Kind.FORBIDDEN) {
                    throw e;
                }
                outcome = Notice.problem(e.messageKey(), e.args());
            }
        }
        redirect.addFlashAttribute("notice", outcome);
        return "redirect:/approvals/" + approvalId;
    }

    @PostMapping("/{id}/withdraw")
    String withdraw(@PathVariable String id, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        StaffPrincipal me = currentUser.require();
        long approvalId = ApprovalWeb.id(id);
        Notice outcome;
        try {
            approvals.withdraw(approvalId, me.accountId(), reason);
            outcome = Notice.success("approval.notice.withdrawn", approvalId);
        } catch (InvalidInputException invalid) {
            outcome = Notice.problem(invalid.problems().get(0).messageKey(), invalid.problems().get(0).args());
        } catch (BaomiException e) {
            if (!e.belongsOnForm() && e.kind() != BaomiException.Kind.FORBIDDEN) {
                throw e;
            }
            outcome = Notice.problem(e.messageKey(), e.args());
        }
        redirect.addFlashAttribute("notice", outcome);
        return "redirect:/approvals/" + approvalId;
    }

    @PostMapping("/bulk")
    String approveAll(@RequestParam(name = "ids", required = false) List<String> ids,
            @RequestParam(required = false) String comment, @RequestParam(defaultValue = "false") boolean confirm,
            RedirectAttributes redirect) {
        StaffPrincipal me = currentUser.require();
        List<Long> parsed = new ArrayList<>();
        for (String raw : ids == null ? List.<String>of() : ids) {
            Long n = ApprovalWeb.number(raw);
            if (n != null) {
                parsed.add(n);
            }
        }
        Notice outcome;
        if (!confirm) {
            outcome = Notice.problem("approval.error.confirm-required");
        } else {
            try {
                int count = approvals.approveAll(parsed, me.accountId(), comment);
                outcome = Notice.success("approval.notice.bulk-approved", count);
            } catch (InvalidInputException invalid) {
                outcome = Notice.problem(invalid.problems().get(0).messageKey(), invalid.problems().get(0).args());
            } catch (BaomiException e) {
                if (!e.belongsOnForm() && e.kind() != BaomiException.Kind.FORBIDDEN) {
                    throw e;
                }
                outcome = Notice.problem(e.messageKey(), e.args());
            }
        }
        redirect.addFlashAttribute("notice", outcome);
        return "redirect:/approvals";
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
