package org.baomi.print.web;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.baomi.print.PrintPermissions;
import org.baomi.print.TraceCodes;
import org.baomi.print.TraceRecord;
import org.baomi.iam.PermissionGuard;
import org.baomi.shared.BaomiException;
import org.baomi.shared.Htmx;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The confidentiality office's "who got the copy with this code?" (issue 5 item 5; AUD-1, DOC-3). The module API
 * checks the permission and audits each lookup.
 */
@Controller
@RequestMapping("/print/trace")
class TraceLookupController {

    private static final String VIEW = "print/trace";

    private final TraceCodes traces;
    private final PermissionGuard guard;
    private final DateTimeFormatter times;

    TraceLookupController(TraceCodes traces, PermissionGuard guard, Clock clock) {
        this.traces = traces;
        this.guard = guard;
        this.times = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(clock.getZone());
    }

    @GetMapping
    String lookup(@RequestParam(required = false) String code, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        model.addAttribute("code", code == null ? "" : code.strip());
        model.addAttribute("times", times);
        if (code == null || code.isBlank()) {
            // the empty form shows only to those who may use it (deny by default, audited)
            guard.require(PrintPermissions.TRACE_LOOKUP);
        } else {
            try {
                Optional<TraceRecord> found = traces.lookup(code);
                model.addAttribute("searched", true);
                model.addAttribute("found", found.orElse(null));
            } catch (BaomiException e) {
                if (e.kind() != BaomiException.Kind.INVALID) {
                    throw e;
                }
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                model.addAttribute("problem", e.messageKey());
            }
        }
        return Htmx.wantsPart(request) ? VIEW + " :: result" : VIEW;
    }
}
