package org.baomi.iam.web;

import org.baomi.iam.AccessDecision;
import org.baomi.iam.AccessRequest;

/**
 * What the denial page shows: the decision and the request, and which way out it offers (ACC-4: an access request
 * that an approval turns into a grant; in an emergency, break the glass).
 *
 * @param request       the refused request (null when not known)
 * @param decision      the decision
 * @param offerRequest  whether an access request would help (need-to-know is what is missing)
 * @param offerBreakGlass whether breaking the glass would help
 */
public record DenialView(AccessRequest request, AccessDecision decision, boolean offerRequest, boolean offerBreakGlass) {

    static final String REQUEST_ACCESS = "access.remedy.request-access";
    static final String REQUEST_OR_BREAK_GLASS = "access.remedy.request-access-or-break-glass";
    static final String BREAK_GLASS = "access.remedy.break-glass";

    static DenialView of(AccessRequest request, AccessDecision decision) {
        String remedy = decision.remedyKey();
        boolean canAsk = request != null;
        return new DenialView(request, decision,
                canAsk && (REQUEST_ACCESS.equals(remedy) || REQUEST_OR_BREAK_GLASS.equals(remedy)),
                canAsk && (BREAK_GLASS.equals(remedy) || REQUEST_OR_BREAK_GLASS.equals(remedy)));
    }

    /**
     * Whether the levels explain the denial, so are shown side by side: clearance (CLS-1), writing down, or an
     * obligations hold that lowered the clearance (PPL-1); for other denials they would only distract.
     */
    public boolean showsLevels() {
        return decision.personClearance() != null && decision.objectLevel() != null
                && LEVEL_REASONS.contains(decision.reasonKey());
    }

    private static final java.util.Set<String> LEVEL_REASONS = java.util.Set.of("access.denied.clearance",
            "access.denied.write-down", "access.denied.obligations");
}
