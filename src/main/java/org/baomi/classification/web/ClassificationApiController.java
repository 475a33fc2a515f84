package org.baomi.classification.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.baomi.classification.CategoryFilter;
import org.baomi.classification.CategorySummary;
import org.baomi.classification.ClassificationCatalogue;
import org.baomi.classification.LevelDefinition;
import org.baomi.shared.BaomiException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalogue for other hospital systems (EMR, HIS, the document management system). Scope
 * {@code classification:catalogue:read} is checked, and the read audited, by {@link ClassificationCatalogue}.
 * Errors are RFC 9457 problem details.
 */
@RestController
@RequestMapping(path = "/api/v1/classification", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Classification catalogue", description = "Levels and categories with default levels and periods (CLS-1..7)")
class ClassificationApiController {

    private final ClassificationCatalogue catalogue;

    ClassificationApiController(ClassificationCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The catalogue version the answer reflects, and the categories. */
    record CategoriesResponse(int catalogueVersion, List<CategorySummary> categories) {
    }

    /** The catalogue version the answer reflects, and the levels, highest first. */
    record LevelsResponse(int catalogueVersion, List<LevelDefinition> levels) {
    }

    @GetMapping("/categories")
    @Operation(summary = "Categories of the scope catalogue",
            description = "Requires scope classification:catalogue:read. Active categories unless includeInactive; "
                    + "optionally of one domain (code such as PAT or MGMT).")
    CategoriesResponse categories(@RequestParam(required = false) String domain,
            @RequestParam(defaultValue = "false") boolean includeInactive) {
        if (domain != null && (domain.length() > 20 || !domain.matches("[A-Z0-9-]+"))) {
            throw BaomiException.invalid("classification.filter.error.domain");
        }
        List<CategorySummary> categories = catalogue.categories(new CategoryFilter(null, domain, null, includeInactive));
        return new CategoriesResponse(catalogue.currentVersion(), categories);
    }

    @GetMapping("/categories/{code}")
    @Operation(summary = "One category by its code", description = "Requires scope classification:catalogue:read.")
    CategorySummary category(@PathVariable String code) {
        return catalogue.category(code)
                .orElseThrow(() -> BaomiException.notFound("classification.error.category-not-found"));
    }

    @GetMapping("/levels")
    @Operation(summary = "The five levels with harm, longest period and protection measures",
            description = "Requires scope classification:catalogue:read.")
    LevelsResponse levels() {
        return new LevelsResponse(catalogue.currentVersion(), catalogue.levels());
    }
}
