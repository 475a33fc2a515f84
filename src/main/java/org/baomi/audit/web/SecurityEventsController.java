package org.baomi.audit.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.baomi.audit.AuditPage;
import org.baomi.audit.SecurityEventKind;
import org.baomi.audit.SecurityEvents;
import org.baomi.audit.SecurityEventsOverview;
import org.baomi.shared.Htmx;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The security administrator's screen (ACC-8, ORG-5): possible intrusions with a 30-day chart, and the audit
 * administrator's own actions. The chart's data travels as JSON in a data attribute and is drawn by
 * {@code /js/security-events.js} (no inline script: CSP).
 */
@Controller
class SecurityEventsController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

    private final SecurityEvents events;
    private final AuditRowViews views;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;

    SecurityEventsController(SecurityEvents events, AuditRowViews views, MessageSource messages, JsonMapper json,
            Clock clock) {
        this.events = events;
        this.views = views;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/audit/security-events")
    String securityEvents(@ModelAttribute("form") SecurityEventFilterForm form, HttpServletRequest request,
            Model model, Locale locale, HttpServletResponse response) {
        boolean part = Htmx.wantsPart(request);
        LocalDate today = LocalDate.now(clock);
        SecurityEventFilterForm.Parsed parsed = form.parse(clock.getZone(), today);
        model.addAttribute("kinds", SecurityEventKind.values());
        model.addAttribute("today", today);
        model.addAttribute("errors", parsed.errors());
        if (parsed.valid()) {
            SecurityEventsOverview overview = events.overview(parsed.filter(), parsed.page());
            model.addAttribute("overview", overview);
            model.addAttribute("rows", views.rows(overview.events().records()));
            model.addAttribute("sources", overview.topSources().stream()
                    .map(s -> new SourceView(s, views.time(s.lastSeen()))).toList());
            model.addAttribute("chartJson", chartJson(overview.chart(), locale));
        } else if (!part) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        if (part) {
            return "audit/security-events :: events";
        }
        if (events.canReadAdministratorActivity()) {
            addAdminActivity(model, parsed.adminPage());
        }
        return "audit/security-events";
    }

    /** ORG-5: paging through the audit administrator's actions (htmx fragment). */
    @GetMapping("/audit/security-events/admin-activity")
    String adminActivity(@RequestParam(name = "page", required = false) String page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        if (htmx == null) {
            return "redirect:/audit/security-events?adminPage=" + FilterInputs.page(page);
        }
        addAdminActivity(model, FilterInputs.page(page));
        return "audit/security-events :: admin-activity";
    }

    private void addAdminActivity(Model model, int page) {
        AuditPage activity = events.auditAdministratorActivity(page);
        model.addAttribute("adminActivity", activity);
        model.addAttribute("adminRows", views.rows(activity.records()));
    }

    /** Days and one translated series per kind, as ECharts takes them. */
    private String chartJson(SecurityEventsOverview.Chart chart, Locale locale) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (SecurityEventKind kind : SecurityEventKind.values()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("kind", kind.name());
            one.put("name", messages.getMessage(kind.messageKey(), null, kind.name(), locale));
            one.put("data", chart.counts().getOrDefault(kind, List.of()));
            series.add(one);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("days", chart.days().stream().map(DAY::format).toList());
        data.put("series", series);
        data.put("empty", messages.getMessage("audit.security-events.chart.empty", null, "", locale));
        return json.writeValueAsString(data);
    }

    record SourceView(SecurityEventsOverview.SourceCount source, String lastSeen) {
    }
}
