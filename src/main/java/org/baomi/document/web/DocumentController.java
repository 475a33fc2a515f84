package org.baomi.document.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.baomi.classification.CategoryFilter;
import org.baomi.classification.ClassificationCatalogue;
import org.baomi.classification.PeriodKind;
import org.baomi.document.Direction;
import org.baomi.document.DocumentCirculation;
import org.baomi.document.DocumentDeclassificationReview;
import org.baomi.document.DocumentDestruction;
import org.baomi.document.DocumentDetail;
import org.baomi.document.DocumentFiles;
import org.baomi.document.DocumentRegister;
import org.baomi.document.DocumentStatus;
import org.baomi.document.DocumentSummary;
import org.baomi.document.DocumentYearEndReturn;
import org.baomi.document.LossKind;
import org.baomi.iam.CsvExport;
import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.iam.ResultPage;
import org.baomi.shared.BaomiException;
import org.baomi.shared.Htmx;
import org.baomi.shared.Notice;
import org.baomi.shared.SecretLevel;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The register's screens (DOC-2): search and export, registration, a document's page with its history, the
 * custodian's documents and the reader's inbox. The module API checks permissions and the access policy and
 * audits; this controller only binds forms and picks views.
 */
@Controller
@RequestMapping("/documents")
class DocumentController {

    private final DocumentRegister register;
    private final DocumentCirculation circulation;
    private final ClassificationCatalogue catalogue;
    private final DocumentDeclassificationReview review;
    private final DocumentYearEndReturn yearEnd;
    private final DocumentFiles files;
    private final DocumentDestruction destruction;

    DocumentController(DocumentRegister register, DocumentCirculation circulation, ClassificationCatalogue catalogue,
            DocumentDeclassificationReview review, DocumentYearEndReturn yearEnd, DocumentFiles files,
            DocumentDestruction destruction) {
        this.register = register;
        this.circulation = circulation;
        this.catalogue = catalogue;
        this.review = review;
        this.yearEnd = yearEnd;
        this.files = files;
        this.destruction = destruction;
    }

    @GetMapping
    String list(@ModelAttribute("filter") DocumentFilterForm filter, Model model, HttpServletRequest request) {
        ResultPage<DocumentSummary> results = register.search(filter.toFilter());
        model.addAttribute("results", results);
        model.addAttribute("query", request.getQueryString() == null ? "" : request.getQueryString());
        options(model);
        return Htmx.wantsPart(request) ? "document/list :: results" : "document/list";
    }

    @GetMapping("/export")
    ResponseEntity<byte[]> export(@ModelAttribute("filter") DocumentFilterForm filter, Locale locale) {
        CsvExport csv = register.export(filter.toFilter(), locale);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(csv.filename(), StandardCharsets.UTF_8).build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(csv.content());
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("documentForm", new DocumentForm());
        return form(model);
    }

    /** htmx: the level and period fields with the chosen category's defaults (CLS-2, CLS-4). */
    @GetMapping("/new/defaults")
    String defaults(@ModelAttribute DocumentForm documentForm, Model model) {
        try {
            documentForm.apply(register.defaultsFor(documentForm.getCategoryCode()));
        } catch (BaomiException unknown) {
            if (unknown.kind() != BaomiException.Kind.NOT_FOUND) {
                throw unknown;
            }
        }
        form(model);
        return "document/form :: classification";
    }

    @PostMapping
    String create(@ModelAttribute DocumentForm documentForm, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        try {
            List<FieldProblem> unparsable = documentForm.unparsable();
            if (!unparsable.isEmpty()) {
                throw new InvalidInputException(unparsable);
            }
            long id = register.register(documentForm.toDraft());
            redirect.addFlashAttribute("notice", Notice.success("document.notice.registered"));
            return "redirect:/documents/" + id;
        } catch (InvalidInputException invalid) {
            invalid.rejectOn(binding);
            return form(model);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable String id, Model model) {
        DocumentDetail detail = register.show(documentId(id));
        model.addAttribute("document", detail);
        if (!model.containsAttribute("circulationForm")) {
            model.addAttribute("circulationForm", new CirculationForm());
        }
        model.addAttribute("modes", org.baomi.document.CirculationMode.values());
        model.addAttribute("copyKinds", org.baomi.document.CopyKind.values());
        // the upload script refuses an over-large file before sending it (Tomcat would reset the connection)
        model.addAttribute("maxFileSize", files.maxFileSize());
        model.addAttribute("maxFileSizeMb", org.springframework.util.unit.DataSize.ofBytes(files.maxFileSize())
                .toMegabytes());
        return "document/detail";
    }

    @GetMapping("/kept")
    String kept(Model model) {
        model.addAttribute("documents", register.kept());
        // CLS-4: what this person may review as designee; DOC-6: returns this custodian must confirm
        model.addAttribute("reviews", review.dueForReview());
        model.addAttribute("returns", yearEnd.toConfirm());
        // DOC-7: the supervisor confirms destructions here, without reading the documents
        model.addAttribute("destructions", destruction.toConfirm());
        return "document/kept";
    }

    @GetMapping("/inbox")
    String inbox(Model model) {
        model.addAttribute("items", circulation.inbox());
        model.addAttribute("lossKinds", LossKind.values());
        return "document/inbox";
    }

    static long documentId(String raw) {
        Integer id = Forms.integer(raw);
        if (id == null) {
            throw BaomiException.notFound("document.error.not-found");
        }
        return id;
    }

    private String form(Model model) {
        model.addAttribute("categories", catalogue.categories(CategoryFilter.activeOnly()));
        model.addAttribute("levels", SecretLevel.values());
        model.addAttribute("directions", Direction.values());
        model.addAttribute("periodKinds", PeriodKind.values());
        return "document/form";
    }

    private void options(Model model) {
        model.addAttribute("levels", SecretLevel.values());
        model.addAttribute("statuses", DocumentStatus.values());
        model.addAttribute("directions", Direction.values());
        model.addAttribute("categories", catalogue.categories(CategoryFilter.activeOnly()));
    }
}
