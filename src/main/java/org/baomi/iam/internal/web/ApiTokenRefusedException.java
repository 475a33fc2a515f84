package org.baomi.iam.internal.web;

import org.baomi.iam.internal.token.ApiTokenAuthenticator;
import org.springframework.security.core.AuthenticationException;

/** A bearer token that does not open the API, and why. */
class ApiTokenRefusedException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    private final ApiTokenAuthenticator.Refusal refusal;
    private final Long tokenId;

    ApiTokenRefusedException(ApiTokenAuthenticator.Refusal refusal, Long tokenId) {
        super("API token refused: " + refusal.code());
        this.refusal = refusal;
        this.tokenId = tokenId;
    }

    ApiTokenAuthenticator.Refusal refusal() {
        return refusal;
    }

    Long tokenId() {
        return tokenId;
    }
}
