package org.baomi.iam.web;

import java.util.List;

/**
 * The decision API's answer (issue 3 item 5), as the API documentation shows it; {@link DecisionJson} writes exactly
 * these fields in this order with Jackson's streaming generator.
 *
 * @param allowed      whether the person may do it
 * @param reason       why, in one word: the need-to-know basis that allowed it (CUSTODIAN, GRANT, ...) or the rule
 *                     that denied it (PERSON, ADMINISTRATOR_SEPARATION, POLICY, PERMISSION, CLEARANCE, ...)
 * @param reasonKey    message key of the explanation ({@code access.denied.clearance})
 * @param explanation  the explanation in the language of the request (Accept-Language)
 * @param remedyKey    message key of what would allow it, or null
 * @param remedy       that, translated, or null
 * @param trail        the rules evaluated, in order, as PERMISSION+(privacy:patient:read)
 * @param grantId      the grant that allowed it, or null
 * @param breakGlassId the break-the-glass session that allowed it, or null
 */
record AccessDecisionResponse(boolean allowed, String reason, String reasonKey, String explanation, String remedyKey,
        String remedy, List<String> trail, Long grantId, Long breakGlassId) {
}
