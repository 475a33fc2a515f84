package org.baomi.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the security administrator filters possible intrusions by.
 *
 * @param from      from this time, inclusive (required)
 * @param to        before this time (required)
 * @param kind      one kind, or null for all
 * @param actorText contained in the actor's (claimed) name, the action or the object id
 * @throws org.baomi.shared.BaomiException INVALID when the text or the time range is unusable
 */
public record SecurityEventFilter(Instant from, Instant to, SecurityEventKind kind, String actorText) {

    public SecurityEventFilter {
        if (from == null || to == null) {
            throw org.baomi.shared.BaomiException.invalid("audit.filter.error.range");
        }
        actorText = AuditFilter.checkText(actorText);
        AuditFilter.checkRange(from, to);
    }

    public Map<String, Object> describe() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("from", from.toString());
        facts.put("to", to.toString());
        if (kind != null) {
            facts.put("kind", kind.name());
        }
        if (actorText != null) {
            facts.put("actorText", actorText);
        }
        return facts;
    }
}
