package org.baomi.monitor;

/** What became of one item of an ingest request. */
public enum IngestOutcome {
    /** Stored now. */
    ACCEPTED,
    /** Already stored (the same source and event id or content), earlier or earlier in the same request. */
    DUPLICATE,
    /** Malformed: not stored; the reasons are in the report's rejections. */
    REJECTED
}
