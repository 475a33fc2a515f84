package org.baomi.document;

import org.baomi.shared.SecretLevel;

/**
 * A search of the register. Every criterion is optional (null: any).
 *
 * @param query          part of the title, document number or serial number
 * @param dueWithinDays  only documents whose period ends within this many days from today (CLS-4), 0..3650
 * @param overdueOnly    only documents with an overdue circulation (DOC-5)
 * @param page           zero-based
 * @param size           1..100
 */
public record DocumentFilter(String query, SecretLevel level, String categoryCode, Long custodianId,
        DocumentStatus status, Direction direction, Integer dueWithinDays, boolean overdueOnly, int page, int size) {

    public static DocumentFilter firstPage() {
        return new DocumentFilter(null, null, null, null, null, null, null, false, 0, 20);
    }
}
