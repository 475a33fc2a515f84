package org.baomi.iam;

import java.util.List;

/**
 * The history of reviewed break-the-glass sessions (ACC-4, AUD-1): who broke the glass on what and why, who reviewed
 * it, the verdict and when; for the confidentiality office. {@link BreakTheGlass} holds the worklist of sessions still
 * awaiting review.
 *
 * <p>Permission {@link AccessPermissions#BREAK_GLASS_REVIEW}; a refusal is audited ({@code access.denied}). Audit
 * actions: {@code access.break-glass.history-viewed} (each page, with the filter and the count, in its own
 * transaction) and {@code access.break-glass.history-exported} (the export, in the export's transaction).
 */
public interface BreakGlassReviews {

    /** Most rows one export holds. */
    int EXPORT_MAX = 10_000;

    /**
     * One page of reviewed sessions, the latest review first.
     *
     * @param size 1 to 200
     * @throws org.baomi.shared.BaomiException FORBIDDEN (audited); INVALID {@code access.break-glass.history.period}
     *                                         when the period ends before it starts,
     *                                         {@code access.break-glass.history.paging} for a bad page or size
     */
    ResultPage<BreakGlassSession> reviewed(BreakGlassHistoryFilter filter, int page, int size);

    /**
     * Every reviewed session the filter matches, the latest review first, at most {@link #EXPORT_MAX}, for a file.
     *
     * @throws org.baomi.shared.BaomiException FORBIDDEN (audited); INVALID as for {@link #reviewed}, and
     *                                         {@code access.break-glass.history.too-many} beyond {@link #EXPORT_MAX}
     */
    List<BreakGlassSession> export(BreakGlassHistoryFilter filter);
}
