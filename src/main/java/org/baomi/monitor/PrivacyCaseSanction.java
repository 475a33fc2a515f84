package org.baomi.monitor;

/** The sanctions of PEN-1..3 a violation is concluded with; the key ("PEN-1") is what the case records. */
public enum PrivacyCaseSanction {
    /** PEN-1: warning plus a deduction of 200 to 1000 yuan (a leak without serious consequence, remedied in time). */
    PEN_1,
    /** PEN-2: dismissal and a claim for losses (intentional or negligent leak with serious consequences). */
    PEN_2,
    /** PEN-3: unauthorised intrusion: warning, dismissal if serious, referral to the judiciary if a crime. */
    PEN_3;

    /** The requirement's id, as recorded: "PEN-1". */
    public String key() {
        return name().replace('_', '-');
    }

    public String messageKey() {
        return "monitor.cases.sanction." + name();
    }

    /** The sanction with this key ("PEN-2"), or null. */
    public static PrivacyCaseSanction ofKey(String key) {
        for (PrivacyCaseSanction s : values()) {
            if (s.key().equals(key)) {
                return s;
            }
        }
        return null;
    }
}
