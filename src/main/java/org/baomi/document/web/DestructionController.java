package org.baomi.document.web;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;

import org.baomi.document.DestructionMethod;
import org.baomi.document.DestructionRecord;
import org.baomi.document.DestructionRequest;
import org.baomi.document.DocumentDestruction;
import org.baomi.document.DocumentLoss;
import org.baomi.document.DocumentPermissions;
import org.baomi.document.LossKind;
import org.baomi.document.LossReport;
import org.baomi.iam.PermissionGuard;
import org.baomi.shared.BaomiException;
import org.baomi.shared.Notice;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A document's end of life from its page (DOC-7, DOC-8): ask for destruction, sign as performer, confirm as
 * supervisor (两人监销), download the certificate; report a loss or leak; the office's hold. The panel is loaded into
 * the document's page by htmx ({@code document/lifecycle :: panel}), only for the custodian and the office.
 */
@Controller
@RequestMapping("/documents/{id}")
class DestructionController {

    private final DocumentDestruction destruction;
    private final DocumentLoss loss;
    private final PermissionGuard guard;

    DestructionController(DocumentDestruction destruction, DocumentLoss loss, PermissionGuard guard) {
        this.destruction = destruction;
        this.loss = loss;
        this.guard = guard;
    }

    @GetMapping("/lifecycle")
    String panel(@PathVariable String id, Model model) {
        long documentId = DocumentController.documentId(id);
        List<DestructionRecord> records;
        try {
            records = destruction.destructionsOf(documentId);
        } catch (BaomiException e) {
            records = List.of();
        }
        model.addAttribute("documentId", documentId);
        model.addAttribute("destructions", records);
        model.addAttribute("methods", DestructionMethod.values());
        model.addAttribute("lossKinds", LossKind.values());
        model.addAttribute("mayHold", guard.has(DocumentPermissions.INCIDENT_MANAGE));
        model.addAttribute("maySupervise", guard.has(DocumentPermissions.DESTRUCTION_SUPERVISE));
        return "document/lifecycle :: content";
    }

    @PostMapping("/destructions")
    String request(@PathVariable String id, @RequestParam(required = false) String method,
            @RequestParam(required = false) String place, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        long documentId = DocumentController.documentId(id);
        return act(documentId, redirect, () -> {
            destruction.request(new DestructionRequest(documentId, Forms.choice(DestructionMethod.class, method),
                    place, reason));
            redirect.addFlashAttribute("notice", Notice.success("document.destruction.notice.requested"));
        });
    }

    @PostMapping("/destructions/{destructionId}/perform")
    String perform(@PathVariable String id, @PathVariable String destructionId, RedirectAttributes redirect) {
        long documentId = DocumentController.documentId(id);
        long d = DocumentController.documentId(destructionId);
        return act(documentId, redirect, () -> {
            destruction.perform(d);
            redirect.addFlashAttribute("notice", Notice.success("document.destruction.notice.performed"));
        });
    }

    @PostMapping("/destructions/{destructionId}/confirm")
    String confirm(@PathVariable String id, @PathVariable String destructionId,
            @RequestParam(defaultValue = "false") boolean worklist, RedirectAttributes redirect) {
        long documentId = DocumentController.documentId(id);
        long d = DocumentController.documentId(destructionId);
        String view = act(documentId, redirect, () -> {
            destruction.confirm(d);
            redirect.addFlashAttribute("notice", Notice.success("document.destruction.notice.confirmed"));
        });
        // the supervisor witnesses, and need not be allowed to read the document: back to their worklist (DOC-7)
        return worklist ? "redirect:/documents/kept#destructions" : view;
    }

    @GetMapping("/destructions/{destructionId}/certificate.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable String id, @PathVariable String destructionId, Locale locale) {
        DocumentController.documentId(id);
        long d = DocumentController.documentId(destructionId);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        destruction.certificate(d, locale, pdf);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"destruction-" + d + ".pdf\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(pdf.toByteArray());
    }

    @PostMapping("/loss")
    String report(@PathVariable String id, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String circumstances, @RequestParam(defaultValue = "false") boolean inbox,
            RedirectAttributes redirect) {
        long documentId = DocumentController.documentId(id);
        String view = act(documentId, redirect, () -> {
            long incident = loss.report(new LossReport(documentId, null, Forms.choice(LossKind.class, kind),
                    circumstances));
            redirect.addFlashAttribute("notice", Notice.success("document.incident.notice.reported", incident));
        });
        // DOC-8: a reader reports from the inbox; once reported the document is frozen and its page refused to them
        return inbox ? "redirect:/documents/inbox" : view;
    }

    @PostMapping("/hold")
    String hold(@PathVariable String id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        long documentId = DocumentController.documentId(id);
        return act(documentId, redirect, () -> {
            loss.hold(documentId, reason);
            redirect.addFlashAttribute("notice", Notice.success("document.hold.notice.set"));
        });
    }

    @PostMapping("/hold/release")
    String release(@PathVariable String id, RedirectAttributes redirect) {
        long documentId = DocumentController.documentId(id);
        return act(documentId, redirect, () -> {
            loss.releaseHold(documentId);
            redirect.addFlashAttribute("notice", Notice.success("document.hold.notice.released"));
        });
    }

    private static String act(long documentId, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
        } catch (BaomiException e) {
            // refusals of the two-person rule are shown on the page as well: they are expected answers
            if (!e.belongsOnForm() && !e.messageKey().startsWith("document.destruction.error.")) {
                throw e;
            }
            Forms.flashRefusal(e, redirect);
        }
        return "redirect:/documents/" + documentId;
    }
}
