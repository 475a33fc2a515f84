package org.baomi.classification.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.baomi.classification.CatalogueVersion;
import org.baomi.classification.CategoryFilter;
import org.baomi.classification.ClassificationCatalogue;
import org.baomi.classification.ClassificationPermissions;
import org.baomi.classification.PeriodKind;
import org.baomi.iam.PermissionGuard;
import org.baomi.shared.BaomiException;
import org.baomi.shared.Htmx;
import org.baomi.shared.SecretLevel;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The classification guide (CLS-1..7) for everyone signed in: levels, harm, periods, protection measures, the
 * category tree with its filter, what is not a secret; its CSV export and the catalogue's history.
 */
@Controller
class GuideController {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");
    private static final int HISTORY_PAGE = 20;

    private final ClassificationCatalogue catalogue;
    private final PermissionGuard guard;
    private final Clock clock;

    GuideController(ClassificationCatalogue catalogue, PermissionGuard guard, Clock clock) {
        this.catalogue = catalogue;
        this.guard = guard;
        this.clock = clock;
    }

    /**
     * The full page, or only the category list when htmx asks. A filter that cannot be used is explained above
     * the list: status 400 on a full page, 200 for htmx (which swaps only successful responses).
     */
    @GetMapping("/classification")
    String guide(@ModelAttribute("filter") GuideFilterForm filter, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        boolean part = Htmx.wantsPart(request);
        boolean manage = guard.has(ClassificationPermissions.MANAGE_CATALOGUE);
        GuideFilterForm.Parsed parsed = filter.parse(manage);
        model.addAttribute("manage", manage);
        model.addAttribute("filterErrors", parsed.errors());
        model.addAttribute("levelChoices", SecretLevel.values());
        model.addAttribute("domains", catalogue.domains());
        if (parsed.valid()) {
            model.addAttribute("tree", catalogue.tree(parsed.filter()));
        } else {
            model.addAttribute("tree", List.of());
            if (!part) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            }
        }
        if (part) {
            return "classification/guide :: categories";
        }
        model.addAttribute("levels", catalogue.levels());
        model.addAttribute("guide", catalogue.guide());
        model.addAttribute("notSecret", catalogue.tree(new CategoryFilter(null, null, null,
                false)).stream().flatMap(d -> d.categories().stream()).filter(c -> c.notSecret()).toList());
        model.addAttribute("catalogueVersion", catalogue.currentVersion());
        model.addAttribute("designate", guard.has(ClassificationPermissions.MANAGE_DESIGNATIONS));
        model.addAttribute("periodKinds", PeriodKind.values());
        return "classification/guide";
    }

    @GetMapping("/classification/export.csv")
    ResponseEntity<byte[]> export(Locale locale) {
        byte[] csv = catalogue.exportCsv(locale);
        String name = "classification-catalogue-" + FILE_TIME.format(clock.instant().atZone(clock.getZone())) + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(csv);
    }

    @GetMapping("/classification/history")
    String history(@RequestParam(name = "page", defaultValue = "0") String page, Model model) {
        Integer number = FormValues.integer(page);
        if (number == null) {
            throw BaomiException.invalid("classification.error.page");
        }
        model.addAttribute("history", catalogue.history(number, HISTORY_PAGE));
        return "classification/history";
    }

    @GetMapping("/classification/history/{number}")
    String version(@PathVariable String number, Model model) {
        Integer n = FormValues.integer(number);
        CatalogueVersion version = n == null ? null : catalogue.version(n).orElse(null);
        if (version == null) {
            throw BaomiException.notFound("classification.error.version-not-found");
        }
        model.addAttribute("version", version);
        return "classification/version";
    }
}
