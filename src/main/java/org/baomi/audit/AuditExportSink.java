package org.baomi.audit;

import java.io.IOException;

/**
 * Receives an export as it is read, so that the file is streamed to the reader instead of held in memory.
 * {@link #begin} comes first, once, then one {@link #row} per entry, newest first.
 */
public interface AuditExportSink {

    /** Before the first row: how many rows follow and whether the export was cut at the limit. */
    void begin(AuditExportInfo info) throws IOException;

    void row(AuditRecord record) throws IOException;

    /** After the last row. */
    void end() throws IOException;

    /**
     * @param rows      how many rows the export holds
     * @param limit     the most an export may hold
     * @param truncated true when more entries matched than the limit allows
     */
    record AuditExportInfo(long rows, int limit, boolean truncated) {
    }
}
