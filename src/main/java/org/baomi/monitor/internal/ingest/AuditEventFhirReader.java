package org.baomi.monitor.internal.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps FHIR R4 {@code AuditEvent} resources (one, or the entries of a batch Bundle) to raw access events, so that
 * they go through the same validation and idempotency as the JSON events (issue 7 item 1). FHIR payloads are small
 * and irregular, so they are read as a tree, unlike the bulk NDJSON path.
 *
 * <p>Mapping: {@code recorded} → time; the requestor agent's (else the only agent's) {@code who} (identifier value,
 * or the id of a {@code Practitioner/} reference) → user and its {@code network.address} → workstation; the entity
 * whose {@code what} is a {@code Patient/} reference (or a Patient identifier) → patient; the first
 * restful-interaction or Baomi {@code subtype} code, else {@code action} (C, R, U, D, E) → action;
 * {@code source.observer} (identifier value, display, or reference id) → source system; {@code source.site} →
 * department code; the resource {@code id} → event id.
 */
final class AuditEventFhirReader {

    /** FHIR element of each event field, in the order of {@link EventValidator#FIELDS}, for the problems. */
    static final String[] NAMES = {"recorded", "agent.who", "entity.what", "action", "source.observer",
        "agent.network.address", "source.site", "id"};

    private static final Map<String, String> ACTIONS = Map.of("C", "CREATE", "R", "READ", "U", "UPDATE", "D",
            "DELETE", "E", "QUERY");
    private static final Map<String, String> SUBTYPES = Map.ofEntries(Map.entry("read", "READ"),
            Map.entry("vread", "READ"), Map.entry("history", "READ"), Map.entry("history-instance", "READ"),
            Map.entry("create", "CREATE"), Map.entry("update", "UPDATE"), Map.entry("patch", "UPDATE"),
            Map.entry("delete", "DELETE"), Map.entry("search", "QUERY"), Map.entry("search-type", "QUERY"),
            Map.entry("search-system", "QUERY"), Map.entry("print", "PRINT"), Map.entry("export", "EXPORT"));

    private final JsonMapper json;

    AuditEventFhirReader(JsonMapper json) {
        this.json = json;
    }

    /** @param bundleType receives the Bundle's type, or stays null for a single resource */
    List<RawItem> read(byte[] body, String[] bundleType) {
        JsonNode root;
        try {
            root = body == null || body.length == 0 ? null : json.readTree(body);
        } catch (JacksonException e) {
            throw refused("monitor.fhir.not-json");
        }
        if (root == null || !root.isObject()) {
            throw refused("monitor.fhir.not-json");
        }
        String type = text(root.path("resourceType"));
        List<RawItem> items = new ArrayList<>();
        if ("AuditEvent".equals(type)) {
            items.add(item(root, 0));
            return items;
        }
        if (!"Bundle".equals(type)) {
            throw refused("monitor.fhir.resource-type");
        }
        String kind = text(root.path("type"));
        if (!"batch".equals(kind)) {
            // a transaction is all or nothing, which the per-event ingest does not offer: refused, not half-applied
            throw new InvalidInputException(List.of(new FieldProblem("Bundle.type", "monitor.fhir.bundle-type",
                    kind == null ? "" : Checks.clipped(kind))));
        }
        bundleType[0] = kind;
        int i = 0;
        for (JsonNode entry : root.path("entry").values()) {
            JsonNode resource = entry.path("resource");
            if (!resource.isObject() || !"AuditEvent".equals(text(resource.path("resourceType")))) {
                items.add(new RawItem(i, 0, new String[NAMES.length], new ArrayList<>(List.of(
                        new FieldProblem("resourceType", "monitor.fhir.entry-not-audit-event")))));
            } else {
                items.add(item(resource, i));
            }
            i++;
        }
        if (items.isEmpty()) {
            throw refused("monitor.ingest.body-required");
        }
        return items;
    }

    private static RawItem item(JsonNode event, int index) {
        String[] v = new String[NAMES.length];
        v[EventValidator.TIME] = text(event.path("recorded"));
        JsonNode agent = requestor(event.path("agent"));
        v[EventValidator.USER] = agent == null ? null : who(agent.path("who"));
        v[EventValidator.WORKSTATION] = agent == null ? null : text(agent.path("network").path("address"));
        v[EventValidator.PATIENT] = patient(event.path("entity"));
        v[EventValidator.ACTION] = action(event);
        JsonNode observer = event.path("source").path("observer");
        String source = text(observer.path("identifier").path("value"));
        if (source == null) {
            source = text(observer.path("display"));
        }
        if (source == null) {
            source = referenceId(text(observer.path("reference")));
        }
        v[EventValidator.SOURCE] = source;
        v[EventValidator.DEPARTMENT] = text(event.path("source").path("site"));
        v[EventValidator.EVENT_ID] = text(event.path("id"));
        return new RawItem(index, 0, v, new ArrayList<>(0));
    }

    /** The agent marked as requestor; else the only agent; else none (then "who" is reported missing). */
    private static JsonNode requestor(JsonNode agents) {
        for (JsonNode agent : agents.values()) {
            if (agent.path("requestor").asBoolean(false)) {
                return agent;
            }
        }
        return agents.size() == 1 ? agents.get(0) : null;
    }

    private static String who(JsonNode who) {
        String id = text(who.path("identifier").path("value"));
        return id != null ? id : referenceId(text(who.path("reference")));
    }

    private static String patient(JsonNode entities) {
        for (JsonNode entity : entities.values()) {
            JsonNode what = entity.path("what");
            String reference = text(what.path("reference"));
            if (reference != null && reference.startsWith("Patient/")) {
                return referenceId(reference);
            }
            if ("Patient".equals(text(what.path("type")))) {
                String id = text(what.path("identifier").path("value"));
                if (id != null) {
                    return id;
                }
            }
        }
        return null;
    }

    private static String action(JsonNode event) {
        for (JsonNode subtype : event.path("subtype").values()) {
            String code = text(subtype.path("code"));
            String mapped = code == null ? null : SUBTYPES.get(code.toLowerCase(Locale.ROOT));
            if (mapped != null) {
                return mapped;
            }
        }
        String code = text(event.path("action"));
        if (code == null) {
            return null;
        }
        String mapped = ACTIONS.get(code.toUpperCase(Locale.ROOT));
        return mapped != null ? mapped : code; // an unknown code is reported with its value by the validator
    }

    private static String referenceId(String reference) {
        if (reference == null) {
            return null;
        }
        int slash = reference.lastIndexOf('/');
        return slash < 0 ? reference : reference.substring(slash + 1);
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : null;
    }

    private static InvalidInputException refused(String key) {
        return new InvalidInputException(List.of(new FieldProblem("resourceType", key)));
    }
}
