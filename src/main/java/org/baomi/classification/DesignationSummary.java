package org.baomi.classification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.baomi.shared.SecretLevel;

/** A designation of a person who may classify (CLS-3), as recorded, with its status today. */
public record DesignationSummary(long id, long personId, String staffNo, String personName, boolean allCategories,
        List<String> domainCodes, List<String> categoryCodes, SecretLevel maxLevel, LocalDate validFrom,
        LocalDate validUntil, String reason, Instant designatedAt, String designatedByName, Instant revokedAt,
        String revokedByName, String revokeReason, DesignationStatus status, int version) {

    public DesignationSummary {
        domainCodes = List.copyOf(domainCodes);
        categoryCodes = List.copyOf(categoryCodes);
    }
}
