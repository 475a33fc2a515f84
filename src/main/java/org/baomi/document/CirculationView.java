package org.baomi.document;

import java.time.Instant;
import java.util.List;

/**
 * A circulation of a document (DOC-5).
 *
 * @param dueAt      two days after it started; it must be back by then
 * @param returnedAt when the custodian recorded it back, or null while open
 * @param overdue    open and past its due time
 */
public record CirculationView(long id, long documentId, CirculationMode mode, boolean urgent, Instant startedAt,
        Instant dueAt, Instant returnedAt, boolean overdue, List<CirculationReader> readers) {

    public CirculationView {
        readers = List.copyOf(readers);
    }

    public boolean open() {
        return returnedAt == null;
    }
}
