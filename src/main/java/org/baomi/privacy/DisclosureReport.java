package org.baomi.privacy;

import java.time.LocalDate;
import java.util.List;

/**
 * The accounting of disclosures of one patient for a period (issue 6 item 4, ACC-5): who accessed their record,
 * newest first.
 *
 * @param from       first day, or null for since the beginning
 * @param to         last day (inclusive), or null for up to now
 * @param entries    the accesses, at most {@link SelfServicePortal#MAX_DISCLOSURES}
 * @param truncated  whether older accesses of the period were left out because of that limit
 * @param namesShown whether the hospital's policy shows the names of the people (default: no)
 */
public record DisclosureReport(LocalDate from, LocalDate to, List<DisclosureEntry> entries, boolean truncated,
        boolean namesShown) {

    public DisclosureReport {
        entries = List.copyOf(entries);
    }
}
