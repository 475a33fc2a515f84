package org.baomi.privacy;

import java.util.List;

import org.baomi.iam.FieldProblem;

/**
 * What an import did, entry by entry.
 *
 * @param results one per entry, in the order given
 * @param written whether anything was written (false when an all-or-nothing import was refused)
 */
public record ImportReport(List<Result> results, boolean written) {

    public ImportReport {
        results = List.copyOf(results);
    }

    /** How an entry ended. */
    public enum Outcome {
        CREATED, UPDATED, UNCHANGED, REJECTED,
        /** Valid, but not written because another entry of an all-or-nothing import was rejected. */
        NOT_WRITTEN
    }

    /**
     * @param type     resource type
     * @param sourceId the source's id, when it could be read
     * @param outcome  what happened
     * @param problems why it was rejected (empty otherwise)
     */
    public record Result(String type, String sourceId, Outcome outcome, List<FieldProblem> problems) {

        public Result {
            problems = List.copyOf(problems);
        }
    }

    public long count(Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }
}
