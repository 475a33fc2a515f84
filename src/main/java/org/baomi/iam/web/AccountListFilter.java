package org.baomi.iam.web;

import org.baomi.iam.AccountSearch;
import org.baomi.iam.AccountStatus;

/**
 * The filters that both lists of accounts have (text, department, status) and the page, as they arrive in the
 * URL; values that do not bind are ignored.
 */
public abstract class AccountListFilter {

    private String q;
    private Long department;
    private AccountStatus status;
    private int page;

    /** The start of the list's URL query: the common filters; the list adds its own and the page. */
    QueryString commonQuery() {
        return new QueryString().add("q", AccountSearch.searchText(q)).add("department", department)
                .add("status", status);
    }

    public String getQ() { return q; }
    public void setQ(String q) { this.q = q; }
    public Long getDepartment() { return department; }
    public void setDepartment(Long department) { this.department = department; }
    public AccountStatus getStatus() { return status; }
    public void setStatus(AccountStatus status) { this.status = status; }
    public int getPage() { return page; }
    public void setPage(int page) { this.page = page; }
}
