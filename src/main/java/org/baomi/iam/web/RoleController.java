package org.baomi.iam.web;

import org.baomi.iam.InvalidInputException;
import org.baomi.iam.PermissionGuard;
import org.baomi.iam.RoleService;
import org.baomi.iam.RoleSummary;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Roles and their permissions; business roles are created and edited here (ACC-2, ORG-5). */
@Controller
@RequestMapping("/iam/roles")
class RoleController {

    private final RoleService roles;
    private final PermissionGuard guard;

    RoleController(RoleService roles, PermissionGuard guard) {
        this.roles = roles;
        this.guard = guard;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("roles", roles.list());
        return "iam/roles";
    }

    @GetMapping("/new")
    String newRole(Model model) {
        guard.require("iam:role:manage");
        model.addAttribute("roleForm", new RoleForm());
        model.addAttribute("editing", null);
        return "iam/role-form";
    }

    @PostMapping
    String create(@ModelAttribute RoleForm roleForm, BindingResult binding, Model model, RedirectAttributes redirect) {
        model.addAttribute("editing", null);
        try {
            roles.createBusinessRole(roleForm.toDraft());
        } catch (InvalidInputException invalid) {
            invalid.rejectOn(binding);
            return "iam/role-form";
        }
        redirect.addFlashAttribute("notice", Notice.success("iam.admin.notice.role-created"));
        return "redirect:/iam/roles";
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        RoleSummary role = roles.find(id);
        model.addAttribute("editing", role);
        model.addAttribute("roleForm", RoleForm.of(role));
        return "iam/role-form";
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute RoleForm roleForm, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        RoleSummary role = roles.find(id);
        model.addAttribute("editing", role);
        roleForm.setCode(role.code());
        try {
            roles.updateBusinessRole(id, roleForm.getVersion() == null ? -1 : roleForm.getVersion(), roleForm.toDraft());
        } catch (InvalidInputException invalid) {
            invalid.rejectOn(binding);
            return "iam/role-form";
        } catch (BaomiException e) {
            if (!AdminForms.showOnPage(e)) {
                throw e;
            }
            if (e.kind() == BaomiException.Kind.CONFLICT) {
                model.addAttribute("roleForm", RoleForm.of(role));
            }
            model.addAttribute("problem", Notice.problem(e.messageKey(), e.args()));
            return "iam/role-form";
        }
        redirect.addFlashAttribute("notice", Notice.success("iam.admin.notice.role-saved"));
        return "redirect:/iam/roles";
    }
}
