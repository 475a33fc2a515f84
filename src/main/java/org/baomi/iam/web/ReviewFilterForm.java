package org.baomi.iam.web;

import org.baomi.iam.AccessReviewFilter;

/** Filters of the access review as they arrive in the URL or the export form. */
public class ReviewFilterForm extends AccountListFilter {

    private boolean overdue;

    AccessReviewFilter toFilter() {
        return new AccessReviewFilter(getQ(), getDepartment(), getStatus(), overdue, getPage(), 50);
    }

    public String query(int otherPage) {
        return commonQuery().add("overdue", overdue ? Boolean.TRUE : null).add("page", Math.max(otherPage, 0))
                .toString();
    }

    public boolean isOverdue() { return overdue; }
    public void setOverdue(boolean overdue) { this.overdue = overdue; }
}
