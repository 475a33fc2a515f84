package org.baomi.document;

import java.time.LocalDate;
import java.util.List;

import org.baomi.shared.SecretLevel;

/**
 * The designee's review of documents due for declassification (CLS-4, CLS-3): extend the period, downgrade the level
 * or let the period lapse. Only a person allowed by {@code ClassifierDesignations.requireClassifier} for the
 * document's category at its current level (the president or a designee within scope; a refusal is audited by the
 * classification module). Each decision goes to the document's history and the audit trail; when the document has an
 * electronic file, the vault's level mark is re-bound ({@code EncryptedFiles.rebind}) with the old and the new mark.
 */
public interface DocumentDeclassificationReview {

    /** How far ahead the review worklist looks (CLS-4: "due within 30 days"). */
    int REVIEW_WINDOW_DAYS = 30;

    /**
     * The documents still kept whose period ends within {@link #REVIEW_WINDOW_DAYS} days (or has ended and awaits the
     * daily job) and which the current person may review: allowed by {@code ClassifierDesignations.mayClassify} for
     * the category at the current level, and cleared for the level. Soonest first, at most 200. Audit
     * {@code document.declassification.review-listed} (row count) when anything is listed.
     */
    List<ReviewItem> dueForReview();

    /**
     * Extends the period to a new end date: after today, after the current end, and not beyond the registration day
     * plus the level's longest period in the classification catalogue (CLS-4).
     * Audit {@code document.declassification.extended}.
     *
     * @throws org.baomi.iam.InvalidInputException ({@code until}: past, not later, or beyond the longest period;
     *                                             {@code reason})
     * @throws org.baomi.shared.BaomiException     NOT_FOUND; FORBIDDEN (not a classifier); CONFLICT (not kept)
     */
    void extend(long documentId, LocalDate until, String reason);

    /**
     * Lowers the level; below 秘密 the document has no period any more (CLS-5). The access point's object takes the
     * new level. Audit {@code document.declassification.downgraded}.
     *
     * @throws org.baomi.iam.InvalidInputException ({@code level} not lower, {@code reason})
     */
    void downgrade(long documentId, SecretLevel level, String reason);

    /**
     * Confirms the period may lapse: the daily job declassifies it on the day. Audit
     * {@code document.declassification.lapse-confirmed}.
     */
    void letLapse(long documentId, String reason);
}
