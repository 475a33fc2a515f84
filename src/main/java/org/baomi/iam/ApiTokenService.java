package org.baomi.iam;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * API tokens of integration clients (HIS, EMR), managed by the security administrator and, for audit scopes only,
 * the audit administrator (permission {@code iam:api-token:manage}). A token is {@code bm_<8-character prefix>_<43-character secret>}; Baomi keeps
 * only the SHA-256 hash of the whole token and the prefix for display, so the token is shown exactly once,
 * when it is issued. A token carries scopes, which are permission strings ({@code iam:staff:read}); the API
 * grants a request what its token's scopes name and nothing else.
 */
public interface ApiTokenService {

    /** Permission of the security administrator that manages API tokens. */
    String PERMISSION = "iam:api-token:manage";

    /** The longest lifetime of a token: a year, then it is issued anew. */
    Duration MAX_LIFETIME = Duration.ofDays(365);

    /**
     * Issues a token. Audited as {@code iam.api-token.issued} (never with the token).
     *
     * @param name     what the token is for ("nightly staff sync"), at most 100 characters
     * @param client   the integration client ("HIS"), at most 100 characters
     * @param scopes   permission strings without wildcards, at least one, each one the issuing administrator's
     *                 kind may hand out (ORG-5: table {@code iam_api_token_scope}; audit scopes only by the audit
     *                 administrator, never business content); a refused scope is audited as
     *                 {@code iam.api-token.issue-refused}
     * @param lifetime more than zero, at most {@link #MAX_LIFETIME}
     * @return the token's summary and the token itself, which is not stored and cannot be shown again
     * @throws org.baomi.shared.BaomiException INVALID (message key says what), FORBIDDEN
     */
    IssuedApiToken issue(String name, String client, Set<String> scopes, Duration lifetime);

    /**
     * One page of tokens, newest first.
     *
     * @param status only tokens of this status; null for all
     * @throws org.baomi.shared.BaomiException FORBIDDEN
     */
    List<ApiTokenSummary> list(ApiTokenSummary.Status status, int page, int size);

    /** How many tokens {@link #list} pages through. */
    long count(ApiTokenSummary.Status status);

    /**
     * Revokes a token at once; requests with it are refused from now on. Audited as
     * {@code iam.api-token.revoked} with the reason.
     *
     * @param reason why, 1 to 200 characters
     * @throws org.baomi.shared.BaomiException NOT_FOUND, CONFLICT (already revoked), INVALID, FORBIDDEN
     */
    ApiTokenSummary revoke(long id, String reason);

    /**
     * The scopes the signed-in administrator's kind may put on a token (ORG-5), sorted; empty for anybody else.
     * No other scope is accepted by {@link #issue}.
     */
    List<String> knownScopes();
}
