package org.baomi.iam;

import java.util.List;

import org.baomi.shared.Paged;

/** One page of a search: the rows, the number of all matches, the zero-based page and its size. */
public record ResultPage<T>(List<T> rows, long total, int page, int size) implements Paged {

    public ResultPage {
        rows = List.copyOf(rows);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
