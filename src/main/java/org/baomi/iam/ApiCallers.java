package org.baomi.iam;

import java.util.Optional;

/**
 * The integration client behind the current request when it came with an API token (ACC-2), for module APIs that
 * serve both people and other systems. Nothing is audited here: the calling module records what the client did.
 */
public interface ApiCallers {

    /** The client system's name ("HIS") when the current request came with an API token. */
    Optional<String> currentClient();

    /** Whether the current request came with an API token holding exactly this scope. */
    boolean hasScope(String scope);
}
