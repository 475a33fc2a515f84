package org.baomi.audit.web;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.baomi.audit.AuditArchives;
import org.baomi.audit.AuditChain;
import org.baomi.audit.AuditVerification;
import org.baomi.audit.VerificationMode;
import org.baomi.shared.BaomiException;
import org.baomi.shared.Htmx;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The audit administrator's chain screen (AUD-3, AUD-4): the chain's state, the latest verification, a verification
 * started in the background with a progress bar that htmx polls; and the security administrator's anchor key
 * rotation (ORG-5). Permission checks and
 * audit records are {@link AuditVerification}'s.
 */
@Controller
class ChainController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditVerification verification;
    private final AuditChain chain;
    private final AuditArchives archives;
    private final Clock clock;

    ChainController(AuditVerification verification, AuditChain chain, AuditArchives archives, Clock clock) {
        this.verification = verification;
        this.chain = chain;
        this.archives = archives;
        this.clock = clock;
    }

    @GetMapping("/audit/chain")
    String chain(Model model) {
        model.addAttribute("latest", verification.latest().orElse(null));
        if (!model.containsAttribute("progress")) {
            model.addAttribute("progress", verification.progress().orElse(null));
        }
        model.addAttribute("status", chain.status());
        model.addAttribute("modes", VerificationMode.values());
        model.addAttribute("times", this);
        // Issue 8 item 6: the archive list and what is eligible now (audit:archive:manage, the same role).
        model.addAttribute("archives", archives.list());
        model.addAttribute("eligibility", archives.eligibility());
        model.addAttribute("archiveProgress", archives.progress().orElse(null));
        return "audit/chain";
    }

    /**
     * Starts a background run; htmx gets the progress part, a plain form post the page again. A scope that is not
     * offered, or a run already going on, is explained beside the progress bar (status 400 or 409 on a full page;
     * 200 for htmx, which swaps only successful responses).
     */
    @PostMapping("/audit/chain/verifications")
    String start(@RequestParam(name = "mode", required = false) String mode, HttpServletRequest request, Model model,
            HttpServletResponse response) {
        boolean part = Htmx.wantsPart(request);
        try {
            model.addAttribute("progress", verification.start(ChainApiController.parseMode(mode)));
        } catch (BaomiException refused) {
            if (refused.kind() != BaomiException.Kind.INVALID && refused.kind() != BaomiException.Kind.CONFLICT) {
                throw refused;
            }
            model.addAttribute("error", refused.messageKey());
            if (!part) {
                response.setStatus(refused.kind() == BaomiException.Kind.INVALID
                        ? HttpServletResponse.SC_BAD_REQUEST : HttpServletResponse.SC_CONFLICT);
                return chain(model);
            }
            model.addAttribute("progress", verification.progress().orElse(null));
        }
        model.addAttribute("times", this);
        return part ? "audit/chain :: progress" : "redirect:/audit/chain";
    }

    @GetMapping("/audit/chain/progress")
    String progress(Model model) {
        model.addAttribute("progress", verification.progress().orElse(null));
        model.addAttribute("times", this);
        return "audit/chain :: progress";
    }

    /** ORG-5: the security administrator's key management screen ({@code audit:chain:manage}). */
    @GetMapping("/audit/chain/keys")
    String keys(Model model) {
        model.addAttribute("keyId", verification.currentAnchorKey());
        return "audit/chain-keys";
    }

    @PostMapping("/audit/chain/key")
    String rotateKey(RedirectAttributes redirect) {
        redirect.addFlashAttribute("rotatedKey", verification.rotateAnchorKey());
        return "redirect:/audit/chain/keys";
    }

    /**
     * Starts archiving every eligible batch in the background (the page asks for confirmation first); htmx gets the
     * progress part, which polls {@code /audit/chain/archives/progress}, a plain form post the page again. A run
     * already going on is explained beside the progress (200 for htmx, which swaps only successful responses).
     */
    @PostMapping("/audit/chain/archives")
    String archive(HttpServletRequest request, Model model, RedirectAttributes redirect) {
        boolean part = Htmx.wantsPart(request);
        try {
            model.addAttribute("archiveProgress", archives.start());
        } catch (BaomiException refused) {
            if (refused.kind() != BaomiException.Kind.CONFLICT) {
                throw refused;
            }
            model.addAttribute("archiveError", refused.messageKey());
            redirect.addFlashAttribute("archiveError", refused.messageKey());
            model.addAttribute("archiveProgress", archives.progress().orElse(null));
        }
        return part ? "audit/chain :: archive-progress" : "redirect:/audit/chain";
    }

    @GetMapping("/audit/chain/archives/progress")
    String archiveProgress(Model model) {
        model.addAttribute("archiveProgress", archives.progress().orElse(null));
        return "audit/chain :: archive-progress";
    }

    /** Times in the hospital's zone, for the template. */
    public String format(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(clock.getZone()));
    }
}
