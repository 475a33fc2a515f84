package org.baomi.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.baomi.shared.BaomiException;
import org.baomi.shared.SecretLevel;

/**
 * What the audit administrator filters the trail by (AUD-2 review). Every field is optional; all given fields must
 * match. Text is compared with fixed SQL through parameters, never pasted into a query.
 *
 * @param from         from this time, inclusive
 * @param to           before this time
 * @param group        one of the fixed action families
 * @param actionPrefix actions starting with this ("iam.login." or a whole action "iam.login.failed"): lower-case
 *                     letters, digits, dots and hyphens, at most {@link #MAX_TEXT_LENGTH}
 * @param outcome      allowed, denied or failed
 * @param level        the object's secret level
 * @param actorId      the acting person's account id (entries by API clients are not a person's)
 * @param department   the actor's department name at the time, exactly
 * @param objectType   the kind of object ("account", "document"); required when {@code objectId} is given
 * @param objectId     the object's id, exactly
 * @param patientId    the patient the entries concern, exactly
 * @param actorText    contained in the actor's name, the action or the object id; at most
 *                     {@link #MAX_TEXT_LENGTH} characters, no control characters
 * @throws BaomiException INVALID (message key {@code audit.filter.error.*}) when a value or the time range is
 *                        unusable
 */
public record AuditFilter(Instant from, Instant to, AuditActionGroup group, String actionPrefix, AuditOutcome outcome,
        SecretLevel level, Long actorId, String department, String objectType, String objectId, String patientId,
        String actorText) {

    public static final int MAX_TEXT_LENGTH = 100;
    public static final int MAX_PATIENT_ID_LENGTH = 64;
    /** Times outside this range are refused rather than passed to the database. */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9.-]*");
    private static final Pattern OBJECT_TYPE = Pattern.compile("[a-z][a-z0-9-]{0,59}");

    public AuditFilter {
        actorText = checkText(actorText);
        actionPrefix = checkPattern(blankToNull(actionPrefix), ACTION, MAX_TEXT_LENGTH, "audit.filter.error.action-invalid");
        objectType = checkPattern(blankToNull(objectType), OBJECT_TYPE, 60, "audit.filter.error.object-type-invalid");
        objectId = checkValue(objectId, MAX_TEXT_LENGTH, "audit.filter.error.object-id-invalid");
        patientId = checkValue(patientId, MAX_PATIENT_ID_LENGTH, "audit.filter.error.patient-invalid");
        department = checkValue(department, MAX_TEXT_LENGTH, "audit.filter.error.department-invalid");
        if (objectId != null && objectType == null) {
            throw BaomiException.invalid("audit.filter.error.object-type-required");
        }
        if (actorId != null && actorId <= 0) {
            throw BaomiException.invalid("audit.filter.error.person-invalid");
        }
        checkRange(from, to);
    }

    /** The filter of the original trail view: period, group, outcome and text. */
    public AuditFilter(Instant from, Instant to, AuditActionGroup group, AuditOutcome outcome, String actorText) {
        this(from, to, group, null, outcome, null, null, null, null, null, null, actorText);
    }

    /** No filter: the whole trail. */
    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null);
    }

    public AuditFilter withPeriod(Instant newFrom, Instant newTo) {
        return new AuditFilter(newFrom, newTo, group, actionPrefix, outcome, level, actorId, department, objectType,
                objectId, patientId, actorText);
    }

    public AuditFilter withActor(Long newActorId) {
        return new AuditFilter(from, to, group, actionPrefix, outcome, level, newActorId, department, objectType,
                objectId, patientId, actorText);
    }

    public AuditFilter withObject(String newType, String newId) {
        return new AuditFilter(from, to, group, actionPrefix, outcome, level, actorId, department, newType, newId,
                patientId, actorText);
    }

    public AuditFilter withPatient(String newPatientId) {
        return new AuditFilter(from, to, group, actionPrefix, outcome, level, actorId, department, objectType,
                objectId, newPatientId, actorText);
    }

    /** The search for one page of this filter (offset paging, for the views that still page by number). */
    public AuditSearch toSearch(int page, int size) {
        Set<String> prefixes = group == null ? Set.of() : Set.copyOf(group.prefixes());
        return new AuditSearch(prefixes, Set.of(), outcome, from, to, actorText, page, size);
    }

    /** The filter as facts for the audit record of the read itself; only the fields that are set. */
    public Map<String, Object> describe() {
        Map<String, Object> facts = new LinkedHashMap<>();
        put(facts, "from", from == null ? null : from.toString());
        put(facts, "to", to == null ? null : to.toString());
        put(facts, "group", group == null ? null : group.name());
        put(facts, "action", actionPrefix);
        put(facts, "outcome", outcome == null ? null : outcome.name());
        put(facts, "level", level == null ? null : level.name());
        put(facts, "actorId", actorId);
        put(facts, "department", department);
        put(facts, "objectType", objectType);
        put(facts, "objectId", objectId);
        put(facts, "patientId", patientId);
        put(facts, "actorText", actorText);
        return facts;
    }

    private static void put(Map<String, Object> facts, String key, Object value) {
        if (value != null) {
            facts.put(key, value);
        }
    }

    /** Blank becomes null; too long or containing control characters is refused with a message key. */
    public static String checkText(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.codePoints().anyMatch(Character::isISOControl)) {
            throw BaomiException.invalid("audit.filter.error.text-control");
        }
        if (stripped.codePointCount(0, stripped.length()) > MAX_TEXT_LENGTH) {
            throw BaomiException.invalid("audit.filter.error.text-too-long", MAX_TEXT_LENGTH);
        }
        return stripped;
    }

    public static void checkRange(Instant from, Instant to) {
        for (Instant bound : new Instant[] {from, to}) {
            if (bound != null && (bound.isBefore(EARLIEST) || bound.isAfter(LATEST))) {
                throw BaomiException.invalid("audit.filter.error.date-out-of-range");
            }
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw BaomiException.invalid("audit.filter.error.range");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String checkPattern(String value, Pattern pattern, int max, String key) {
        if (value != null && (value.length() > max || !pattern.matcher(value).matches())) {
            throw BaomiException.invalid(key);
        }
        return value;
    }

    /** An exact value: printable (no control characters, no lone surrogates), bounded. */
    private static String checkValue(String value, int max, String key) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        boolean printable = v.codePoints().noneMatch(cp -> Character.isISOControl(cp)
                || Character.getType(cp) == Character.SURROGATE);
        if (!printable || v.codePointCount(0, v.length()) > max) {
            throw BaomiException.invalid(key, max);
        }
        return v;
    }
}
