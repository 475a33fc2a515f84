package org.baomi.approval;

import java.util.List;

/**
 * A kind of approval a module registers at start-up (issue 4 item 1): what is approved, its form, its default
 * chain and the grant it yields. The name shown is the message key {@code approval.kind.<code>}.
 *
 * @param code         lower-case letters, digits and dashes ("access", "document-copy")
 * @param subjectType  the object type the request is about (as in {@link org.baomi.iam.ResourceRef}); null for
 *                     any registered protected object
 * @param fields       extra form fields
 * @param defaultChain the chain used until the security administrator configures another
 * @param grant        the grant an approval yields, or null when the submitting module acts on
 *                     {@link ApprovalDecided} itself
 * @param bulkAllowed  whether approvers may approve several requests at once (never for 机密/绝密 subjects)
 */
public record ApprovalKind(String code, String subjectType, List<FormField> fields, List<ChainStep> defaultChain,
        GrantTemplate grant, boolean bulkAllowed) {

    public ApprovalKind {
        fields = List.copyOf(fields);
        defaultChain = List.copyOf(defaultChain);
    }

    public String messageKey() {
        return "approval.kind." + code;
    }
}
