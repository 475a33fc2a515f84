package org.baomi.monitor;

/**
 * The kinds of suspicious access the monitoring looks for (issue 7 item 3; PAT-4, ACC-1). Each alert names one;
 * thresholds are tuned per detector, and the synthetic hospital labels its injected snooping with them.
 */
public enum Detector {
    /** No care relationship, encounter department, order, appointment, referral, grant or reviewed break-the-glass
     *  explains the access. */
    NO_EXPLANATION,
    /** The patient shares the person's surname and address or phone: a relative. */
    FAMILY,
    /** The patient is a member of staff (coworker as patient). */
    COWORKER,
    /** The patient is a VIP or sensitive patient (public figure, psychiatric or infectious-disease care). */
    VIP_SENSITIVE,
    /** The person looked up their own record. */
    SELF_LOOKUP,
    /** The account was departed or suspended when it was used. */
    INACTIVE_ACCOUNT,
    /** Access at hours outside the person's usual pattern. */
    AFTER_HOURS,
    /** A volume of accesses far above the person's own history and their peers in the same post. */
    VOLUME_SPIKE,
    /** The patient had died before the access. */
    DECEASED;

    /** Message key of the detector's name ("monitor.detector.FAMILY"). */
    public String messageKey() {
        return "monitor.detector." + name();
    }
}
