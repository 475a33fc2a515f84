package org.baomi.iam.web;

import org.baomi.iam.AccountSearch;
import org.baomi.iam.AccountSort;
import org.baomi.iam.AccountStatus;

/** Filters of the account list as they arrive in the URL; values that do not bind are ignored. */
public class AccountFilterForm {

    private String q;
    private Long department;
    private AccountStatus status;
    private Long role;
    private boolean locked;
    private AccountSort sort = AccountSort.STAFF_NO;
    private int page;

    AccountSearch toSearch() {
        return new AccountSearch(q, department, status, role, locked, sort, page, 20);
    }

    /** The list's URL query for another page with the same filters. */
    public String query(int otherPage) {
        return new QueryString().add("q", AccountSearch.searchText(q)).add("department", department)
                .add("status", status).add("role", role).add("locked", locked ? Boolean.TRUE : null)
                .add("sort", sort == null ? AccountSort.STAFF_NO : sort).add("page", Math.max(otherPage, 0)).toString();
    }

    public String getQ() { return q; }
    public void setQ(String q) { this.q = q; }
    public Long getDepartment() { return department; }
    public void setDepartment(Long department) { this.department = department; }
    public AccountStatus getStatus() { return status; }
    public void setStatus(AccountStatus status) { this.status = status; }
    public Long getRole() { return role; }
    public void setRole(Long role) { this.role = role; }
    public boolean isLocked() { return locked; }
    public void setLocked(boolean locked) { this.locked = locked; }
    public AccountSort getSort() { return sort; }
    public void setSort(AccountSort sort) { this.sort = sort; }
    public int getPage() { return page; }
    public void setPage(int page) { this.page = page; }
}
