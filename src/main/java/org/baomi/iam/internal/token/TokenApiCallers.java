package org.baomi.iam.internal.token;

import java.util.Optional;

import org.baomi.iam.ApiCallers;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** {@link ApiCallers} from the API token authentication of the current request. */
@Component
class TokenApiCallers implements ApiCallers {

    @Override
    public Optional<String> currentClient() {
        return client().map(ApiClient::client);
    }

    @Override
    public boolean hasScope(String scope) {
        // Scopes match exactly: tokens hold no wildcards (ApiTokenService refuses them).
        return client().map(c -> c.scopes().contains(scope)).orElse(false);
    }

    private static Optional<ApiClient> client() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth instanceof ApiTokenAuthentication api ? Optional.of(api.getPrincipal()) : Optional.empty();
    }
}
