package org.baomi.iam.web;

import java.util.HashSet;

import jakarta.servlet.http.HttpServletRequest;
import org.baomi.iam.AccountDetails;
import org.baomi.iam.AccountQueries;
import org.baomi.iam.AccountService;
import org.baomi.iam.AccountSort;
import org.baomi.iam.AccountStatus;
import org.baomi.iam.InvalidInputException;
import org.baomi.iam.OneTimePassword;
import org.baomi.iam.OrganisationQueries;
import org.baomi.iam.PermissionGuard;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Account administration pages (ORG-5, ACC-2, ACC-3); every rule and permission check is in the services. */
@Controller
@RequestMapping("/iam/accounts")
class AccountController {

    private final AccountService accounts;
    private final AccountQueries queries;
    private final OrganisationQueries organisation;
    private final PermissionGuard guard;

    AccountController(AccountService accounts, AccountQueries queries, OrganisationQueries organisation,
            PermissionGuard guard) {
        this.accounts = accounts;
        this.queries = queries;
        this.organisation = organisation;
        this.guard = guard;
    }

    @GetMapping
    String list(@ModelAttribute("filter") AccountFilterForm filter, BindingResult ignoredBadValues, Model model,
            HttpServletRequest request) {
        model.addAttribute("results", queries.search(filter.toSearch()));
        if (Htmx.wantsPart(request)) {
            return "iam/accounts :: rows";
        }
        model.addAttribute("departments", organisation.departments());
        model.addAttribute("roles", queries.roleOptions());
        model.addAttribute("statuses", AccountStatus.values());
        model.addAttribute("sorts", AccountSort.values());
        model.addAttribute("canCreate", guard.has("iam:account:create"));
        return "iam/accounts";
    }

    @GetMapping("/new")
    String newAccount(Model model) {
        guard.require("iam:account:create");
        model.addAttribute("registerForm", new RegisterForm());
        return registerPage(model);
    }

    @PostMapping
    String register(@ModelAttribute RegisterForm registerForm, BindingResult binding, Model model) {
        if (binding.hasErrors()) {
            guard.require("iam:account:create");
            return registerPage(model);
        }
        try {
            OneTimePassword created = accounts.register(registerForm.toCommand());
            model.addAttribute("oneTime", created);
            model.addAttribute("created", true);
            return "iam/account-password";
        } catch (InvalidInputException invalid) {
            invalid.rejectOn(binding);
            return registerPage(model);
        }
    }

    private String registerPage(Model model) {
        model.addAttribute("departments", organisation.departments());
        model.addAttribute("posts", organisation.posts());
        return "iam/account-new";
    }

    @GetMapping("/{id}")
    String account(@PathVariable long id, Model model) {
        return accountPage(id, model);
    }

    @PostMapping("/{id}/profile")
    String updateProfile(@PathVariable long id, @ModelAttribute ProfileForm profileForm, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        return act(id, "profileForm", binding, model, redirect, "iam.admin.notice.profile-saved",
                () -> accounts.updateProfile(id, version(profileForm.getVersion()), profileForm.toCommand()));
    }

    @PostMapping("/{id}/status")
    String changeStatus(@PathVariable long id, @ModelAttribute StatusForm statusForm, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        return act(id, "statusForm", binding, model, redirect, "iam.admin.notice.status-changed",
                () -> accounts.changeStatus(id, version(statusForm.getVersion()), statusForm.getStatus(),
                        statusForm.getReason()));
    }

    @PostMapping("/{id}/roles")
    String assignRoles(@PathVariable long id, @ModelAttribute RolesForm rolesForm, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        return act(id, "rolesForm", binding, model, redirect, "iam.admin.notice.roles-saved",
                () -> accounts.assignRoles(id, version(rolesForm.getVersion()), rolesForm.getRoleIds()));
    }

    @PostMapping("/{id}/clearance")
    String setClearance(@PathVariable long id, @ModelAttribute ClearanceForm clearanceForm, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        return act(id, "clearanceForm", binding, model, redirect, "iam.admin.notice.clearance-saved",
                () -> accounts.setClearance(id, version(clearanceForm.getVersion()), clearanceForm.getClearance()));
    }

    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable long id, Model model, RedirectAttributes redirect) {
        return act(id, null, null, model, redirect, "iam.admin.notice.unlocked", () -> accounts.unlock(id));
    }

    @PostMapping("/{id}/second-factor-reset")
    String resetSecondFactor(@PathVariable long id, Model model, RedirectAttributes redirect) {
        return act(id, null, null, model, redirect, "iam.admin.notice.second-factor-reset",
                () -> accounts.resetSecondFactor(id));
    }

    @PostMapping("/{id}/reviewed")
    String markReviewed(@PathVariable long id, Model model, RedirectAttributes redirect) {
        return act(id, null, null, model, redirect, "iam.admin.notice.reviewed", () -> accounts.markAccessReviewed(id));
    }

    @PostMapping("/{id}/password-reset")
    String resetPassword(@PathVariable long id, Model model) {
        try {
            model.addAttribute("oneTime", accounts.resetPassword(id));
            model.addAttribute("created", false);
            return "iam/account-password";
        } catch (BaomiException e) {
            if (!AdminForms.showOnPage(e)) {
                throw e;
            }
            model.addAttribute("problem", Notice.problem(e.messageKey(), e.args()));
            return accountPage(id, model);
        }
    }

    /**
     * Runs an action of the account page: on success back to the page with a notice; on a refusal the page
     * again, with field errors on the form that was sent, or the refusal above the page. After a conflict the
     * forms show the current data.
     */
    private String act(long id, String formName, BindingResult binding, Model model, RedirectAttributes redirect,
            String successKey, Runnable action) {
        if (binding != null && binding.hasErrors()) {
            model.addAttribute("problem", Notice.problem("error.invalid"));
            return accountPage(id, model);
        }
        try {
            action.run();
            redirect.addFlashAttribute("notice", Notice.success(successKey));
            return "redirect:/iam/accounts/" + id;
        } catch (InvalidInputException invalid) {
            if (binding != null) {
                invalid.rejectOn(binding);
            }
            model.addAttribute("problem", Notice.problem("error.invalid"));
        } catch (BaomiException e) {
            if (!AdminForms.showOnPage(e)) {
                throw e;
            }
            if (e.kind() == BaomiException.Kind.CONFLICT && formName != null) {
                model.asMap().remove(formName);
                model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + formName);
            }
            model.addAttribute("problem", Notice.problem(e.messageKey(), e.args()));
        }
        return accountPage(id, model);
    }

    private String accountPage(long id, Model model) {
        AccountDetails account = queries.details(id);
        model.addAttribute("account", account);
        model.addAttribute("departments", organisation.departments());
        model.addAttribute("posts", organisation.posts());
        model.addAttribute("statuses", AccountStatus.values());
        model.addAttribute("levels", SecretLevel.values());
        model.addAttribute("canUpdate", guard.has("iam:account:update"));
        model.addAttribute("canAssignRoles", guard.has("iam:role:assign"));
        model.addAttribute("canSetClearance", guard.has("iam:clearance:assign"));
        model.addAttribute("canUnlock", guard.has("iam:account:unlock"));
        model.addAttribute("canResetSecondFactor", guard.has("iam:second-factor:reset"));
        model.addAttribute("canReview", guard.has("iam:access-review:manage"));
        model.addAttribute("roles", queries.roleOptions());
        if (!model.containsAttribute("profileForm")) {
            model.addAttribute("profileForm", ProfileForm.of(account));
        }
        if (!model.containsAttribute("statusForm")) {
            StatusForm status = new StatusForm();
            status.setVersion(account.version());
            status.setStatus(account.status());
            model.addAttribute("statusForm", status);
        }
        if (!model.containsAttribute("rolesForm")) {
            RolesForm roles = new RolesForm();
            roles.setVersion(account.version());
            roles.setRoleIds(new HashSet<>(account.roleIds()));
            model.addAttribute("rolesForm", roles);
        }
        if (!model.containsAttribute("clearanceForm")) {
            ClearanceForm clearance = new ClearanceForm();
            clearance.setVersion(account.version());
            clearance.setClearance(account.clearance());
            model.addAttribute("clearanceForm", clearance);
        }
        return "iam/account";
    }

    /** A version that did not arrive is a version nobody read: a conflict, not a crash. */
    private static int version(Integer version) {
        return version == null ? -1 : version;
    }
}
