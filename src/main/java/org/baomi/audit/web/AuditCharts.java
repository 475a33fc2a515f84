package org.baomi.audit.web;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.baomi.audit.AuditActivity;
import org.baomi.audit.AuditOutcome;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's charts as ECharts takes them, translated: activity per bucket by outcome, and the most denied
 * actions. The JSON travels in a data attribute and is drawn by {@code /assets/js/audit-console.js} (no inline
 * script: CSP).
 */
@Component
class AuditCharts {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MM-dd HH:00");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;

    AuditCharts(MessageSource messages, JsonMapper json, Clock clock) {
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    String json(AuditActivity activity, Locale locale) {
        DateTimeFormatter format = activity.hourly() ? HOUR : DAY;
        List<String> labels = new ArrayList<>();
        for (Instant bucket : activity.buckets()) {
            labels.add(format.format(bucket.atZone(clock.getZone())));
        }
        List<Map<String, Object>> series = new ArrayList<>();
        series.add(series(AuditOutcome.ALLOWED, activity.allowed(), locale));
        series.add(series(AuditOutcome.DENIED, activity.denied(), locale));
        series.add(series(AuditOutcome.FAILED, activity.failed(), locale));
        List<String> actions = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (AuditActivity.ActionCount c : activity.deniedActions()) {
            actions.add(messages.getMessage("audit.action." + c.action(), null, c.action(), locale));
            counts.add(c.count());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", labels);
        data.put("series", series);
        data.put("deniedActions", actions);
        data.put("deniedCounts", counts);
        data.put("empty", messages.getMessage("audit.chart.empty", null, "", locale));
        data.put("noDenials", messages.getMessage("audit.chart.no-denials", null, "", locale));
        return json.writeValueAsString(data);
    }

    private Map<String, Object> series(AuditOutcome outcome, List<Long> values, Locale locale) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("outcome", outcome.name());
        one.put("name", messages.getMessage("audit.outcome." + outcome.name(), null, outcome.name(), locale));
        one.put("data", values);
        return one;
    }
}
