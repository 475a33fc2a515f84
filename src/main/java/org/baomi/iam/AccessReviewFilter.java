package org.baomi.iam;

/**
 * Filters of the periodic access review (ACC-2); every one is optional.
 *
 * @param text         part of the staff number or name
 * @param departmentId only this department
 * @param status       only this status
 * @param overdueOnly  only accounts never reviewed or reviewed too long ago
 * @param page         zero-based page
 * @param size         page size, 1 to 200
 */
public record AccessReviewFilter(String text, Long departmentId, AccountStatus status, boolean overdueOnly,
        int page, int size) {

    public AccessReviewFilter {
        text = AccountSearch.searchText(text);
        page = Math.max(page, 0);
        size = size <= 0 ? 50 : Math.min(size, 200);
    }
}
