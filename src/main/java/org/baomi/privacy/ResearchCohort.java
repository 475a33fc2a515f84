package org.baomi.privacy;

import java.time.LocalDate;

/**
 * The filters of a research cohort (issue 6 item 3): encounters that started in the period, optionally of one
 * clinical department and with a diagnosis whose ICD-10 code starts with the prefix.
 *
 * @param departmentCode clinical department code, or null/blank for all
 * @param from           first day (required)
 * @param to             last day (required, not before {@code from}, at most {@link ResearchExports#MAX_DAYS} days)
 * @param icd10Prefix    ICD-10 prefix such as {@code I21} or {@code E11.9}, or null/blank for any
 */
public record ResearchCohort(String departmentCode, LocalDate from, LocalDate to, String icd10Prefix) {
}
