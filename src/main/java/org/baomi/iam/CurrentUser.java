package org.baomi.iam;

import java.util.Optional;

/** The person behind the current request. */
public interface CurrentUser {

    /** The signed-in person, if the request has completed every login step. */
    Optional<StaffPrincipal> principal();

    /**
     * The signed-in person.
     *
     * @throws org.baomi.shared.BaomiException (UNAUTHENTICATED) when nobody is signed in
     */
    StaffPrincipal require();
}
