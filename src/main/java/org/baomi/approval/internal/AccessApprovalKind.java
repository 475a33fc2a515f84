package org.baomi.approval.internal;

import java.util.List;
import java.util.Set;

import org.baomi.approval.ApprovalKind;
import org.baomi.approval.ApprovalKinds;
import org.baomi.approval.ApproverRule;
import org.baomi.approval.ChainStep;
import org.baomi.approval.GrantTemplate;
import org.baomi.iam.AccessAction;
import org.baomi.shared.SecretLevel;
import org.springframework.stereotype.Component;

/**
 * The engine's own kind (ACC-4, ACC-6): access beyond one's duties to a registered protected object — read, change
 * or export — approved by the head of the requester's department, then the confidentiality office, and for 机密 and
 * above also the president. The denial page's "request access" button leads to it.
 */
@Component
class AccessApprovalKind {

    static final String CODE = "access";
    static final String OFFICE_ROLE = "confidentiality-office";

    AccessApprovalKind(ApprovalKinds kinds) {
        kinds.register(new ApprovalKind(CODE, null, List.of(), List.of(
                new ChainStep(ApproverRule.DEPARTMENT_HEAD, null, null, 48),
                new ChainStep(ApproverRule.ROLE, OFFICE_ROLE, null, 48),
                new ChainStep(ApproverRule.PRESIDENT, null, SecretLevel.HIGHLY_SECRET, 72)),
                new GrantTemplate(Set.of(AccessAction.READ, AccessAction.CHANGE, AccessAction.EXPORT), 7, 30,
                        "approval.grant.conditions.access"),
                true));
    }
}
