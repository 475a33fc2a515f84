package org.baomi.approval;

import java.util.List;

import org.baomi.shared.Paged;

/** One page of requests. */
public record ApprovalPage(List<ApprovalSummary> items, int page, int size, long total) implements Paged {

    public ApprovalPage {
        items = List.copyOf(items);
    }
}
