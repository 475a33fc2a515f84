package org.baomi.iam;

import java.util.Optional;

/**
 * Whether a person can be reached, and the e-mail address of an ACTIVE person, for the notification centre's e-mail (issue 4 item 5). Nothing is
 * audited here and no permission is needed: the address is used by the server to deliver a message to that very
 * person and is never shown to anyone else; the sender records each e-mail it sends.
 */
public interface ContactAddresses {

    /** Whether the account exists and is ACTIVE: a person who can be told anything at all. */
    boolean active(long personId);

    /** The account's e-mail address when the account is ACTIVE and has a non-blank one. */
    Optional<String> emailOf(long personId);
}
