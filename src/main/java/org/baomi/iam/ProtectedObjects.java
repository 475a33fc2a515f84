package org.baomi.iam;

import java.util.Optional;
import java.util.Set;

/**
 * The register of protected objects the decision point decides about. Modules that own content (documents,
 * patients, archives) register each object, its level, department and custodian, and keep the distribution list
 * current; unregistered objects are denied to everyone (deny by default).
 *
 * <p>Writes join the caller's transaction (or run in their own without one) and take effect in the decision model of every instance
 * within a second of the commit (at once on the writing instance). The calling module audits its own business
 * action; because level, custodian and distribution decide who may see the object, the register also records each
 * change itself (AUD-1), in the caller's transaction: audit actions {@code access.object.registered} and
 * {@code access.distribution.changed}. No permission is checked here: callers are module code acting on a decision
 * they already obtained.
 */
public interface ProtectedObjects {

    /** Registers the object or updates its level, department and custodian. */
    void register(ProtectedObject object);

    /**
     * Replaces the object's distribution list (DOC-5: who may read it besides the custodian).
     *
     * @throws org.baomi.shared.BaomiException NOT_FOUND when the object is not registered
     */
    void setDistribution(ResourceRef ref, Set<Long> personIds);

    /** The object as the model knows it now. */
    Optional<ProtectedObject> find(ResourceRef ref);

    /** The object's distribution list as the model knows it now. */
    Set<Long> distributionOf(ResourceRef ref);
}
