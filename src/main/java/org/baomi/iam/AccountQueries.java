package org.baomi.iam;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Reads of accounts for the administrators' screens (ACC-2). Reads are guarded; the export is audited. */
public interface AccountQueries {

    /** Grants are reviewed at least this often (ACC-2); an older or missing review is overdue. */
    Duration ACCESS_REVIEW_INTERVAL = Duration.ofDays(180);

    /** Permission {@code iam:account:read}. */
    ResultPage<AccountSummary> search(AccountSearch search);

    /**
     * Permission {@code iam:account:read}.
     *
     * @throws org.baomi.shared.BaomiException NOT_FOUND
     */
    AccountDetails details(long accountId);

    /** Every role, for filters and the role checkboxes. Permission {@code iam:account:read}. */
    List<RoleRef> roleOptions();

    /** Permission {@code iam:access-review:manage}; overdue rows first. */
    ResultPage<AccessReviewRow> accessReview(AccessReviewFilter filter);

    /** One row of the review, after it changed. Permission {@code iam:access-review:manage}. */
    AccessReviewRow accessReviewRow(long accountId);

    /**
     * Every row matching the filter (paging ignored) as CSV with headers in the given language. Permission
     * {@code iam:access-review:manage}; audit {@code iam.access-review.exported}.
     */
    CsvExport exportAccessReview(AccessReviewFilter filter, Locale locale);
}
