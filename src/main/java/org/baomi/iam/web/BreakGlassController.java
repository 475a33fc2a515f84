package org.baomi.iam.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.baomi.shared.Notice;
import jakarta.servlet.http.HttpServletRequest;
import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessPermissions;
import org.baomi.iam.AccessPerson;
import org.baomi.iam.AccessPolicies;
import org.baomi.iam.AccessPolicyRule;
import org.baomi.iam.BreakGlassSession;
import org.baomi.iam.BreakGlassVerdict;
import org.baomi.iam.BreakTheGlass;
import org.baomi.iam.CurrentUser;
import org.baomi.iam.NeedToKnow;
import org.baomi.iam.PermissionGuard;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.internal.account.StaffNumbers;
import org.baomi.shared.BaomiException;
import org.baomi.shared.Htmx;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Break the glass (issue 3 items 2 and 4): the staff member's form (stated reason, the time box shown, a
 * confirmation) and the confidentiality office's review worklist ({@link AccessPermissions#BREAK_GLASS_REVIEW}).
 * {@link BreakTheGlass} checks, alerts the office and audits.
 */
@Controller
@RequestMapping("/access/break-glass")
class BreakGlassController {

    private final BreakTheGlass breakTheGlass;
    private final AccessPolicies policies;
    private final CurrentUser currentUser;
    private final PermissionGuard guard;
    private final StaffNumbers staffNumbers;

    BreakGlassController(BreakTheGlass breakTheGlass, AccessPolicies policies, CurrentUser currentUser,
            PermissionGuard guard, StaffNumbers staffNumbers) {
        this.breakTheGlass = breakTheGlass;
        this.policies = policies;
        this.currentUser = currentUser;
        this.guard = guard;
        this.staffNumbers = staffNumbers;
    }

    /** A session awaiting review with the person who opened it. */
    record PendingRow(BreakGlassSession session, AccessPerson person) {
    }

    @GetMapping("/new")
    String form(@ModelAttribute("glass") BreakGlassForm glass, BindingResult ignoredBadValues, Model model) {
        currentUser.require();
        model.addAttribute("minutes", timeBox(glass.getType()).orElse(null));
        model.addAttribute("minReason", BreakTheGlass.MIN_REASON_LENGTH);
        return "access/break-glass";
    }

    @PostMapping
    String open(@ModelAttribute("glass") BreakGlassForm glass, BindingResult binding, Model model) {
        long personId = currentUser.require().accountId();
        model.addAttribute("minutes", timeBox(glass.getType()).orElse(null));
        model.addAttribute("minReason", BreakTheGlass.MIN_REASON_LENGTH);
        ResourceRef ref = resource(glass, binding);
        if (!glass.isConfirm()) {
            binding.rejectValue("confirm", "access-web.break-glass.confirm.required");
        }
        if (ref == null || binding.hasErrors()) {
            return "access/break-glass";
        }
        BreakGlassSession session;
        try {
            session = breakTheGlass.open(personId, ref, glass.getReason());
            model.addAttribute("glassSession", session);
        } catch (BaomiException e) {
            if (e.kind() != BaomiException.Kind.INVALID && e.kind() != BaomiException.Kind.FORBIDDEN) {
                throw e;
            }
            binding.reject(e.messageKey(), e.args(), e.messageKey());
            return "access/break-glass";
        }
        if (isLocalPath(glass.getReturnTo())) {
            // back to the refused page (the patient page): the open session now satisfies need-to-know there
            return "redirect:" + glass.getReturnTo();
        }
        return "access/break-glass-opened";
    }

    /** Only a path of this application: no scheme, no host, no protocol-relative "//", no line breaks. */
    static boolean isLocalPath(String path) {
        return path != null && path.length() <= 2000 && path.startsWith("/") && !path.startsWith("//")
                && !path.startsWith("/\\") && path.chars().noneMatch(c -> c < 0x20 || c == '\\');
    }

    /** The office's home-page duty links here (access.break-glass-review). */
    @GetMapping
    String worklist() {
        return "redirect:/access/break-glass/reviews";
    }

    @GetMapping("/reviews")
    String reviews(Model model) {
        guard.require(AccessPermissions.BREAK_GLASS_REVIEW);
        List<PendingRow> rows = new ArrayList<>();
        for (BreakGlassSession session : breakTheGlass.awaitingReview()) {
            rows.add(new PendingRow(session, staffNumbers.personOf(session.personId())
                    .orElse(new AccessPerson(session.personId(), "", ""))));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("verdicts", BreakGlassVerdict.values());
        return "access/break-glass-reviews";
    }

    @PostMapping("/reviews/{id}")
    String review(@PathVariable long id, @ModelAttribute("review") ReviewForm review, Model model,
            RedirectAttributes redirect, HttpServletRequest request) {
        guard.require(AccessPermissions.BREAK_GLASS_REVIEW);
        Notice outcome;
        BreakGlassSession reviewed = null;
        BreakGlassVerdict verdict = verdict(review.getVerdict());
        if (verdict == null) {
            outcome = Notice.problem("access-web.break-glass.verdict.required");
        } else {
            try {
                reviewed = breakTheGlass.review(id, verdict, review.getComment());
                outcome = Notice.success("access-web.break-glass.reviewed", id);
            } catch (BaomiException e) {
                if (!AdminForms.showOnPage(e) && e.kind() != BaomiException.Kind.NOT_FOUND) {
                    throw e;
                }
                outcome = Notice.problem(e.messageKey(), e.args());
            }
        }
        if (!Htmx.wantsPart(request)) {
            redirect.addFlashAttribute("notice", outcome);
            return "redirect:/access/break-glass/reviews";
        }
        model.addAttribute("rowNotice", outcome);
        model.addAttribute("reviewed", reviewed);
        model.addAttribute("sessionId", id);
        return "access/break-glass-reviews :: outcome";
    }

    private Optional<Integer> timeBox(String type) {
        if (type == null || !ResourceRef.TYPE_FORMAT.matcher(type).matches()) {
            return Optional.empty();
        }
        return policies.current().rules().stream()
                .filter(r -> r.resourceType().equals(type) && r.action() == AccessAction.READ
                        && r.allows(NeedToKnow.BREAK_GLASS))
                .map(AccessPolicyRule::breakGlassMinutes).findFirst();
    }

    private static ResourceRef resource(BreakGlassForm glass, BindingResult binding) {
        boolean ok = true;
        if (glass.getType() == null || !ResourceRef.TYPE_FORMAT.matcher(glass.getType()).matches()) {
            binding.rejectValue("type", "access-web.api.resource-type.invalid");
            ok = false;
        }
        if (glass.getId() == null || glass.getId().isEmpty() || glass.getId().length() > 100) {
            binding.rejectValue("id", "access-web.api.resource-id.invalid");
            ok = false;
        }
        return ok ? new ResourceRef(glass.getType(), glass.getId()) : null;
    }

    private static BreakGlassVerdict verdict(String value) {
        for (BreakGlassVerdict v : BreakGlassVerdict.values()) {
            if (v.name().equals(value)) {
                return v;
            }
        }
        return null;
    }
}
