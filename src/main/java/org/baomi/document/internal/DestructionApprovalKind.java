package org.baomi.document.internal;

import java.util.List;

import org.baomi.approval.ApprovalKind;
import org.baomi.approval.ApprovalKinds;
import org.baomi.approval.ApproverRule;
import org.baomi.approval.ChainStep;
import org.baomi.approval.FormField;
import org.baomi.shared.SecretLevel;
import org.springframework.stereotype.Component;

/**
 * The approval kind of DOC-7, {@code document-destruction}: the requester's department head, then the
 * confidentiality office, then the president from 机密 up (绝密 always reaches the president by the engine's rule).
 * No grant: {@link DestructionService} records the decision and waits for the two signatures. Never in bulk.
 */
@Component
class DestructionApprovalKind {

    static final String KIND = "document-destruction";

    DestructionApprovalKind(ApprovalKinds kinds) {
        kinds.register(new ApprovalKind(KIND, "document",
                List.of(new FormField("method", "document.destruction.field.method", true, 20),
                        new FormField("place", "document.destruction.field.place", true, 200)),
                List.of(new ChainStep(ApproverRule.DEPARTMENT_HEAD, null, null, 48),
                        new ChainStep(ApproverRule.ROLE, DocumentApprovalKinds.OFFICE_ROLE, null, 48),
                        new ChainStep(ApproverRule.PRESIDENT, null, SecretLevel.HIGHLY_SECRET, 72)),
                null, false));
    }
}
