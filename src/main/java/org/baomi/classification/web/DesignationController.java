package org.baomi.classification.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.baomi.classification.CategoryFilter;
import org.baomi.classification.ClassificationCatalogue;
import org.baomi.classification.ClassifierDesignations;
import org.baomi.classification.DesignationSummary;
import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.shared.BaomiException;
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

/**
 * CLS-3: the president designates the persons who may classify, and revokes designations (never deletes them).
 * The module API checks the permission and audits.
 */
@Controller
@RequestMapping("/classification/designations")
class DesignationController {

    private static final String VIEW = "classification/designations";

    private final ClassifierDesignations designations;
    private final ClassificationCatalogue catalogue;

    DesignationController(ClassifierDesignations designations, ClassificationCatalogue catalogue) {
        this.designations = designations;
        this.catalogue = catalogue;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("designationForm", new DesignationForm());
        return page(model);
    }

    @PostMapping
    String designate(@ModelAttribute DesignationForm designationForm, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        try {
            List<FieldProblem> unparsable = designationForm.unparsable();
            if (!unparsable.isEmpty()) {
                throw new InvalidInputException(unparsable);
            }
            long id = designations.designate(designationForm.toDraft());
            redirect.addFlashAttribute("notice", Notice.success("classification.notice.designated", id));
        } catch (InvalidInputException invalid) {
            invalid.rejectOn(binding);
            return page(model);
        }
        return "redirect:/classification/designations";
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable String id, @ModelAttribute ReasonForm reasonForm, BindingResult binding, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Integer designationId = FormValues.integer(id);
        if (designationId == null) {
            throw BaomiException.notFound("classification.error.designation.not-found");
        }
        try {
            designations.revoke(designationId, reasonForm.getVersion() == null ? -1 : reasonForm.getVersion(),
                    reasonForm.getReason());
            redirect.addFlashAttribute("notice", Notice.success("classification.notice.revoked", designationId));
        } catch (BaomiException e) {
            if (!e.belongsOnForm()) {
                throw e;
            }
            String key = e instanceof InvalidInputException invalid && !invalid.problems().isEmpty()
                    ? invalid.problems().get(0).messageKey() : e.messageKey();
            if (e.kind() == BaomiException.Kind.CONFLICT) {
                response.setStatus(HttpServletResponse.SC_CONFLICT);
            }
            model.addAttribute("designationForm", new DesignationForm());
            model.addAttribute("problem", Notice.problem(key, e.args()));
            model.addAttribute("revoking", designationId);
            return page(model);
        }
        return "redirect:/classification/designations";
    }

    private String page(Model model) {
        List<DesignationSummary> all = designations.list();
        model.addAttribute("designations", all);
        model.addAttribute("domains", catalogue.domains());
        model.addAttribute("categories", catalogue.categories(CategoryFilter.activeOnly()));
        model.addAttribute("maxLevels", List.of(SecretLevel.SECRET, SecretLevel.HIGHLY_SECRET, SecretLevel.TOP_SECRET));
        return VIEW;
    }
}
