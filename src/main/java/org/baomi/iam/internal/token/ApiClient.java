package org.baomi.iam.internal.token;

import java.io.Serializable;
import java.util.Set;

/**
 * The integration client behind an API request: the token that opened it, and the scopes it grants.
 *
 * @param tokenId id of the token (also the actor id in the audit trail)
 * @param name    the token's name
 * @param client  the client system ("HIS")
 */
public record ApiClient(long tokenId, String name, String client, Set<String> scopes) implements Serializable {

    public ApiClient {
        scopes = Set.copyOf(scopes);
    }

    /** The audit trail's reference to the token: opaque, never the token itself. */
    public String reference() {
        return "api-token:" + tokenId;
    }
}
