package org.baomi.audit.web;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.baomi.audit.AuditListRow;
import org.baomi.audit.AuditRecord;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Turns audit records into rows of a page or a file. */
@Component
class AuditRowViews {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final int MAX_VALUE_LENGTH = 300;

    private final Clock clock;
    private final JsonMapper json;

    AuditRowViews(Clock clock, JsonMapper json) {
        this.clock = clock;
        this.json = json;
    }

    /** Lines of the console's list, each day named once above its first line. */
    List<ListRowView> listRows(List<AuditListRow> rows) {
        List<ListRowView> out = new ArrayList<>(rows.size());
        String previousDay = null;
        for (AuditListRow r : rows) {
            var local = r.occurredAt().atZone(clock.getZone());
            String day = DAY.format(local);
            out.add(new ListRowView(r, CLOCK_TIME.format(local), day.equals(previousDay) ? null : day));
            previousDay = day;
        }
        return out;
    }

    /** The details JSON indented for reading; unreadable details are shown as stored. */
    String prettyDetails(String stored) {
        if (stored == null || stored.isBlank()) {
            return "{}";
        }
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(stored));
        } catch (JacksonException e) {
            return stored;
        }
    }

    List<AuditRowView> rows(List<AuditRecord> records) {
        return records.stream().map(this::row).toList();
    }

    AuditRowView row(AuditRecord r) {
        String accountLink = "account".equals(r.objectType()) && r.objectId() != null && r.objectId().matches("\\d{1,18}")
                ? "/iam/accounts/" + r.objectId() : null;
        return new AuditRowView(r, time(r.occurredAt()), details(r.details()), accountLink);
    }

    String time(Instant instant) {
        return TIME.format(instant.atZone(clock.getZone()));
    }

    /** Top-level facts as key and value; nested values stay JSON. Unreadable details are shown as stored. */
    List<AuditRowView.Detail> details(String stored) {
        if (stored == null || stored.isBlank() || stored.equals("{}")) {
            return List.of();
        }
        try {
            Map<?, ?> facts = json.readValue(stored, Map.class);
            List<AuditRowView.Detail> out = new ArrayList<>();
            facts.forEach((key, value) -> out.add(new AuditRowView.Detail(String.valueOf(key), readable(value))));
            return out;
        } catch (JacksonException e) {
            return List.of(new AuditRowView.Detail("", bounded(stored)));
        }
    }

    private String readable(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return bounded(json.writeValueAsString(value));
        }
        return bounded(value.toString());
    }

    private static String bounded(String s) {
        return s.length() <= MAX_VALUE_LENGTH ? s : s.substring(0, MAX_VALUE_LENGTH) + "...";
    }
}
