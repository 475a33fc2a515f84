package org.baomi.monitor.internal.detect;

import java.time.Instant;

/** An approved grant of a person on a patient's record (ACC-6), working from {@code from} until {@code until}. */
public record GrantSpan(long personId, long patientId, Instant from, Instant until) {
}
