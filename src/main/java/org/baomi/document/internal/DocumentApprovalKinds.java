package org.baomi.document.internal;

import java.util.List;

import org.baomi.approval.ApprovalKind;
import org.baomi.approval.ApprovalKinds;
import org.baomi.approval.ApproverRule;
import org.baomi.approval.ChainStep;
import org.baomi.approval.FormField;
import org.baomi.document.CopyKind;
import org.baomi.shared.SecretLevel;
import org.springframework.stereotype.Component;

/**
 * The approval kinds of DOC-3 and DOC-4. None yields a grant: this module acts on the decision itself (numbered
 * copies, the carry-out record). Default chains: the requester's department head, then the confidentiality office;
 * DOC-3 reserves copying and excerpting hospital secrets to the president, so the president decides them from 秘密
 * up; carrying out reaches the president from 机密 up (and 绝密 always does, CLS-3, by the engine's rule). Never in
 * bulk: each copy is a decision about one document.
 */
@Component
class DocumentApprovalKinds {

    static final String OFFICE_ROLE = "confidentiality-office";

    DocumentApprovalKinds(ApprovalKinds kinds) {
        List<FormField> copyFields = List.of(new FormField("copies", "document.field.copies", true, 2));
        kinds.register(new ApprovalKind(CopyKind.COPY.approvalKind(), "document", copyFields, copyChain(), null, false));
        kinds.register(new ApprovalKind(CopyKind.EXCERPT.approvalKind(), "document", copyFields, copyChain(), null,
                false));
        kinds.register(new ApprovalKind(CopyKind.CARRY_OUT.approvalKind(), "document",
                List.of(new FormField("destination", "document.field.destination", true, 200)), List.of(
                        new ChainStep(ApproverRule.DEPARTMENT_HEAD, null, null, 24),
                        new ChainStep(ApproverRule.ROLE, OFFICE_ROLE, null, 24),
                        new ChainStep(ApproverRule.PRESIDENT, null, SecretLevel.HIGHLY_SECRET, 48)),
                null, false));
    }

    private static List<ChainStep> copyChain() {
        return List.of(new ChainStep(ApproverRule.DEPARTMENT_HEAD, null, null, 48),
                new ChainStep(ApproverRule.ROLE, OFFICE_ROLE, null, 48),
                new ChainStep(ApproverRule.PRESIDENT, null, SecretLevel.SECRET, 72));
    }
}
