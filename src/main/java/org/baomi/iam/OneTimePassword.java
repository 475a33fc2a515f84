package org.baomi.iam;

/**
 * An initial password, generated at random and shown once to the administrator (ACC-2); the person must
 * change it at the first login. Only its hash is stored. {@link #toString()} never shows it.
 */
public record OneTimePassword(long accountId, String staffNo, String fullName, String password) {

    @Override
    public String toString() {
        return "OneTimePassword[accountId=" + accountId + ", staffNo=" + staffNo + "]";
    }
}
