package org.baomi.iam.web;

import org.baomi.shared.BaomiException;

/** Puts refusals of the identity API onto forms. */
final class AdminForms {

    private AdminForms() {
    }

    /**
     * Whether the refusal belongs on the page (a rule the person can act on) rather than on the error page (no
     * permission, nothing found): those are rethrown to {@link AdminWebErrors}.
     */
    static boolean showOnPage(BaomiException e) {
        return switch (e.kind()) {
            case INVALID, CONFLICT -> true;
            case FORBIDDEN -> !"error.forbidden".equals(e.messageKey());
            default -> false;
        };
    }
}
