package org.baomi.approval;

import java.util.List;
import java.util.Optional;

/**
 * The registry of approval kinds (issue 4 item 1). Modules register their kinds at start-up (in a bean's
 * constructor or an {@code ApplicationRunner}); the engine never depends on them. Registration is code, not
 * data: nothing is audited and no permission is checked.
 */
public interface ApprovalKinds {

    /**
     * Registers a kind.
     *
     * @throws IllegalArgumentException for a malformed kind (bad code, empty chain, a role step without role) or a
     *                                  code registered twice
     */
    void register(ApprovalKind kind);

    Optional<ApprovalKind> find(String code);

    /** Every kind, ordered by code. */
    List<ApprovalKind> all();
}
