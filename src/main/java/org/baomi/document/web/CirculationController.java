package org.baomi.document.web;

import org.baomi.document.DocumentCirculation;
import org.baomi.shared.BaomiException;
import org.baomi.shared.Notice;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Circulation (DOC-5) from the document's page: the custodian sends, widens and records the return; a reader
 * signs. Refusals the person can act on (a reader not allowed, already signed) come back on the document's page.
 */
@Controller
@RequestMapping("/documents/{id}/circulations")
class CirculationController {

    private final DocumentCirculation circulation;

    CirculationController(DocumentCirculation circulation) {
        this.circulation = circulation;
    }

    @PostMapping
    String send(@PathVariable String id, @ModelAttribute CirculationForm circulationForm, RedirectAttributes redirect) {
        long documentId = DocumentController.documentId(id);
        if (Forms.choice(org.baomi.document.CirculationMode.class, circulationForm.getMode()) == null
                && circulationForm.getMode() != null && !circulationForm.getMode().isBlank()) {
            redirect.addFlashAttribute("problem", Notice.problem("document.error.choice"));
            return back(documentId);
        }
        return act(documentId, redirect, circulationForm, () -> circulation.send(documentId, circulationForm.toDraft()),
                "document.notice.circulated");
    }

    @PostMapping("/{circulationId}/widen")
    String widen(@PathVariable String id, @PathVariable String circulationId,
            @ModelAttribute CirculationForm circulationForm, RedirectAttributes redirect) {
        long documentId = DocumentController.documentId(id);
        long circ = DocumentController.documentId(circulationId);
        return act(documentId, redirect, circulationForm, () -> circulation.widen(circ, circulationForm.staffNos()),
                "document.notice.widened");
    }

    @PostMapping("/{circulationId}/sign")
    String sign(@PathVariable String id, @PathVariable String circulationId,
            @RequestParam(defaultValue = "false") boolean inbox, RedirectAttributes redirect) {
        long documentId = DocumentController.documentId(id);
        long circ = DocumentController.documentId(circulationId);
        String view = act(documentId, redirect, null, () -> circulation.sign(circ), "document.notice.signed");
        return inbox ? "redirect:/documents/inbox" : view;
    }

    @PostMapping("/{circulationId}/return")
    String close(@PathVariable String id, @PathVariable String circulationId, RedirectAttributes redirect) {
        long documentId = DocumentController.documentId(id);
        long circ = DocumentController.documentId(circulationId);
        return act(documentId, redirect, null, () -> circulation.close(circ), "document.notice.returned");
    }

    private String act(long documentId, RedirectAttributes redirect, CirculationForm form, Runnable action,
            String successKey) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", Notice.success(successKey));
        } catch (BaomiException e) {
            if (!e.belongsOnForm()) {
                throw e;
            }
            Forms.flashRefusal(e, redirect);
            if (form != null) {
                redirect.addFlashAttribute("circulationForm", form);
            }
        }
        return back(documentId);
    }

    private static String back(long documentId) {
        return "redirect:/documents/" + documentId;
    }
}
