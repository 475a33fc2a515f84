package org.baomi.iam.web;

import java.util.List;

import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessPermissions;
import org.baomi.iam.AccessPolicies;
import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.iam.NeedToKnow;
import org.baomi.iam.PermissionGuard;
import org.baomi.iam.PolicyVersion;
import org.baomi.shared.BaomiException;
import org.baomi.shared.Notice;
import org.baomi.shared.SecretLevel;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The policy editor of the security administrator (issue 3 item 3, {@link AccessPermissions#POLICY_MANAGE}): the
 * rules in force, a draft edited as a table, validation with translated field errors, a preview of the effect
 * (these 12 people gain access, these 3 lose it), saving with a reason, the version history and a diff between
 * versions. {@link AccessPolicies} validates, versions and audits.
 */
@Controller
@RequestMapping("/access/policy")
class PolicyController {

    private final AccessPolicies policies;
    private final PermissionGuard guard;

    PolicyController(AccessPolicies policies, PermissionGuard guard) {
        this.policies = policies;
        this.guard = guard;
    }

    @GetMapping
    String current(Model model) {
        guard.require(AccessPermissions.POLICY_MANAGE);
        model.addAttribute("version", policies.current());
        return "access/policy";
    }

    @GetMapping("/edit")
    String edit(Model model) {
        guard.require(AccessPermissions.POLICY_MANAGE);
        model.addAttribute("policyForm", PolicyForm.of(policies.current()));
        addChoices(model);
        return "access/policy-edit";
    }

    @PostMapping("/edit")
    String submit(@ModelAttribute PolicyForm policyForm, BindingResult binding,
            @RequestParam(defaultValue = "validate") String op, Model model, RedirectAttributes redirect) {
        guard.require(AccessPermissions.POLICY_MANAGE);
        addChoices(model);
        policyForm.dropRemoved();
        if ("add".equals(op)) {
            policyForm.addRow();
            return "access/policy-edit";
        }
        if (binding.hasErrors()) {
            // A number that is not one: shown on its field; nothing else is checked until it is fixed.
            return "access/policy-edit";
        }
        List<FieldProblem> problems = policies.validate(policyForm.toDraft());
        if (!problems.isEmpty()) {
            new InvalidInputException(problems).rejectOn(binding);
            return "access/policy-edit";
        }
        try {
            switch (op) {
                case "preview" -> model.addAttribute("preview", policies.preview(policyForm.toDraft()));
                case "save" -> {
                    PolicyVersion saved = policies.save(policyForm.toDraft());
                    redirect.addFlashAttribute("notice", Notice.success("access-web.policy.saved", saved.version()));
                    return "redirect:/access/policy";
                }
                default -> model.addAttribute("valid", true);
            }
        } catch (InvalidInputException invalid) {
            invalid.rejectOn(binding);
        } catch (BaomiException e) {
            if (!AdminForms.showOnPage(e)) {
                throw e;
            }
            binding.reject(e.messageKey(), e.args(), e.messageKey());
        }
        return "access/policy-edit";
    }

    @GetMapping("/history")
    String history(Model model) {
        model.addAttribute("versions", policies.history());
        return "access/policy-history";
    }

    @GetMapping("/diff")
    String diff(@RequestParam long from, @RequestParam long to, Model model) {
        List<PolicyVersion> versions = policies.history();
        PolicyVersion older = find(versions, from);
        PolicyVersion newer = find(versions, to);
        model.addAttribute("diff", PolicyDiff.between(older, newer));
        return "access/policy-diff";
    }

    private static PolicyVersion find(List<PolicyVersion> versions, long number) {
        return versions.stream().filter(v -> v.version() == number).findFirst()
                .orElseThrow(() -> BaomiException.notFound("access-web.policy.version.unknown", number));
    }

    private static void addChoices(Model model) {
        model.addAttribute("actions", AccessAction.values());
        model.addAttribute("bases", NeedToKnow.values());
        model.addAttribute("levels", SecretLevel.values());
    }
}
