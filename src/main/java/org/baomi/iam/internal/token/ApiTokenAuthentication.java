package org.baomi.iam.internal.token;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by an API token: its authorities are the token's scopes as {@code SCOPE_<scope>}. */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;
    public static final String SCOPE_PREFIX = "SCOPE_";

    private final ApiClient client;

    public ApiTokenAuthentication(ApiClient client) {
        super(authorities(client));
        this.client = client;
        setAuthenticated(true);
    }

    /** With the authorities of this client already built ({@link #authorities(ApiClient)}). */
    ApiTokenAuthentication(ApiClient client, List<GrantedAuthority> authorities) {
        super(authorities);
        this.client = client;
        setAuthenticated(true);
    }

    static List<GrantedAuthority> authorities(ApiClient client) {
        return client.scopes().stream().sorted()
                .<GrantedAuthority>map(scope -> new SimpleGrantedAuthority(SCOPE_PREFIX + scope)).toList();
    }

    @Override
    public ApiClient getPrincipal() {
        return client;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return client.reference();
    }
}
