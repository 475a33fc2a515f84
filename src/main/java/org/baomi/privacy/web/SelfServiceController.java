package org.baomi.privacy.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.baomi.privacy.DisclosureReport;
import org.baomi.privacy.SelfServicePortal;
import org.baomi.privacy.SelfServicePrint;
import org.baomi.privacy.SelfServiceSession;
import org.baomi.privacy.SelfServiceSignIn;
import org.baomi.shared.BaomiException;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The patients' self-service pages (issue 6 items 4 and 5, ACC-5), phone-sized, in Chinese and English. The HTTP
 * session holds only the patient session's token; the patient is never taken from the URL, so ids in URLs of one
 * patient do not work in another's session. Signing in starts a new HTTP session (any staff login in the browser
 * ends with it); signing out ends it.
 */
@Controller
@RequestMapping("/self-service")
class SelfServiceController {

    /** The HTTP session attribute holding the patient session's token. */
    static final String TOKEN = "baomi.self-service.token";

    private final SelfServiceSignIn signIn;
    private final SelfServicePortal portal;

    SelfServiceController(SelfServiceSignIn signIn, SelfServicePortal portal) {
        this.signIn = signIn;
        this.portal = portal;
    }

    @GetMapping
    String start(HttpServletRequest request) {
        return token(request) == null ? "redirect:/self-service/sign-in" : "redirect:/self-service/fees";
    }

    @GetMapping("/sign-in")
    String signInForm(@RequestParam(required = false) String expired, @RequestParam(required = false) String out,
            Model model) {
        if (expired != null) {
            model.addAttribute("notice", "privacy-self.session.expired");
        } else if (out != null) {
            model.addAttribute("notice", "privacy-self.signed-out");
        }
        return "privacy/self-service/sign-in";
    }

    @PostMapping("/sign-in")
    String signIn(@RequestParam(required = false) String name, @RequestParam(required = false) String idNumber,
            @RequestParam(required = false) String code, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        try {
            SelfServiceSession session = signIn.signIn(name, idNumber, code, request.getRemoteAddr());
            HttpSession old = request.getSession(false);
            if (old != null) {
                old.invalidate();
            }
            request.getSession(true).setAttribute(TOKEN, session.token());
            return "redirect:/self-service/fees";
        } catch (BaomiException e) {
            return refused(e, name, idNumber, response, model);
        }
    }

    @PostMapping("/code")
    String sendCode(@RequestParam(required = false) String name, @RequestParam(required = false) String idNumber,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            signIn.sendCode(name, idNumber, request.getRemoteAddr());
            model.addAttribute("notice", "privacy-self.sms.maybe-sent");
            model.addAttribute("name", name);
            model.addAttribute("idNumber", idNumber);
            return "privacy/self-service/sign-in";
        } catch (BaomiException e) {
            return refused(e, name, idNumber, response, model);
        }
    }

    private String refused(BaomiException e, String name, String idNumber, HttpServletResponse response,
            Model model) {
        response.setStatus(status(e));
        model.addAttribute("errorKey", e.messageKey());
        model.addAttribute("errorArgs", e.args());
        model.addAttribute("name", name);
        model.addAttribute("idNumber", idNumber);
        return "privacy/self-service/sign-in";
    }

    @GetMapping("/fees")
    String fees(HttpServletRequest request, Model model) {
        model.addAttribute("fees", portal.fees(requireToken(request)));
        model.addAttribute("section", "fees");
        return "privacy/self-service/fees";
    }

    @GetMapping("/fees/{id}")
    String encounter(@PathVariable String id, HttpServletRequest request, Model model) {
        model.addAttribute("encounter", portal.encounter(requireToken(request), encounterId(id)));
        model.addAttribute("section", "fees");
        return "privacy/self-service/encounter";
    }

    @GetMapping("/fees/print")
    ResponseEntity<byte[]> printAll(HttpServletRequest request) {
        return pdf(portal.print(requireToken(request), null));
    }

    @GetMapping("/fees/{id}/print")
    ResponseEntity<byte[]> print(@PathVariable String id, HttpServletRequest request) {
        return pdf(portal.print(requireToken(request), encounterId(id)));
    }

    @GetMapping("/disclosures")
    String disclosures(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        String token = requireToken(request);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("section", "disclosures");
        try {
            DisclosureReport report = portal.disclosures(token, date(from), date(to));
            model.addAttribute("report", report);
        } catch (BaomiException e) {
            if (e.kind() != BaomiException.Kind.INVALID) {
                throw e;
            }
            response.setStatus(400);
            model.addAttribute("errorKey", e.messageKey());
        }
        return "privacy/self-service/disclosures";
    }

    @PostMapping("/sign-out")
    String signOut(HttpServletRequest request) {
        String token = token(request);
        if (token != null) {
            signIn.signOut(token);
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/self-service/sign-in?out";
    }

    /** An expired session leads back to the sign-in; other refusals get the patient pages' own error page. */
    @ExceptionHandler(BaomiException.class)
    ModelAndView refused(BaomiException e, HttpServletRequest request, HttpServletResponse response) {
        if (e.kind() == BaomiException.Kind.UNAUTHENTICATED) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(TOKEN);
            }
            return new ModelAndView("redirect:/self-service/sign-in?expired");
        }
        response.setStatus(status(e));
        ModelAndView page = new ModelAndView("privacy/self-service/error");
        page.addObject("errorKey", e.messageKey());
        return page;
    }

    static int status(BaomiException e) {
        return switch (e.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case FORBIDDEN -> 403;
            case UNAUTHENTICATED -> 401;
            case TOO_MANY_REQUESTS -> 429;
        };
    }

    private static ResponseEntity<byte[]> pdf(SelfServicePrint print) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(print.fileName()).build().toString())
                .header("X-Trace-Code", print.traceCode())
                .body(print.pdf());
    }

    private static String token(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (String) session.getAttribute(TOKEN);
    }

    private static String requireToken(HttpServletRequest request) {
        String token = token(request);
        if (token == null) {
            throw new BaomiException(BaomiException.Kind.UNAUTHENTICATED, "privacy-self.session.expired");
        }
        return token;
    }

    private static long encounterId(String value) {
        try {
            long id = Long.parseLong(value.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // the same answer as an encounter that is not the patient's
        }
        throw BaomiException.notFound("privacy-self.fees.not-found");
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw BaomiException.invalid("privacy-self.disclosures.error.date-format");
        }
    }
}
