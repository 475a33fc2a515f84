package org.baomi.iam;

/** The confidentiality office's verdict on a break-the-glass access (PAT-4: unjustified ones are followed up). */
public enum BreakGlassVerdict {
    JUSTIFIED,
    UNJUSTIFIED;

    public String messageKey() {
        return "access.break-glass.verdict." + name();
    }
}
