package org.baomi.privacy;

import org.baomi.print.TracePurpose;

/** How a patient page leaves Baomi (ACC-5): printed from the browser or downloaded as a file; both are PDFs. */
public enum PatientExportMode {

    /** Shown inline for printing; traced as {@link TracePurpose#PRINT}. */
    PRINT(TracePurpose.PRINT),
    /** Saved as a file; traced as {@link TracePurpose#DOWNLOAD}. */
    DOWNLOAD(TracePurpose.DOWNLOAD);

    private final TracePurpose tracePurpose;

    PatientExportMode(TracePurpose tracePurpose) {
        this.tracePurpose = tracePurpose;
    }

    /** The purpose written with the copy's trace code. */
    public TracePurpose tracePurpose() {
        return tracePurpose;
    }
}
