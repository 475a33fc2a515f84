package org.baomi.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.baomi.shared.BaomiException;

/**
 * What the audit administrator filters the trail by. Every field is optional.
 *
 * @param from      from this time, inclusive
 * @param to        before this time
 * @param group     one of the fixed action families
 * @param outcome   allowed, denied or failed
 * @param actorText contained in the actor's name, the action or the object id; at most
 *                  {@link #MAX_TEXT_LENGTH} characters, no control characters
 * @throws BaomiException INVALID when the text or the time range is unusable
 */
public record AuditFilter(Instant from, Instant to, AuditActionGroup group, AuditOutcome outcome, String actorText) {

    public static final int MAX_TEXT_LENGTH = 100;
    /** Times outside this range are refused rather than passed to the database. */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    public AuditFilter {
        actorText = checkText(actorText);
        checkRange(from, to);
    }

    /** The search for one page of this filter. */
    public AuditSearch toSearch(int page, int size) {
        Set<String> prefixes = group == null ? Set.of() : Set.copyOf(group.prefixes());
        return new AuditSearch(prefixes, Set.of(), outcome, from, to, actorText, page, size);
    }

    /** The filter as facts for the audit record of the read itself. */
    public Map<String, Object> describe() {
        Map<String, Object> facts = new LinkedHashMap<>();
        if (from != null) {
            facts.put("from", from.toString());
        }
        if (to != null) {
            facts.put("to", to.toString());
        }
        if (group != null) {
            facts.put("group", group.name());
        }
        if (outcome != null) {
            facts.put("outcome", outcome.name());
        }
        if (actorText != null) {
            facts.put("actorText", actorText);
        }
        return facts;
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
}
