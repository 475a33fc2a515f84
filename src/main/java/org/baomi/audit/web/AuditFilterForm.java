package org.baomi.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.baomi.audit.AuditActionGroup;
import org.baomi.audit.AuditFilter;
import org.baomi.audit.AuditOutcome;
import org.baomi.shared.BaomiException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit administrator's filter as typed: dates (yyyy-MM-dd, both days included, hospital time zone), an
 * action group, an outcome, actor text and a page. Bound from the query string as plain text so that nothing
 * typed can break the binding.
 */
record AuditFilterForm(String from, String to, String group, String outcome, String actor, String page) {

    /** The usable filter, or the reasons it is not usable. */
    record Parsed(AuditFilter filter, int page, List<FilterError> errors) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    Parsed parse(ZoneId zone) {
        List<FilterError> errors = new ArrayList<>();
        Optional<LocalDate> fromDay = FilterInputs.date(from, "audit.filter.error.from-invalid", errors);
        Optional<LocalDate> toDay = FilterInputs.date(to, "audit.filter.error.to-invalid", errors);
        Optional<AuditActionGroup> chosenGroup = FilterInputs.choice(AuditActionGroup.class, group,
                "audit.filter.error.group-invalid", errors);
        Optional<AuditOutcome> chosenOutcome = FilterInputs.choice(AuditOutcome.class, outcome,
                "audit.filter.error.outcome-invalid", errors);
        AuditFilter filter = null;
        try {
            String text = AuditFilter.checkText(actor);
            if (errors.isEmpty()) {
                Instant start = fromDay.map(d -> d.atStartOfDay(zone).toInstant()).orElse(null);
                Instant end = toDay.map(d -> d.plusDays(1).atStartOfDay(zone).toInstant()).orElse(null);
                filter = new AuditFilter(start, end, chosenGroup.orElse(null), chosenOutcome.orElse(null), text);
            }
        } catch (BaomiException e) {
            errors.add(new FilterError(e.messageKey(), e.args()));
        }
        return new Parsed(errors.isEmpty() ? filter : null, FilterInputs.page(page), List.copyOf(errors));
    }

    public String fromValue() {
        return FilterInputs.echo(from);
    }

    public String toValue() {
        return FilterInputs.echo(to);
    }

    public String groupValue() {
        return FilterInputs.echo(group);
    }

    public String outcomeValue() {
        return FilterInputs.echo(outcome);
    }

    public String actorValue() {
        return FilterInputs.echo(actor);
    }

    /** The link to another page of the same filter. */
    public String pageLink(int targetPage) {
        return query("/audit/entries").queryParam("page", targetPage).build().encode().toUriString();
    }

    public String exportLink() {
        return query("/audit/entries/export.csv").build().encode().toUriString();
    }

    private UriComponentsBuilder query(String path) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        add(b, "from", from);
        add(b, "to", to);
        add(b, "group", group);
        add(b, "outcome", outcome);
        add(b, "actor", actor);
        return b;
    }

    static void add(UriComponentsBuilder b, String name, String value) {
        if (value != null && !value.isBlank()) {
            b.queryParam(name, FilterInputs.echo(value));
        }
    }
}
