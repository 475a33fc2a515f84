package org.baomi.monitor;

import java.util.List;

/**
 * The answer to an ingest request, given only after the accepted items were committed (durable on
 * acknowledgement).
 *
 * @param received   items in the request
 * @param accepted   items stored now
 * @param duplicates items already stored (before or earlier in the same request): idempotent ingest
 * @param rejected   malformed items with their reasons, in request order
 * @param outcomes   the outcome of each item in request order
 */
public record IngestReport(int received, int accepted, int duplicates, List<IngestRejection> rejected,
        List<IngestOutcome> outcomes) {

    public IngestReport {
        rejected = List.copyOf(rejected);
        outcomes = List.copyOf(outcomes);
    }
}
