package org.baomi.shared;

/**
 * One page of a longer list, as paging needs it: the zero-based page, its size and the number of all matches.
 * The pager of the pages ({@code fragments/navigation :: pager}) takes one.
 */
public interface Paged {

    long total();

    int page();

    int size();

    /** At least one page, even when nothing matched. */
    default int totalPages() {
        return total() == 0 || size() <= 0 ? 1 : (int) Math.min(Integer.MAX_VALUE, (total() + size() - 1) / size());
    }

    default boolean hasPrevious() {
        return page() > 0;
    }

    default boolean hasNext() {
        return page() + 1 < totalPages();
    }
}
