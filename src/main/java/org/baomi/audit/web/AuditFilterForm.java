package org.baomi.audit.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.baomi.audit.AuditActionGroup;
import org.baomi.audit.AuditCursor;
import org.baomi.audit.AuditFilter;
import org.baomi.audit.AuditOutcome;
import org.baomi.shared.BaomiException;
import org.baomi.shared.SecretLevel;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit administrator's filter as typed into the console or the REST twin's query string: a period (days as
 * yyyy-MM-dd, both included, or times as yyyy-MM-ddTHH:mm, hospital time zone), an action group or prefix, an
 * outcome, a secret level, a person (account id), a department, an object (type and id), a patient, free text,
 * and a keyset position. Bound as plain text so that nothing typed can break the binding; {@link #parse} turns
 * it into an {@link AuditFilter} or into translated errors. Every value travels in the URL, so a filtered view
 * can be bookmarked and shared.
 */
record AuditFilterForm(String from, String to, String group, String action, String outcome, String level,
        String person, String department, String objectType, String objectId, String patient, String actor,
        String before, String after) {

    /** The usable filter and position, or the reasons they are not usable. */
    record Parsed(AuditFilter filter, AuditCursor before, AuditCursor after, List<FilterError> errors) {
        boolean valid() {
            return errors.isEmpty();
        }

        /** The first error as the exception the REST twin answers with. */
        BaomiException firstError() {
            FilterError e = errors.get(0);
            return BaomiException.invalid(e.key(), e.args());
        }
    }

    static AuditFilterForm empty() {
        return new AuditFilterForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    Parsed parse(ZoneId zone) {
        List<FilterError> errors = new ArrayList<>();
        Optional<Instant> start = FilterInputs.dayOrTime(from, false, zone, "audit.filter.error.from-invalid", errors);
        Optional<Instant> end = FilterInputs.dayOrTime(to, true, zone, "audit.filter.error.to-invalid", errors);
        Optional<AuditActionGroup> chosenGroup = FilterInputs.choice(AuditActionGroup.class, group,
                "audit.filter.error.group-invalid", errors);
        Optional<AuditOutcome> chosenOutcome = FilterInputs.choice(AuditOutcome.class, outcome,
                "audit.filter.error.outcome-invalid", errors);
        Optional<SecretLevel> chosenLevel = FilterInputs.choice(SecretLevel.class, level,
                "audit.filter.error.level-invalid", errors);
        Optional<Long> personId = FilterInputs.id(person, "audit.filter.error.person-invalid", errors);
        AuditCursor olderThan = cursor(before, errors);
        AuditCursor newerThan = cursor(after, errors);
        AuditFilter filter = null;
        try {
            AuditFilter candidate = new AuditFilter(start.orElse(null), end.orElse(null), chosenGroup.orElse(null),
                    action, chosenOutcome.orElse(null), chosenLevel.orElse(null), personId.orElse(null), department,
                    objectType, objectId, patient, actor);
            filter = errors.isEmpty() ? candidate : null;
        } catch (BaomiException e) {
            errors.add(new FilterError(e.messageKey(), e.args()));
        }
        return new Parsed(errors.isEmpty() ? filter : null, olderThan, newerThan, List.copyOf(errors));
    }

    private static AuditCursor cursor(String text, List<FilterError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return AuditCursor.parse(text);
        } catch (BaomiException e) {
            errors.add(FilterError.of(e.messageKey()));
            return null;
        }
    }

    /** The same filter about one person (the person-centred view). */
    AuditFilterForm withPerson(String id) {
        return new AuditFilterForm(from, to, group, action, outcome, level, id, department, objectType, objectId,
                patient, actor, before, after);
    }

    AuditFilterForm withPatient(String id) {
        return new AuditFilterForm(from, to, group, action, outcome, level, person, department, objectType, objectId,
                id, actor, before, after);
    }

    AuditFilterForm withObject(String type, String id) {
        return new AuditFilterForm(from, to, group, action, outcome, level, person, department, type, id, patient,
                actor, before, after);
    }

    /** Values as typed, bounded, to show them back in the form (the page escapes them). */
    public String value(String name) {
        return FilterInputs.echo(switch (name) {
            case "from" -> from;
            case "to" -> to;
            case "group" -> group;
            case "action" -> action;
            case "outcome" -> outcome;
            case "level" -> level;
            case "person" -> person;
            case "department" -> department;
            case "objectType" -> objectType;
            case "objectId" -> objectId;
            case "patient" -> patient;
            case "actor" -> actor;
            default -> null;
        });
    }

    /** Whether any filter field is set (the empty state then suggests clearing it). */
    public boolean filtered() {
        for (String v : new String[] {from, to, group, action, outcome, level, person, department, objectType,
                objectId, patient, actor}) {
            if (v != null && !v.isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** The link to this filter at {@code path} (no position), with extra parameters as name, value pairs. */
    public String link(String path, String... extra) {
        UriComponentsBuilder b = query(path);
        for (int i = 0; i + 1 < extra.length; i += 2) {
            add(b, extra[i], extra[i + 1]);
        }
        return b.build().encode().toUriString();
    }

    private UriComponentsBuilder query(String path) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        add(b, "from", from);
        add(b, "to", to);
        add(b, "group", group);
        add(b, "action", action);
        add(b, "outcome", outcome);
        add(b, "level", level);
        add(b, "person", person);
        add(b, "department", department);
        add(b, "objectType", objectType);
        add(b, "objectId", objectId);
        add(b, "patient", patient);
        add(b, "actor", actor);
        return b;
    }

    static void add(UriComponentsBuilder b, String name, String value) {
        if (value != null && !value.isBlank()) {
            b.queryParam(name, FilterInputs.echo(value));
        }
    }
}
