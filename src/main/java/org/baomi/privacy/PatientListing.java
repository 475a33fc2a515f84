package org.baomi.privacy;

import java.time.Instant;
import java.time.LocalDate;

/** A patient in search results: enough to pick the right one, no identifiers (PAT-3). */
public record PatientListing(long id, String mrn, String name, String gender, LocalDate birthDate, Instant lastSeen) {
}
