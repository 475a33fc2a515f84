package org.baomi.iam.web;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.baomi.iam.internal.login.LoginProgressToken;
import org.baomi.iam.internal.login.LoginRefusedException;
import org.baomi.iam.internal.login.LoginService;
import org.baomi.iam.internal.login.PasswordPolicy;
import org.baomi.iam.internal.login.StaffAuthentication;
import org.baomi.iam.internal.web.LoginFlow;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page and the steps after the password: second factor, password change, enrolment. */
@Controller
class LoginController {

    /** Reason codes that may appear in the login URL; anything else is ignored. */
    private static final Set<String> ERROR_CODES = Set.of("bad-credentials", "locked", "throttled", "disabled",
            "bad-code");
    private static final Set<String> EXPIRY_CODES = Set.of("idle", "absolute", "ended");

    private final LoginService loginService;
    private final LoginFlow loginFlow;
    private final QrCodes qrCodes;

    LoginController(LoginService loginService, LoginFlow loginFlow, QrCodes qrCodes) {
        this.loginService = loginService;
        this.loginFlow = loginFlow;
        this.qrCodes = qrCodes;
    }

    @GetMapping("/login")
    String login(@RequestParam Optional<String> error, @RequestParam Optional<String> expired,
            @RequestParam Optional<String> logout, Model model, HttpServletResponse response) throws IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof StaffAuthentication) {
            return "redirect:/";
        }
        error.filter(ERROR_CODES::contains).ifPresent(code -> model.addAttribute("errorKey", "iam.login.error." + code));
        expired.filter(EXPIRY_CODES::contains).ifPresent(code -> model.addAttribute("infoKey", "iam.login.expired." + code));
        if (logout.isPresent()) {
            model.addAttribute("infoKey", "iam.login.logged-out");
        }
        return "iam/login";
    }

    @GetMapping("/login/totp")
    String totpPage() {
        return "iam/login-totp";
    }

    @PostMapping("/login/totp")
    String totp(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
            HttpServletResponse response, Model model) throws IOException {
        LoginProgressToken progress = progress();
        try {
            LoginProgressToken next = loginService.verifySecondFactor(progress, code, request.getRemoteAddr());
            loginFlow.proceed(request, response, next);
            return null;
        } catch (LoginRefusedException refused) {
            if (refused.reason() == LoginRefusedException.Reason.LOCKED) {
                request.getSession().invalidate();
                SecurityContextHolder.clearContext();
                return "redirect:/login?error=locked";
            }
            model.addAttribute("errorKey", "iam.login.error." + refused.code());
            return "iam/login-totp";
        }
    }

    @GetMapping("/login/password")
    String passwordPage() {
        return "iam/login-password";
    }

    @PostMapping("/login/password")
    String changePassword(@RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String confirmation, HttpServletRequest request,
            HttpServletResponse response, Model model) throws IOException {
        LoginProgressToken progress = progress();
        List<PasswordPolicy.Violation> violations = loginService.changePassword(progress.accountId(), newPassword,
                confirmation, request.getRemoteAddr());
        if (!violations.isEmpty()) {
            model.addAttribute("violations", violations);
            return "iam/login-password";
        }
        loginFlow.proceed(request, response, loginService.afterPasswordChange(progress));
        return null;
    }

    @GetMapping("/login/enrol")
    String enrolPage(Model model) {
        return enrolmentPage(progress().accountId(), model);
    }

    @PostMapping("/login/enrol")
    String confirmEnrolment(@RequestParam(defaultValue = "") String code, HttpServletRequest request, Model model) {
        LoginProgressToken progress = progress();
        Optional<List<String>> recoveryCodes = loginService.confirmEnrolment(progress.accountId(), code,
                request.getRemoteAddr());
        if (recoveryCodes.isEmpty()) {
            model.addAttribute("errorKey", "iam.enrol.error.bad-code");
            return enrolmentPage(progress.accountId(), model);
        }
        model.addAttribute("recoveryCodes", recoveryCodes.get());
        return "iam/login-recovery-codes";
    }

    @PostMapping("/login/enrol/continue")
    String afterEnrolment(HttpServletRequest request, HttpServletResponse response) throws IOException {
        loginFlow.proceed(request, response, loginService.afterEnrolment(progress()));
        return null;
    }

    /** A fresh secret to set up the authenticator app with, as QR code and as text. */
    private String enrolmentPage(long accountId, Model model) {
        LoginService.Enrolment enrolment = loginService.beginEnrolment(accountId);
        model.addAttribute("secret", enrolment.secret());
        model.addAttribute("qr", qrCodes.pngDataUri(enrolment.otpauthUri()));
        return "iam/login-enrol";
    }

    private static LoginProgressToken progress() {
        return (LoginProgressToken) SecurityContextHolder.getContext().getAuthentication();
    }
}
