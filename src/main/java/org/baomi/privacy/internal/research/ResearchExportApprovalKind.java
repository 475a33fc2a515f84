package org.baomi.privacy.internal.research;

import java.util.List;
import java.util.Set;

import org.baomi.approval.ApprovalKind;
import org.baomi.approval.ApprovalKinds;
import org.baomi.approval.ApproverRule;
import org.baomi.approval.ChainStep;
import org.baomi.approval.GrantTemplate;
import org.baomi.iam.AccessAction;
import org.baomi.privacy.ResearchExports;
import org.springframework.stereotype.Component;

/**
 * Issue 6 item 3 and ACC-5: a research export leaves Baomi only with the president's approval, even de-identified
 * (re-identification stays possible in principle). The approval yields an EXPORT grant on the cohort for a week by
 * default, thirty days at most. Never in bulk.
 */
@Component
class ResearchExportApprovalKind {

    ResearchExportApprovalKind(ApprovalKinds kinds) {
        kinds.register(new ApprovalKind(ResearchExports.APPROVAL_KIND, ResearchExports.OBJECT_TYPE, List.of(),
                List.of(new ChainStep(ApproverRule.PRESIDENT, null, null, 72)),
                new GrantTemplate(Set.of(AccessAction.EXPORT), 7, 30, "privacy.research.grant.conditions"), false));
    }
}
