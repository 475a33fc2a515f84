package org.baomi.audit;

/** How much of the chain a verification covers (AUD-3). */
public enum VerificationMode {
    /** Every entry from the first, and every anchor. */
    FULL,
    /**
     * From the newest anchor that an earlier intact run covered (its signature and chain hash re-checked) to the
     * head, and the anchors after it; the whole chain when there is no such anchor.
     */
    INCREMENTAL,
    /**
     * As {@link #FULL}, and every entry's MAC checked again. A full run checks one seal MAC per batch instead (the
     * sealer checked each entry's MAC when it sealed it); a deep run does not rely on the sealer's check.
     */
    DEEP
}
