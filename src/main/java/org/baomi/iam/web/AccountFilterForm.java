package org.baomi.iam.web;

import org.baomi.iam.AccountSearch;
import org.baomi.iam.AccountSort;

/** Filters of the account list as they arrive in the URL; values that do not bind are ignored. */
public class AccountFilterForm extends AccountListFilter {

    private Long role;
    private boolean locked;
    private AccountSort sort = AccountSort.STAFF_NO;

    AccountSearch toSearch() {
        return new AccountSearch(getQ(), getDepartment(), getStatus(), role, locked, sort, getPage(), 20);
    }

    /** The list's URL query for another page with the same filters. */
    public String query(int otherPage) {
        return commonQuery().add("role", role).add("locked", locked ? Boolean.TRUE : null)
                .add("sort", sort == null ? AccountSort.STAFF_NO : sort).add("page", Math.max(otherPage, 0)).toString();
    }

    public Long getRole() { return role; }
    public void setRole(Long role) { this.role = role; }
    public boolean isLocked() { return locked; }
    public void setLocked(boolean locked) { this.locked = locked; }
    public AccountSort getSort() { return sort; }
    public void setSort(AccountSort sort) { this.sort = sort; }
}
