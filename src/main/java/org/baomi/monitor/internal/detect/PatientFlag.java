package org.baomi.monitor.internal.detect;

/** The sensitive marks of a patient that make an unexplained access worse (PAT-4; the VIP/sensitive detector). */
public enum PatientFlag {
    VIP, PUBLIC_FIGURE, PSYCHIATRIC, INFECTIOUS
}
