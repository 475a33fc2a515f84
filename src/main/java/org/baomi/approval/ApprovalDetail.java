package org.baomi.approval;

import java.util.List;
import java.util.Map;

/**
 * A request with its whole history, as its requester, its approvers and the confidentiality office see it.
 *
 * @param canDecide   whether the viewer may decide the current step now
 * @param canWithdraw whether the viewer may withdraw it
 */
public record ApprovalDetail(ApprovalSummary summary, Map<String, String> fields, List<ApprovalStepView> steps,
        List<ApprovalEvent> history, boolean canDecide, boolean canWithdraw) {

    public ApprovalDetail {
        fields = Map.copyOf(fields);
        steps = List.copyOf(steps);
        history = List.copyOf(history);
    }
}
