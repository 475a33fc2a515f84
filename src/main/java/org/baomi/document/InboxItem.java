package org.baomi.document;

import java.time.Instant;

import org.baomi.shared.SecretLevel;
import org.springframework.context.MessageSourceResolvable;

/**
 * A document circulating to the current reader (DOC-5), as their inbox lists it.
 *
 * @param signedAt when the reader signed, or null while it waits for their signature
 */
public record InboxItem(long circulationId, long documentId, String serialNo, String title, SecretLevel level,
        ConfidentialityTerm term, boolean urgent, Instant sentAt, Instant dueAt, Instant signedAt, boolean overdue) {

    public MessageSourceResolvable mark() {
        return DocumentMarks.of(level, term);
    }
}
