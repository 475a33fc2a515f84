package org.baomi.document.web;

import org.baomi.document.CopyKind;
import org.baomi.document.CopyRecord;
import org.baomi.document.CopyRequest;
import org.baomi.document.DocumentCopies;
import org.baomi.shared.BaomiException;
import org.baomi.shared.Notice;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Copies, excerpts and carrying out (DOC-3, DOC-4) from the document's page: ask (the request goes to the
 * approval inbox of the approvers), record an approved copy made, and the custodian records returns.
 */
@Controller
@RequestMapping("/documents/{id}")
class CopyController {

    private final DocumentCopies copies;

    CopyController(DocumentCopies copies) {
        this.copies = copies;
    }

    @PostMapping("/copy-requests")
    String request(@PathVariable String id, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String copyCount, @RequestParam(required = false) String destination,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        long documentId = DocumentController.documentId(id);
        CopyKind parsed = Forms.choice(CopyKind.class, kind);
        Integer count = Forms.integer(copyCount);
        if (copyCount != null && !copyCount.isBlank() && count == null) {
            redirect.addFlashAttribute("problem", Notice.problem("document.error.number"));
            return back(documentId);
        }
        return act(documentId, redirect, () -> {
            long approvalId = copies.request(new CopyRequest(documentId, parsed, count, destination, reason));
            redirect.addFlashAttribute("notice", Notice.success("document.notice.copy-requested", approvalId));
        });
    }

    @PostMapping("/copies/make")
    String make(@PathVariable String id, @RequestParam(required = false) String kind, RedirectAttributes redirect) {
        long documentId = DocumentController.documentId(id);
        return act(documentId, redirect, () -> {
            CopyRecord made = copies.makeCopy(documentId, Forms.choice(CopyKind.class, kind));
            redirect.addFlashAttribute("notice", Notice.success("document.notice.copy-made", made.number(),
                    made.ofTotal()));
        });
    }

    @PostMapping("/copies/{copyId}/return")
    String returnCopy(@PathVariable String id, @PathVariable String copyId, RedirectAttributes redirect) {
        long documentId = DocumentController.documentId(id);
        long copy = DocumentController.documentId(copyId);
        return act(documentId, redirect, () -> {
            copies.returnCopy(copy);
            redirect.addFlashAttribute("notice", Notice.success("document.notice.copy-returned"));
        });
    }

    @PostMapping("/carry-outs/{carryOutId}/return")
    String returnCarriedOut(@PathVariable String id, @PathVariable String carryOutId, RedirectAttributes redirect) {
        long documentId = DocumentController.documentId(id);
        long out = DocumentController.documentId(carryOutId);
        return act(documentId, redirect, () -> {
            copies.returnCarriedOut(out);
            redirect.addFlashAttribute("notice", Notice.success("document.notice.carry-out-returned"));
        });
    }

    private static String act(long documentId, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
        } catch (BaomiException e) {
            if (!e.belongsOnForm() && !"document.error.copy-not-approved".equals(e.messageKey())) {
                throw e;
            }
            Forms.flashRefusal(e, redirect);
        }
        return back(documentId);
    }

    private static String back(long documentId) {
        return "redirect:/documents/" + documentId;
    }
}
