package org.baomi.monitor;

import java.util.List;

import org.baomi.iam.FieldProblem;

/**
 * One malformed item of an ingest request and why (issue 7 "Must show": rejected one by one with reasons).
 *
 * @param index    zero-based position among the request's items (array element, NDJSON line with content,
 *                 Bundle entry)
 * @param line     one-based line of the body where the item starts
 * @param problems the field problems: field name, message key, arguments (translated by the web layer)
 */
public record IngestRejection(int index, int line, List<FieldProblem> problems) {

    public IngestRejection {
        problems = List.copyOf(problems);
    }
}
