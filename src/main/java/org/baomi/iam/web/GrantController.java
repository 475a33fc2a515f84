package org.baomi.iam.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.baomi.iam.AccessGrant;
import org.baomi.iam.AccessGrants;
import org.baomi.iam.AccessPermissions;
import org.baomi.iam.AccessPerson;
import org.baomi.iam.GrantAdministration;
import org.baomi.iam.PermissionGuard;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.internal.account.StaffNumbers;
import org.baomi.shared.BaomiException;
import org.baomi.shared.Notice;
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
 * The grants that work now, per person or per object, and their revocation with a stated reason (ACC-4, ACC-6).
 * Listing needs {@link AccessPermissions#QUERY}; revoking {@link AccessPermissions#GRANT_MANAGE}, both
 * confidentiality office permissions no 三员 role holds (ORG-5). {@link GrantAdministration} checks both and audits
 * the listing and the revocation.
 */
@Controller
@RequestMapping("/access/grants")
class GrantController {

    private final AccessGrants grants;
    private final GrantAdministration administration;
    private final PermissionGuard guard;
    private final StaffNumbers staffNumbers;

    GrantController(AccessGrants grants, GrantAdministration administration, PermissionGuard guard,
            StaffNumbers staffNumbers) {
        this.grants = grants;
        this.administration = administration;
        this.guard = guard;
        this.staffNumbers = staffNumbers;
    }

    /** A grant with the person it was given to. */
    record GrantRow(AccessGrant grant, AccessPerson person) {
    }

    @GetMapping
    String list(@ModelAttribute("query") AccessQueryForm query, BindingResult ignoredBadValues, Model model) {
        guard.require(AccessPermissions.QUERY);
        List<AccessGrant> found = List.of();
        String problem = null;
        if (query.getStaffNo() != null && !query.getStaffNo().isEmpty()) {
            Optional<AccessPerson> person = staffNumbers.personOf(query.getStaffNo());
            if (person.isPresent()) {
                found = administration.activeOf(person.get().personId());
            } else {
                problem = "access-web.api.person.unknown";
            }
        } else if (query.getType() != null || query.getId() != null) {
            if (query.objectProblems().isEmpty()) {
                found = administration.activeOn(query.resource());
            } else {
                problem = "access-web.query.incomplete";
            }
        }
        List<GrantRow> rows = new ArrayList<>();
        for (AccessGrant grant : found) {
            rows.add(new GrantRow(grant, staffNumbers.personOf(grant.personId())
                    .orElse(new AccessPerson(grant.personId(), "", ""))));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("problem", problem == null ? null : Notice.problem(problem));
        model.addAttribute("canRevoke", guard.has(AccessPermissions.GRANT_MANAGE));
        return "access/grants";
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "false") boolean confirm, RedirectAttributes redirect) {
        // checked before anything about the grant is shown (GrantAdministration.revoke checks it again)
        guard.require(AccessPermissions.GRANT_MANAGE);
        AccessGrant grant = grants.find(id).orElseThrow(() -> BaomiException.notFound("error.not-found"));
        Notice outcome;
        if (!confirm) {
            outcome = Notice.problem("access-web.grants.confirm.required");
        } else if (reason == null || reason.isBlank()) {
            outcome = Notice.problem("access-web.grants.reason.required");
        } else {
            try {
                administration.revoke(id, reason.strip());
                outcome = Notice.success("access-web.grants.revoked", id);
            } catch (BaomiException e) {
                if (!AdminForms.showOnPage(e)) {
                    throw e;
                }
                outcome = Notice.problem(e.messageKey(), e.args());
            }
        }
        redirect.addFlashAttribute("notice", outcome);
        ResourceRef ref = grant.resource();
        redirect.addAttribute("type", ref.type());
        redirect.addAttribute("id", ref.id());
        return "redirect:/access/grants";
    }
}
