package org.baomi.approval.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

import jakarta.servlet.http.HttpServletResponse;
import org.baomi.approval.ApprovalDelegations;
import org.baomi.iam.CurrentUser;
import org.baomi.iam.InvalidInputException;
import org.baomi.iam.StaffPrincipal;
import org.baomi.shared.Notice;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Delegation while on leave (issue 4 item 2): one's own delegations, given and received; a new one; revoking. */
@Controller
@RequestMapping("/approvals/delegations")
class DelegationController {

    private final ApprovalDelegations delegations;
    private final CurrentUser currentUser;
    private final Clock clock;

    DelegationController(ApprovalDelegations delegations, CurrentUser currentUser, Clock clock) {
        this.delegations = delegations;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The delegation form; times are local date-times of Baomi's zone ("2026-11-30T18:00"). */
    public static class DelegationForm {
        private String delegateStaffNo;
        private String validUntil;
        private String reason;

        public String getDelegateStaffNo() {
            return delegateStaffNo;
        }

        public void setDelegateStaffNo(String delegateStaffNo) {
            this.delegateStaffNo = delegateStaffNo;
        }

        public String getValidUntil() {
            return validUntil;
        }

        public void setValidUntil(String validUntil) {
            this.validUntil = validUntil;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("delegationForm", new DelegationForm());
        return page(model);
    }

    @PostMapping
    String delegate(@ModelAttribute DelegationForm delegationForm, BindingResult binding, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        StaffPrincipal me = currentUser.require();
        Instant until = null;
        if (delegationForm.getValidUntil() != null && !delegationForm.getValidUntil().isBlank()) {
            try {
                until = LocalDateTime.parse(delegationForm.getValidUntil().strip()).atZone(clock.getZone()).toInstant();
            } catch (DateTimeParseException e) {
                binding.rejectValue("validUntil", "approval.delegation.error.until-required");
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                return page(model);
            }
        }
        try {
            long id = delegations.delegate(me.accountId(), delegationForm.getDelegateStaffNo(), null, until,
                    delegationForm.getReason());
            redirect.addFlashAttribute("notice", Notice.success("approval.notice.delegated", id));
            return "redirect:/approvals/delegations";
        } catch (InvalidInputException invalid) {
            invalid.rejectOn(binding);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model);
        }
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable String id, RedirectAttributes redirect) {
        StaffPrincipal me = currentUser.require();
        long delegationId = ApprovalWeb.id(id);
        delegations.revoke(delegationId, me.accountId());
        redirect.addFlashAttribute("notice", Notice.success("approval.notice.delegation-revoked", delegationId));
        return "redirect:/approvals/delegations";
    }

    private String page(Model model) {
        StaffPrincipal me = currentUser.require();
        model.addAttribute("self", me);
        model.addAttribute("now", clock.instant());
        model.addAttribute("delegations", delegations.of(me.accountId()));
        return "approval/delegations";
    }
}
