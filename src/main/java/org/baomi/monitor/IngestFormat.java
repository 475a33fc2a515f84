package org.baomi.monitor;

/** How a batch of access events or care contexts is written in a request body. */
public enum IngestFormat {
    /** One JSON array of objects ({@code application/json}); a syntax error refuses the whole body. */
    JSON_ARRAY,
    /** One JSON object per line ({@code application/x-ndjson}); a broken line is rejected alone. */
    NDJSON
}
