package org.baomi.document;

import java.time.Instant;

/**
 * One event of a document's history (who, when, what), as its page shows it.
 *
 * @param action stable code ('registered', 'circulated', 'signed', 'returned', 'overdue', 'widened')
 * @param detail facts about it (reader names, serial of the copy), never the document's content; may be null
 */
public record DocumentEvent(Instant occurredAt, String actorName, String action, String detail) {

    public String messageKey() {
        return "document.event." + action;
    }
}
