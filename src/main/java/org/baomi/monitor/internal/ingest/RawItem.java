package org.baomi.monitor.internal.ingest;

import java.util.List;

import org.baomi.iam.FieldProblem;

/**
 * One item of a request as read, before validation: the text of each expected field (null when absent) and the
 * problems already found while reading (not an object, not text, syntax).
 */
record RawItem(int index, int line, String[] values, List<FieldProblem> problems) {
}
