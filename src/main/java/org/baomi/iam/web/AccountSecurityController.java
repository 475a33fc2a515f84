package org.baomi.iam.web;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.baomi.iam.internal.login.AccountSecurityService;
import org.baomi.iam.internal.login.LoginService;
import org.baomi.iam.internal.login.PasswordPolicy;
import org.baomi.iam.internal.web.PersonalSessions;
import org.baomi.shared.BaomiException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "My security settings" for every signed-in person (ACC-7): password, authenticator app, recovery codes and
 * open sessions. The rules and the audit records are {@link AccountSecurityService}'s and
 * {@link PersonalSessions}'; this controller binds the forms and picks the views.
 */
@Controller
@RequestMapping("/account/security")
class AccountSecurityController {

    private final AccountSecurityService security;
    private final PersonalSessions sessions;
    private final QrCodes qrCodes;
    private final IamTimes times;

    AccountSecurityController(AccountSecurityService security, PersonalSessions sessions, QrCodes qrCodes,
            IamTimes times) {
        this.security = security;
        this.sessions = sessions;
        this.qrCodes = qrCodes;
        this.times = times;
    }

    @GetMapping
    String page(Model model, HttpServletRequest request) {
        return page(model, request, null);
    }

    @PostMapping("/password")
    String changePassword(@RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword, @RequestParam(defaultValue = "") String confirmation,
            @RequestParam(defaultValue = "false") boolean endOtherSessions, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes flash) {
        List<PasswordPolicy.Violation> violations = security.changePassword(currentPassword, newPassword, confirmation);
        if (!violations.isEmpty()) {
            model.addAttribute("passwordViolations", violations);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, request, null);
        }
        int ended = endOtherSessions ? sessions.endOthers(currentSessionId(request)) : 0;
        flash.addFlashAttribute("flashKey", endOtherSessions ? "account.password.changed-and-ended" : "account.password.changed");
        flash.addFlashAttribute("flashArgs", new Object[] {ended});
        return "redirect:/account/security";
    }

    /** Starts setting up or re-enrolling the authenticator app; the person proves themselves first. */
    @PostMapping("/totp")
    String startEnrolment(@RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        try {
            return enrolmentPage(security.startEnrolment(currentPassword, code), model, null);
        } catch (BaomiException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, request, e.messageKey());
        }
    }

    @GetMapping("/totp")
    String pendingEnrolment(Model model) {
        return security.pendingEnrolment().map(e -> enrolmentPage(e, model, null))
                .orElse("redirect:/account/security");
    }

    @PostMapping("/totp/confirm")
    String confirmEnrolment(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        try {
            model.addAttribute("recoveryCodes", security.confirmEnrolment(code, request.getRemoteAddr()));
            model.addAttribute("enrolled", true);
            return "account/recovery-codes";
        } catch (BaomiException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return security.pendingEnrolment().map(pending -> enrolmentPage(pending, model, e.messageKey()))
                    .orElseGet(() -> page(model, request, e.messageKey()));
        }
    }

    @PostMapping("/recovery-codes")
    String regenerateRecoveryCodes(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        try {
            model.addAttribute("recoveryCodes", security.regenerateRecoveryCodes(code));
            model.addAttribute("enrolled", false);
            return "account/recovery-codes";
        } catch (BaomiException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("recoveryErrorKey", e.messageKey());
            return page(model, request, null);
        }
    }

    @PostMapping("/sessions/end-others")
    String endOtherSessions(HttpServletRequest request, RedirectAttributes flash) {
        int ended = sessions.endOthers(currentSessionId(request));
        flash.addFlashAttribute("flashKey", "account.sessions.ended-others");
        flash.addFlashAttribute("flashArgs", new Object[] {ended});
        return "redirect:/account/security";
    }

    /** "Log out everywhere": every session ends, this one too, and the person signs in again. */
    @PostMapping("/sessions/end-all")
    String endAllSessions(HttpServletRequest request) {
        sessions.endAll();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return "redirect:/login?expired=ended";
    }

    private String page(Model model, HttpServletRequest request, String totpErrorKey) {
        AccountSecurityService.Status status = security.status();
        model.addAttribute("status", status);
        model.addAttribute("passwordChangedAt", format(status.passwordChangedAt()));
        model.addAttribute("passwordExpiresAt", format(status.passwordExpiresAt()));
        model.addAttribute("sessions", sessions.mine(currentSessionId(request)).stream()
                .map(s -> new SessionView(s, format(s.createdAt()), format(s.lastAccessAt()))).toList());
        if (totpErrorKey != null) {
            model.addAttribute("totpErrorKey", totpErrorKey);
        }
        return "account/security";
    }

    private String enrolmentPage(LoginService.Enrolment enrolment, Model model, String errorKey) {
        model.addAttribute("secret", enrolment.secret());
        model.addAttribute("qr", qrCodes.pngDataUri(enrolment.otpauthUri()));
        if (errorKey != null) {
            model.addAttribute("errorKey", errorKey);
        }
        return "account/totp-enrol";
    }

    /** Null stays null: the page leaves out what has no time. */
    private String format(Instant instant) {
        return instant == null ? null : times.format(instant);
    }

    private static String currentSessionId(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : session.getId();
    }

    record SessionView(PersonalSessions.SessionRow row, String createdAt, String lastAccessAt) {
    }
}
