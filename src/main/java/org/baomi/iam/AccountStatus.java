package org.baomi.iam;

/** Lifecycle of a staff account; only ACTIVE accounts sign in. */
public enum AccountStatus {
    ACTIVE, SUSPENDED, DEPARTED;

    public String messageKey() {
        return "iam.account-status." + name();
    }
}
