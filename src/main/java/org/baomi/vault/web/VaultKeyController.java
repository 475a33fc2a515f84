package org.baomi.vault.web;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletRequest;
import org.baomi.shared.BaomiException;
import org.baomi.shared.Htmx;
import org.baomi.shared.Notice;
import org.baomi.vault.VaultKeyAdministration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The security administrator's master key screen (issue 5 item 5; DOC-9): versions with the data keys each wraps,
 * rotation and retirement after confirmation, and the re-wrap's progress, polled by htmx while the job works. The
 * module API checks the permission and audits.
 */
@Controller
@RequestMapping("/vault/keys")
class VaultKeyController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final VaultKeyAdministration keys;
    private final Clock clock;

    VaultKeyController(VaultKeyAdministration keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @GetMapping
    String page(Model model, HttpServletRequest request) {
        model.addAttribute("overview", keys.overview());
        model.addAttribute("times", this);
        return Htmx.wantsPart(request) ? "vault/keys :: status" : "vault/keys";
    }

    @PostMapping("/rotate")
    String rotate(RedirectAttributes redirect) {
        int version = keys.rotate();
        redirect.addFlashAttribute("notice", Notice.success("vault.keys.notice.rotated", version));
        return "redirect:/vault/keys";
    }

    @PostMapping("/{version}/retire")
    String retire(@PathVariable String version, RedirectAttributes redirect) {
        int v;
        try {
            v = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw BaomiException.notFound("vault.master-key.not-found", version);
        }
        try {
            keys.retire(v);
            redirect.addFlashAttribute("notice", Notice.success("vault.keys.notice.retired", v));
        } catch (BaomiException e) {
            // in use, current or too recent: a refusal the administrator can act on (already recorded)
            if (e.kind() != BaomiException.Kind.CONFLICT) {
                throw e;
            }
            redirect.addFlashAttribute("problem", Notice.problem(e.messageKey(), e.args()));
        }
        return "redirect:/vault/keys";
    }

    /** Times in the hospital's zone, for the template. */
    public String format(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(clock.getZone()));
    }
}
