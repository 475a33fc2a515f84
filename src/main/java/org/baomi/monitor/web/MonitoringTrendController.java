package org.baomi.monitor.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.baomi.monitor.AlertQueryService;
import org.baomi.monitor.AlertQueryTrends;
import org.baomi.monitor.Detector;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import tools.jackson.databind.json.JsonMapper;

/**
 * Trend charts (issue 7 item 7): alerts per detector per week, cases opened and closed, top departments, drawn by
 * ECharts from a data attribute ({@code /js/monitoring-trends.js}; no inline script: CSP).
 */
@Controller
@RequestMapping("/privacy/monitoring/trends")
class MonitoringTrendController {

    static final int WEEKS = 12;

    private final AlertQueryService queue;
    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder().build();

    MonitoringTrendController(AlertQueryService queue, MessageSource messages) {
        this.queue = queue;
        this.messages = messages;
    }

    @GetMapping
    String trends(Model model, Locale locale) {
        AlertQueryTrends trends = queue.trends(WEEKS);
        List<String> weeks = trends.weeks().stream().map(Object::toString).toList();
        List<Map<String, Object>> detectors = new ArrayList<>();
        for (Map.Entry<Detector, List<Long>> e : trends.alertsByDetector().entrySet()) {
            detectors.add(Map.of("name", messages.getMessage(e.getKey().messageKey(), null, e.getKey().name(), locale),
                    "data", e.getValue()));
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("weeks", weeks);
        chart.put("detectors", detectors);
        chart.put("opened", Map.of("name", messages.getMessage("monitor.cases.trends.opened", null, locale),
                "data", trends.casesOpened()));
        chart.put("closed", Map.of("name", messages.getMessage("monitor.cases.trends.closed", null, locale),
                "data", trends.casesClosed()));
        chart.put("departments", trends.topDepartments().stream().map(Map.Entry::getKey).toList());
        chart.put("departmentCounts", trends.topDepartments().stream().map(Map.Entry::getValue).toList());
        chart.put("empty", messages.getMessage("monitor.cases.trends.empty", null, locale));
        model.addAttribute("trends", trends);
        model.addAttribute("chartJson", json.writeValueAsString(chart));
        return "monitor/trends";
    }
}
