package org.baomi.iam;

import java.util.List;

/** One page of a search: the rows, the number of all matches, the zero-based page and its size. */
public record ResultPage<T>(List<T> rows, long total, int page, int size) {

    public ResultPage {
        rows = List.copyOf(rows);
    }

    public int totalPages() {
        return size <= 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
