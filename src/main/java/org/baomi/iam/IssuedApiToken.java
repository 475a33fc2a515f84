package org.baomi.iam;

/**
 * A token just issued. {@code token} is the only copy there will ever be: show it once, never log it.
 */
public record IssuedApiToken(ApiTokenSummary summary, String token) {

    @Override
    public String toString() {
        return "IssuedApiToken[" + summary.prefix() + "_...]";
    }
}
