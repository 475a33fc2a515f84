package org.baomi.audit.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.baomi.audit.SecurityEventFilter;
import org.baomi.audit.SecurityEventKind;
import org.baomi.audit.SecurityEventsOverview;
import org.baomi.shared.BaomiException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The security administrator's filter as typed: days (default: the last 30, today included), a kind, actor
 * text and a page.
 */
record SecurityEventFilterForm(String from, String to, String kind, String actor, String page, String adminPage) {

    record Parsed(SecurityEventFilter filter, int page, int adminPage, List<FilterError> errors) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    Parsed parse(ZoneId zone, LocalDate today) {
        List<FilterError> errors = new ArrayList<>();
        Optional<LocalDate> fromDay = FilterInputs.date(from, "audit.filter.error.from-invalid", errors);
        Optional<LocalDate> toDay = FilterInputs.date(to, "audit.filter.error.to-invalid", errors);
        Optional<SecurityEventKind> chosen = FilterInputs.choice(SecurityEventKind.class, kind,
                "audit.filter.error.kind-invalid", errors);
        SecurityEventFilter filter = null;
        try {
            String text = org.baomi.audit.AuditFilter.checkText(actor);
            if (errors.isEmpty()) {
                LocalDate first = fromDay.orElse(defaultFrom(today));
                LocalDate last = toDay.orElse(today);
                filter = new SecurityEventFilter(first.atStartOfDay(zone).toInstant(),
                        last.plusDays(1).atStartOfDay(zone).toInstant(), chosen.orElse(null), text);
            }
        } catch (BaomiException e) {
            errors.add(new FilterError(e.messageKey(), e.args()));
        }
        return new Parsed(errors.isEmpty() ? filter : null, FilterInputs.page(page), FilterInputs.page(adminPage),
                List.copyOf(errors));
    }

    static LocalDate defaultFrom(LocalDate today) {
        return today.minusDays(SecurityEventsOverview.CHART_DAYS - 1L);
    }

    public String fromValue(LocalDate today) {
        return from == null || from.isBlank() ? defaultFrom(today).toString() : FilterInputs.echo(from);
    }

    public String toValue(LocalDate today) {
        return to == null || to.isBlank() ? today.toString() : FilterInputs.echo(to);
    }

    public String kindValue() {
        return FilterInputs.echo(kind);
    }

    public String actorValue() {
        return FilterInputs.echo(actor);
    }

    public String pageLink(int targetPage) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/audit/security-events");
        AuditFilterForm.add(b, "from", from);
        AuditFilterForm.add(b, "to", to);
        AuditFilterForm.add(b, "kind", kind);
        AuditFilterForm.add(b, "actor", actor);
        return b.queryParam("page", targetPage).build().encode().toUriString();
    }

    /** The same view with the given kind chosen (the totals link to it). */
    public String kindLink(SecurityEventKind chosen) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/audit/security-events");
        AuditFilterForm.add(b, "from", from);
        AuditFilterForm.add(b, "to", to);
        AuditFilterForm.add(b, "actor", actor);
        return b.queryParam("kind", chosen.name()).build().encode().toUriString();
    }
}
