package org.baomi.iam;

import java.util.List;

import org.baomi.shared.SecretLevel;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The answer of the decision point (ACC-1..6, ORG-5, CLS-1), with the rule trail that led to it.
 *
 * <p>{@code reasonKey} is a message key of the {@code messages/access} bundle with a plain-language explanation in
 * both languages ('你的密级为秘密，此对象为机密'); {@link #explanation()} gives it with its arguments resolved, ready
 * for {@code MessageSource.getMessage(resolvable, locale)}. Keys used:
 * <ul>
 * <li>allowed: {@code access.allowed.CUSTODIAN}, {@code .DISTRIBUTION}, {@code .DEPARTMENT}, {@code .CARE_TEAM},
 * {@code .GRANT}, {@code .BREAK_GLASS} (the need-to-know basis that allowed it), {@code access.allowed.create}
 * (creating an object not registered yet: no need-to-know applies);</li>
 * <li>denied: {@code access.denied.unknown-person}, {@code access.denied.inactive},
 * {@code access.denied.administrator} (三员), {@code access.denied.unknown-object}, {@code access.denied.no-policy},
 * {@code access.denied.permission}, {@code access.denied.clearance}, {@code access.denied.write-down},
 * {@code access.denied.obligations}, {@code access.denied.not-medical}, {@code access.denied.need-to-know}.</li>
 * </ul>
 * {@code remedyKey} (null when allowed or when nothing can help) says which approval or step would allow it
 * ({@code access.remedy.request-access}: an access approval that issues a grant;
 * {@code access.remedy.request-access-or-break-glass}: the same, or in an emergency break the glass;
 * {@code access.remedy.break-glass}; {@code access.remedy.permission}: a role with the permission;
 * {@code access.remedy.reclassify}: raise the object's level (CLS-3) before writing; {@code access.remedy.clearance}:
 * only a higher clearance, set by the security administrator, helps; {@code access.remedy.obligations}: sign the
 * agreement or complete the training).
 *
 * @param allowed         whether the request is allowed
 * @param reasonKey       message key of the explanation (see above)
 * @param trail           the rules evaluated, in order, up to the deciding one
 * @param grantId         the grant that satisfied need-to-know, if one did
 * @param breakGlassId    the break-the-glass session that satisfied need-to-know, if one did
 * @param basis           the need-to-know basis that allowed it; null when denied
 * @param remedyKey       message key of what would allow it, or null
 * @param personClearance the person's effective clearance (after an obligations hold), null if the person is unknown
 * @param objectLevel     the object's level, null if the object is unknown
 */
public record AccessDecision(boolean allowed, String reasonKey, List<RuleStep> trail, Long grantId, Long breakGlassId,
        NeedToKnow basis, String remedyKey, SecretLevel personClearance, SecretLevel objectLevel) {

    public AccessDecision {
        trail = List.copyOf(trail);
    }

    public boolean denied() {
        return !allowed;
    }

    /**
     * The explanation with its arguments: {0} the person's clearance, {1} the object's level (both translated level
     * names), {2} the need-to-know basis, translated, {3} the detail of the deciding step (the permission required,
     * when that was missing).
     */
    public MessageSourceResolvable explanation() {
        return new DefaultMessageSourceResolvable(new String[] {reasonKey},
                new Object[] {level(personClearance), level(objectLevel), basis == null ? "" : resolvable(basis.messageKey()),
                    lastDetail()},
                reasonKey);
    }

    /** What would allow the request, or null. */
    public MessageSourceResolvable remedy() {
        return remedyKey == null ? null : resolvable(remedyKey);
    }

    /** The trail in a compact form for audit details: 'PERMISSION+(document:document:read) CLEARANCE-(...)'. */
    public String trailText() {
        StringBuilder text = new StringBuilder();
        for (RuleStep step : trail) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(step);
        }
        return text.toString();
    }

    private String lastDetail() {
        if (trail.isEmpty()) {
            return "";
        }
        String detail = trail.get(trail.size() - 1).detail();
        return detail == null ? "" : detail;
    }

    private static Object level(SecretLevel level) {
        return level == null ? "" : resolvable(level.messageKey());
    }

    private static MessageSourceResolvable resolvable(String key) {
        return new DefaultMessageSourceResolvable(new String[] {key}, null, key);
    }
}
