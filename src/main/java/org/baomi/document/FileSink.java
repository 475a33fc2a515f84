package org.baomi.document;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where an export of the document module goes (an HTTP response): opened once, after the access decision, the trace
 * code and the integrity checks, so that a refusal can still be answered with an error page.
 */
@FunctionalInterface
public interface FileSink {

    /**
     * @param delivery what is about to be written: name, media type, length if known, trace code
     * @return the stream to write to; the caller does not close it
     */
    OutputStream open(Delivery delivery) throws IOException;

    /**
     * @param length    the exact number of bytes that will be written, or -1 when unknown
     * @param traceCode the export's trace code as displayed ({@code 7K2M-QX4P-9TRA})
     */
    record Delivery(String fileName, String mediaType, long length, String traceCode) {
    }
}
