package org.baomi.privacy.internal.export;

import java.util.List;
import java.util.Set;

import org.baomi.approval.ApprovalKind;
import org.baomi.approval.ApprovalKinds;
import org.baomi.approval.ApproverRule;
import org.baomi.approval.ChainStep;
import org.baomi.approval.GrantTemplate;
import org.baomi.iam.AccessAction;
import org.baomi.iam.ResourceRef;
import org.baomi.privacy.PatientExports;
import org.springframework.stereotype.Component;

/**
 * ACC-5: printing or downloading a patient's data needs the president's approval. One step, the president (role
 * {@code president}, who holds {@code privacy:data-access:approve} in the demo), whatever the patient's level; the
 * approval yields an EXPORT grant on the patient for one day by default, a week at most, so that an approval is
 * not a standing licence. Never in bulk: each export is a decision about one patient.
 */
@Component
class PatientExportApprovalKind {

    PatientExportApprovalKind(ApprovalKinds kinds) {
        kinds.register(new ApprovalKind(PatientExports.APPROVAL_KIND, ResourceRef.PATIENT, List.of(),
                List.of(new ChainStep(ApproverRule.PRESIDENT, null, null, 24)),
                new GrantTemplate(Set.of(AccessAction.EXPORT), 1, 7, "privacy.export.grant.conditions"), false));
    }
}
