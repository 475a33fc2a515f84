package org.baomi.iam;

/** Orders of the account list; the only way a search is sorted (no column names from requests). */
public enum AccountSort {
    STAFF_NO, NAME, DEPARTMENT, STATUS, LAST_LOGIN, NEWEST;

    public String messageKey() {
        return "iam.admin.sort." + name();
    }
}
