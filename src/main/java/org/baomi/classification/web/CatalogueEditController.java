package org.baomi.classification.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.baomi.classification.CategorySummary;
import org.baomi.classification.ClassificationAdministration;
import org.baomi.classification.ClassificationCatalogue;
import org.baomi.classification.ClassificationPermissions;
import org.baomi.classification.GuideSection;
import org.baomi.classification.LevelDefinition;
import org.baomi.classification.PeriodKind;
import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.iam.PermissionGuard;
import org.baomi.shared.BaomiException;
import org.baomi.shared.Notice;
import org.baomi.shared.SecretLevel;
import org.springframework.context.support.DefaultMessageSourceResolvable;
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
 * The confidentiality office edits the catalogue: categories (create, edit, deactivate, reactivate — never
 * delete), level definitions and the guide's text. Every change asks for a reason; the module API checks the
 * permission, versions and audits the change. A stale form (someone else saved first) shows the current values
 * with a notice, status 409.
 */
@Controller
@RequestMapping("/classification")
class CatalogueEditController {

    private static final String CATEGORY_FORM = "classification/category-form";
    private static final String LEVEL_FORM = "classification/level-form";
    private static final String GUIDE_FORM = "classification/guide-form";

    private final ClassificationCatalogue catalogue;
    private final ClassificationAdministration administration;
    private final PermissionGuard guard;

    CatalogueEditController(ClassificationCatalogue catalogue, ClassificationAdministration administration,
            PermissionGuard guard) {
        this.catalogue = catalogue;
        this.administration = administration;
        this.guard = guard;
    }

    @GetMapping("/categories/new")
    String newCategory(Model model) {
        guard.require(ClassificationPermissions.MANAGE_CATALOGUE);
        CategoryForm form = new CategoryForm();
        form.setDefaultLevel(SecretLevel.SECRET.name());
        form.setPeriodKind(PeriodKind.YEARS.name());
        form.setSortOrder("0");
        model.addAttribute("categoryForm", form);
        return categoryForm(model, null);
    }

    @PostMapping("/categories")
    String create(@ModelAttribute CategoryForm categoryForm, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        guard.require(ClassificationPermissions.MANAGE_CATALOGUE);
        try {
            rejectUnparsable(categoryForm.unparsable());
            int version = administration.createCategory(categoryForm.toDraft(), categoryForm.getReason());
            redirect.addFlashAttribute("notice", Notice.success("classification.notice.category-created",
                    categoryForm.getCode().strip(), version));
        } catch (InvalidInputException invalid) {
            invalid.rejectOn(binding);
            return categoryForm(model, null);
        }
        return "redirect:/classification#categories";
    }

    @GetMapping("/categories/{code}")
    String edit(@PathVariable String code, Model model) {
        guard.require(ClassificationPermissions.MANAGE_CATALOGUE);
        CategorySummary category = category(code);
        model.addAttribute("categoryForm", CategoryForm.of(category));
        model.addAttribute("reasonForm", new ReasonForm());
        return categoryForm(model, category);
    }

    @PostMapping("/categories/{code}")
    String update(@PathVariable String code, @ModelAttribute CategoryForm categoryForm, BindingResult binding,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        guard.require(ClassificationPermissions.MANAGE_CATALOGUE);
        CategorySummary category = category(code);
        categoryForm.setCode(category.code());
        model.addAttribute("reasonForm", new ReasonForm());
        try {
            rejectUnparsable(categoryForm.unparsable());
            int version = administration.updateCategory(category.code(), versionOf(categoryForm.getVersion()),
                    categoryForm.toDraft(), categoryForm.getReason());
            redirect.addFlashAttribute("notice", Notice.success("classification.notice.category-saved",
                    category.code(), version));
        } catch (InvalidInputException invalid) {
            invalid.rejectOn(binding);
            return categoryForm(model, category);
        } catch (BaomiException e) {
            if (!e.belongsOnForm()) {
                throw e;
            }
            if (e.kind() == BaomiException.Kind.CONFLICT) {
                CategorySummary current = category(code);
                CategoryForm fresh = CategoryForm.of(current);
                fresh.setReason(categoryForm.getReason());
                model.addAttribute("categoryForm", fresh);
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                model.addAttribute("problem", Notice.problem(e.messageKey(), e.args()));
                return categoryForm(model, current);
            }
            model.addAttribute("problem", Notice.problem(e.messageKey(), e.args()));
            return categoryForm(model, category);
        }
        return "redirect:/classification#category-" + category.code();
    }

    @PostMapping("/categories/{code}/deactivate")
    String deactivate(@PathVariable String code, @ModelAttribute ReasonForm reasonForm, BindingResult binding,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return activation(code, reasonForm, binding, model, redirect, response, false);
    }

    @PostMapping("/categories/{code}/reactivate")
    String reactivate(@PathVariable String code, @ModelAttribute ReasonForm reasonForm, BindingResult binding,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return activation(code, reasonForm, binding, model, redirect, response, true);
    }

    private String activation(String code, ReasonForm reasonForm, BindingResult binding, Model model,
            RedirectAttributes redirect, HttpServletResponse response, boolean active) {
        guard.require(ClassificationPermissions.MANAGE_CATALOGUE);
        CategorySummary category = category(code);
        try {
            int expected = versionOf(reasonForm.getVersion());
            int version = active
                    ? administration.reactivateCategory(category.code(), expected, reasonForm.getReason())
                    : administration.deactivateCategory(category.code(), expected, reasonForm.getReason());
            redirect.addFlashAttribute("notice", Notice.success(active ? "classification.notice.category-reactivated"
                    : "classification.notice.category-deactivated", category.code(), version));
        } catch (InvalidInputException invalid) {
            invalid.rejectOn(binding);
            model.addAttribute("categoryForm", CategoryForm.of(category));
            return categoryForm(model, category);
        } catch (BaomiException e) {
            if (!e.belongsOnForm()) {
                throw e;
            }
            CategorySummary current = category(code);
            model.addAttribute("categoryForm", CategoryForm.of(current));
            model.addAttribute("reasonForm", new ReasonForm());
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("problem", Notice.problem(e.messageKey(), e.args()));
            return categoryForm(model, current);
        }
        return "redirect:/classification/categories/" + category.code();
    }

    @GetMapping("/levels/{level}")
    String editLevel(@PathVariable String level, Model model) {
        guard.require(ClassificationPermissions.MANAGE_CATALOGUE);
        LevelDefinition definition = level(level);
        model.addAttribute("levelForm", LevelForm.of(definition));
        model.addAttribute("definition", definition);
        return LEVEL_FORM;
    }

    @PostMapping("/levels/{level}")
    String updateLevel(@PathVariable String level, @ModelAttribute LevelForm levelForm, BindingResult binding,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        guard.require(ClassificationPermissions.MANAGE_CATALOGUE);
        LevelDefinition definition = level(level);
        model.addAttribute("definition", definition);
        try {
            rejectUnparsable(levelForm.unparsable());
            int version = administration.updateLevel(definition.level(), versionOf(levelForm.getVersion()),
                    levelForm.toDraft(), levelForm.getReason());
            redirect.addFlashAttribute("notice", Notice.success("classification.notice.level-saved",
                    new DefaultMessageSourceResolvable(definition.level().messageKey()), version));
        } catch (InvalidInputException invalid) {
            invalid.rejectOn(binding);
            return LEVEL_FORM;
        } catch (BaomiException e) {
            if (!e.belongsOnForm()) {
                throw e;
            }
            if (e.kind() == BaomiException.Kind.CONFLICT) {
                LevelDefinition current = level(level);
                LevelForm fresh = LevelForm.of(current);
                fresh.setReason(levelForm.getReason());
                model.addAttribute("levelForm", fresh);
                model.addAttribute("definition", current);
                response.setStatus(HttpServletResponse.SC_CONFLICT);
            }
            model.addAttribute("problem", Notice.problem(e.messageKey(), e.args()));
            return LEVEL_FORM;
        }
        return "redirect:/classification#levels";
    }

    @GetMapping("/guide/{code}")
    String editGuide(@PathVariable String code, Model model) {
        guard.require(ClassificationPermissions.MANAGE_CATALOGUE);
        GuideSection section = section(code);
        model.addAttribute("guideForm", GuideForm.of(section));
        model.addAttribute("section", section);
        return GUIDE_FORM;
    }

    @PostMapping("/guide/{code}")
    String updateGuide(@PathVariable String code, @ModelAttribute GuideForm guideForm, BindingResult binding,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        guard.require(ClassificationPermissions.MANAGE_CATALOGUE);
        GuideSection section = section(code);
        model.addAttribute("section", section);
        try {
            int version = administration.updateGuideSection(section.code(), versionOf(guideForm.getVersion()),
                    guideForm.toDraft(), guideForm.getReason());
            redirect.addFlashAttribute("notice", Notice.success("classification.notice.guide-saved", version));
        } catch (InvalidInputException invalid) {
            invalid.rejectOn(binding);
            return GUIDE_FORM;
        } catch (BaomiException e) {
            if (!e.belongsOnForm()) {
                throw e;
            }
            if (e.kind() == BaomiException.Kind.CONFLICT) {
                GuideSection current = section(code);
                GuideForm fresh = GuideForm.of(current);
                fresh.setReason(guideForm.getReason());
                model.addAttribute("guideForm", fresh);
                model.addAttribute("section", current);
                response.setStatus(HttpServletResponse.SC_CONFLICT);
            }
            model.addAttribute("problem", Notice.problem(e.messageKey(), e.args()));
            return GUIDE_FORM;
        }
        return "redirect:/classification#guide-" + section.code();
    }

    private String categoryForm(Model model, CategorySummary editing) {
        model.addAttribute("editing", editing);
        model.addAttribute("domains", catalogue.domains());
        model.addAttribute("levelChoices", SecretLevel.values());
        model.addAttribute("periodKinds", PeriodKind.values());
        model.addAttribute("levels", catalogue.levels());
        return CATEGORY_FORM;
    }

    private CategorySummary category(String code) {
        return catalogue.category(code)
                .orElseThrow(() -> BaomiException.notFound("classification.error.category-not-found"));
    }

    private LevelDefinition level(String level) {
        SecretLevel parsed = FormValues.level(level);
        if (parsed == null) {
            throw BaomiException.notFound("classification.error.level-not-found");
        }
        return catalogue.level(parsed);
    }

    private GuideSection section(String code) {
        return catalogue.guide().stream().filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> BaomiException.notFound("classification.error.guide-not-found"));
    }

    /** A missing version is treated as stale: the form did not come from the current page. */
    private static int versionOf(Integer version) {
        return version == null ? -1 : version;
    }

    private static void rejectUnparsable(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
