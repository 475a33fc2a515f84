package org.baomi.iam.web;

import org.baomi.iam.AccessReviewFilter;
import org.baomi.iam.AccountSearch;
import org.baomi.iam.AccountStatus;

/** Filters of the access review as they arrive in the URL or the export form. */
public class ReviewFilterForm {

    private String q;
    private Long department;
    private AccountStatus status;
    private boolean overdue;
    private int page;

    AccessReviewFilter toFilter() {
        return new AccessReviewFilter(q, department, status, overdue, page, 50);
    }

    public String query(int otherPage) {
        return new QueryString().add("q", AccountSearch.searchText(q)).add("department", department)
                .add("status", status).add("overdue", overdue ? Boolean.TRUE : null)
                .add("page", Math.max(otherPage, 0)).toString();
    }

    public String getQ() { return q; }
    public void setQ(String q) { this.q = q; }
    public Long getDepartment() { return department; }
    public void setDepartment(Long department) { this.department = department; }
    public AccountStatus getStatus() { return status; }
    public void setStatus(AccountStatus status) { this.status = status; }
    public boolean isOverdue() { return overdue; }
    public void setOverdue(boolean overdue) { this.overdue = overdue; }
    public int getPage() { return page; }
    public void setPage(int page) { this.page = page; }
}
