package org.baomi.document.web;

import java.time.LocalDate;

import org.baomi.document.DocumentDeclassificationReview;
import org.baomi.shared.BaomiException;
import org.baomi.shared.Notice;
import org.baomi.shared.SecretLevel;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The designee's declassification review from the worklist (CLS-4, CLS-3): extend, downgrade or let lapse. Each
 * answer, refusals included, comes back on the worklist; the module API checks the designation and audits.
 */
@Controller
@RequestMapping("/documents/{id}/review")
class ReviewController {

    private final DocumentDeclassificationReview review;

    ReviewController(DocumentDeclassificationReview review) {
        this.review = review;
    }

    @PostMapping("/extend")
    String extend(@PathVariable String id, @RequestParam(required = false) String until,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        long documentId = DocumentController.documentId(id);
        LocalDate day = Forms.date(until);
        if (until != null && !until.isBlank() && day == null) {
            redirect.addFlashAttribute("problem", Notice.problem("document.error.date"));
            return back();
        }
        return act(redirect, () -> review.extend(documentId, day, reason), "document.review.notice.extended");
    }

    @PostMapping("/downgrade")
    String downgrade(@PathVariable String id, @RequestParam(required = false) String level,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        long documentId = DocumentController.documentId(id);
        SecretLevel parsed = Forms.choice(SecretLevel.class, level);
        return act(redirect, () -> review.downgrade(documentId, parsed, reason), "document.review.notice.downgraded");
    }

    @PostMapping("/lapse")
    String lapse(@PathVariable String id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        long documentId = DocumentController.documentId(id);
        return act(redirect, () -> review.letLapse(documentId, reason), "document.review.notice.lapse");
    }

    private static String act(RedirectAttributes redirect, Runnable action, String successKey) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", Notice.success(successKey));
        } catch (BaomiException e) {
            // not a designee (CLS-3) is an expected answer here: the refusal is audited and shown on the worklist
            if (!e.belongsOnForm() && e.kind() != BaomiException.Kind.FORBIDDEN) {
                throw e;
            }
            Forms.flashRefusal(e, redirect);
        }
        return back();
    }

    private static String back() {
        return "redirect:/documents/kept#review";
    }
}
