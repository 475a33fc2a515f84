package org.baomi.audit;

import java.util.Optional;

/**
 * Verification of the tamper-evident audit chain, for the audit administrator (AUD-3, AUD-4). Every method but the
 * key management ones needs {@link #PERMISSION} ({@code audit:chain:verify}, held by the audit administrator role; an API token needs it as a
 * scope); a refusal is audited in its own transaction and thrown as FORBIDDEN.
 *
 * <p>A run records {@code audit.chain.verified}; a run that finds the chain broken also records
 * {@code audit.chain.broken} (outcome FAILED), publishes
 * {@link AuditChainBroken} and puts a duty on the home page of the audit and security administrators.
 */
public interface AuditVerification {

    String PERMISSION = "audit:chain:verify";

    /**
     * Manages the chain's anchor signing key (ORG-5: the security administrator's key management; the audit
     * administrator who verifies does not also control the signing key).
     */
    String MANAGE_PERMISSION = "audit:chain:manage";

    /**
     * Verifies now and waits for the result.
     *
     * @throws org.baomi.shared.BaomiException FORBIDDEN (audited); CONFLICT when a run is already going on
     */
    VerificationResult verify(VerificationMode mode);

    /**
     * Starts a verification in the background and returns at once; {@link #progress()} follows it.
     *
     * @throws org.baomi.shared.BaomiException FORBIDDEN (audited); CONFLICT when a run is already going on
     */
    VerificationProgress start(VerificationMode mode);

    /** The running or last background run of this instance. */
    Optional<VerificationProgress> progress();

    /** The newest stored result of any instance, whoever ran it. */
    Optional<VerificationResult> latest();

    /**
     * Creates a new anchor signing key; anchors are signed with it from now on, and the old public keys stay so
     * that old anchors still verify. Needs {@link #MANAGE_PERMISSION}, not {@link #PERMISSION}. Records
     * {@code audit.chain.key-rotated}.
     *
     * @return the new key's id
     * @throws org.baomi.shared.BaomiException FORBIDDEN (audited)
     */
    String rotateAnchorKey();

    /**
     * The id of the key anchors are signed with now, for the key management screen. Needs
     * {@link #MANAGE_PERMISSION}.
     *
     * @throws org.baomi.shared.BaomiException FORBIDDEN (audited)
     */
    String currentAnchorKey();
}
