package org.baomi.iam.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.baomi.iam.ApiTokenService;
import org.baomi.iam.ApiTokenSummary;
import org.baomi.iam.IssuedApiToken;
import org.baomi.iam.PermissionGuard;
import org.baomi.shared.BaomiException;
import org.baomi.shared.Htmx;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The security administrator's API tokens: list, issue (the token is shown once, on the result page, and
 * never again), revoke with a reason. Permission checks and audit are in {@link ApiTokenService}.
 */
@Controller
@RequestMapping("/iam/api-tokens")
class ApiTokenController {

    private static final int PAGE_SIZE = 20;

    private final ApiTokenService tokens;
    private final PermissionGuard guard;
    private final Clock clock;

    ApiTokenController(ApiTokenService tokens, PermissionGuard guard, Clock clock) {
        this.tokens = tokens;
        this.guard = guard;
        this.clock = clock;
    }

    /** A token as a row of the list, times in the hospital's zone. */
    record Row(ApiTokenSummary token, LocalDateTime expiresAt, LocalDateTime lastUsedAt, LocalDateTime revokedAt) {
    }

    @GetMapping
    String list(@RequestParam(required = false) ApiTokenSummary.Status status,
            @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request, Model model) {
        int current = Math.max(page, 0);
        long total = tokens.count(status);
        List<Row> rows = tokens.list(status, current, PAGE_SIZE).stream().map(this::row).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("status", status);
        model.addAttribute("statuses", ApiTokenSummary.Status.values());
        model.addAttribute("page", current);
        model.addAttribute("total", total);
        model.addAttribute("hasNext", (long) (current + 1) * PAGE_SIZE < total);
        return Htmx.wantsPart(request) ? "iam/api-tokens :: rows" : "iam/api-tokens";
    }

    @GetMapping("/new")
    String newToken(Model model) {
        return form(model, ApiTokenForm.empty(), null);
    }

    @PostMapping
    String issue(@ModelAttribute("form") ApiTokenForm form, BindingResult binding, Model model) {
        if (form == null || binding.hasErrors() || form.lifetimeDays() == null) {
            return form(model, form == null ? ApiTokenForm.empty() : form, new BaomiException(BaomiException.Kind.INVALID, "iam.api-token.lifetime.invalid",
                    ApiTokenService.MAX_LIFETIME.toDays()));
        }
        try {
            IssuedApiToken issued = tokens.issue(form.name(), form.client(), form.allScopes(),
                    Duration.ofDays(form.lifetimeDays()));
            model.addAttribute("issued", issued);
            model.addAttribute("row", row(issued.summary()));
            return "iam/api-token-issued";
        } catch (BaomiException e) {
            if (e.kind() != BaomiException.Kind.INVALID) {
                throw e;
            }
            return form(model, form, e);
        }
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        try {
            ApiTokenSummary revoked = tokens.revoke(id, reason);
            redirect.addFlashAttribute("revokedPrefix", revoked.prefix());
        } catch (BaomiException e) {
            if (e.kind() == BaomiException.Kind.FORBIDDEN || e.kind() == BaomiException.Kind.UNAUTHENTICATED) {
                throw e;
            }
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/iam/api-tokens";
    }

    private String form(Model model, ApiTokenForm form, BaomiException error) {
        guard.require(ApiTokenService.PERMISSION);
        model.addAttribute("form", form);
        model.addAttribute("knownScopes", tokens.knownScopes());
        model.addAttribute("maxLifetimeDays", ApiTokenService.MAX_LIFETIME.toDays());
        if (error != null) {
            model.addAttribute("errorKey", error.messageKey());
            model.addAttribute("errorArgs", error.args());
        }
        return "iam/api-token-new";
    }

    private Row row(ApiTokenSummary token) {
        return new Row(token, local(token.expiresAt()), local(token.lastUsedAt()), local(token.revokedAt()));
    }

    private LocalDateTime local(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, clock.getZone());
    }
}
