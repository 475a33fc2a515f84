package org.baomi.monitor;

import java.util.List;

import org.baomi.shared.Paged;

/** A page of the alert queue. */
public record AlertQueryPage(List<AlertQueryRow> rows, long total, int page, int size) implements Paged {

    public AlertQueryPage {
        rows = List.copyOf(rows);
    }
}
