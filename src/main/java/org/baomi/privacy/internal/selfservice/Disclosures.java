package org.baomi.privacy.internal.selfservice;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.baomi.audit.ActorKind;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditQueries;
import org.baomi.audit.AuditRecord;
import org.baomi.privacy.DisclosureAction;
import org.baomi.privacy.DisclosureEntry;
import org.baomi.privacy.DisclosureReport;
import org.baomi.privacy.PatientPurpose;
import org.baomi.privacy.SelfServicePortal;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The accounting of disclosures (issue 6 item 4, ACC-5) from the audit trail. A disclosure is an audit entry that
 * <ul>
 * <li>names the patient in its {@code patient_id} (batch imports, which list patients in {@code details.patients},
 * are not accesses to a record and never have it);</li>
 * <li>was ALLOWED (a refused attempt disclosed nothing);</li>
 * <li>was done by staff (actor kind PERSON) or a hospital system with an API token (API_CLIENT): the patient's own
 * self-service activity (PATIENT) is audited but not listed;</li>
 * <li>is an access to content: its action ends with {@code .viewed} (VIEWED), {@code .printed} (PRINTED),
 * {@code .exported} or {@code .downloaded} (EXPORTED) — today {@code privacy.patient.viewed}; prints and exports
 * named this way by later work are listed without change here;</li>
 * <li>and is not a desk service at the patient's own request ({@code privacy.self.*}: finding the patient and issuing
 * a code).</li>
 * </ul>
 */
@Component
class Disclosures {

    /** Care-team roles of the directory with a name of their own on the patient's page; others read "care team". */
    private static final Set<String> KNOWN_CARE_ROLES = Set.of("attending", "doctor", "nurse");
    private static final Set<ActorKind> ACTORS = EnumSet.of(ActorKind.PERSON, ActorKind.API_CLIENT);
    /** Entries read from the trail at most; self-service and other non-disclosure entries are filtered after. */
    private static final int READ_LIMIT = 5000;

    private final AuditQueries trail;
    private final SelfServiceStore store;
    private final SelfServiceSettings settings;
    private final JsonMapper json;
    private final Clock clock;

    Disclosures(AuditQueries trail, SelfServiceStore store, SelfServiceSettings settings, JsonMapper json,
            Clock clock) {
        this.trail = trail;
        this.store = store;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /** The action of an audit entry as a disclosure, or empty when the entry is none (see the class comment). */
    static Optional<DisclosureAction> classify(AuditRecord r) {
        if (r.outcome() != AuditOutcome.ALLOWED || !ACTORS.contains(r.actorKind()) || r.action() == null
                || r.action().startsWith("privacy.self.")) {
            return Optional.empty();
        }
        String action = r.action();
        if (action.endsWith(".viewed")) {
            return Optional.of(DisclosureAction.VIEWED);
        }
        if (action.endsWith(".printed")) {
            return Optional.of(DisclosureAction.PRINTED);
        }
        if (action.endsWith(".exported") || action.endsWith(".downloaded")) {
            return Optional.of(DisclosureAction.EXPORTED);
        }
        return Optional.empty();
    }

    DisclosureReport of(long patientId, LocalDate from, LocalDate to) {
        ZoneId zone = clock.getZone();
        List<AuditRecord> records = trail.ofPatient(Long.toString(patientId),
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), ACTORS, READ_LIMIT);
        List<AuditRecord> accesses = new ArrayList<>();
        List<DisclosureAction> actions = new ArrayList<>();
        for (AuditRecord r : records) {
            Optional<DisclosureAction> action = classify(r);
            if (action.isPresent()) {
                accesses.add(r);
                actions.add(action.get());
            }
        }
        boolean truncated = records.size() == READ_LIMIT || accesses.size() > SelfServicePortal.MAX_DISCLOSURES;
        int shown = Math.min(accesses.size(), SelfServicePortal.MAX_DISCLOSURES);
        Map<Long, String> careRoles = store.careRoles(patientId, accesses.subList(0, shown).stream()
                .filter(r -> r.actorKind() == ActorKind.PERSON && r.actorId() != null).map(AuditRecord::actorId)
                .distinct().toList());
        List<DisclosureEntry> entries = new ArrayList<>(shown);
        for (int i = 0; i < shown; i++) {
            entries.add(entry(accesses.get(i), actions.get(i), careRoles));
        }
        return new DisclosureReport(from, to, entries, truncated, settings.disclosureNames());
    }

    private DisclosureEntry entry(AuditRecord r, DisclosureAction action, Map<Long, String> careRoles) {
        JsonNode details = details(r.details());
        String purpose = text(details, "purpose");
        Long grant = number(details, "grantId");
        Long glass = number(details, "breakGlassId");
        String role;
        if (r.actorKind() == ActorKind.API_CLIENT) {
            role = "privacy-self.role.system";
        } else if (careRoles.containsKey(r.actorId())) {
            String care = careRoles.get(r.actorId());
            role = KNOWN_CARE_ROLES.contains(care) ? "privacy-self.role." + care : "privacy-self.role.care-team";
        } else {
            role = "privacy-self.role.staff";
        }
        String purposeKey = null;
        for (PatientPurpose p : PatientPurpose.values()) {
            if (p.name().equals(purpose)) {
                purposeKey = "privacy.purpose." + p.name();
            }
        }
        return new DisclosureEntry(r.sequence(), r.occurredAt(), action, r.actorDepartment(), role,
                settings.disclosureNames() ? r.actorName() : null, purposeKey, grant, glass);
    }

    private JsonNode details(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (RuntimeException e) {
            return null; // the trail's details are written as JSON; an unreadable one just has no purpose to show
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }

    private static Long number(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isNumber() ? value.asLong() : null;
    }
}
