package org.baomi.approval;

import java.util.List;

import org.baomi.shared.SecretLevel;

/**
 * Configuration of approval chains by the security administrator ({@link ApprovalPermissions#CHAIN_MANAGE}),
 * versioned: each change makes a new version with a reason; old versions are kept and requests remember the
 * version they started with. Whatever the configuration, a 绝密 subject always reaches the president (CLS-3): the
 * engine adds the president's step when a chain lacks it. Audit action {@code approval.chain.configured};
 * reading is open to everyone signed in (chains are not secret). Input problems are thrown as
 * {@link org.baomi.iam.InvalidInputException}; a stale version as CONFLICT.
 */
public interface ApprovalChains {

    /** The chain in force for the kind. */
    ChainConfiguration current(String kind);

    /** Every version of the kind's chain, newest first. */
    List<ChainConfiguration> history(String kind);

    /**
     * Saves a new version.
     *
     * @param expectedVersion the version the administrator edited
     * @return the new version number
     */
    int configure(String kind, List<ChainStep> steps, String escalationRole, String reason, int expectedVersion);

    /** The steps a subject of this level goes through under the chain in force (CLS-3 applied). */
    List<ChainStep> stepsFor(String kind, SecretLevel level);
}
