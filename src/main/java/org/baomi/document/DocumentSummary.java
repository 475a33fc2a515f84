package org.baomi.document;

import java.time.LocalDate;

import org.baomi.shared.SecretLevel;
import org.springframework.context.MessageSourceResolvable;

/**
 * One row of the register.
 *
 * @param declassifyOn the day the period ends (CLS-4), or null
 * @param overdue      whether a circulation of the document is past its two days (DOC-5)
 */
public record DocumentSummary(long id, String serialNo, Direction direction, String title, String docNumber,
        String originatingUnit, String categoryCode, SecretLevel level, ConfidentialityTerm term,
        LocalDate declassifyOn, int copies, long custodianId, String custodianName, DocumentStatus status,
        LocalDate registeredOn, boolean overdue) {

    /** The level★period mark (CLS-4). */
    public MessageSourceResolvable mark() {
        return DocumentMarks.of(level, term);
    }
}
