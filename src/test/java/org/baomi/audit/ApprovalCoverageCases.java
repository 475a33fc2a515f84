package org.baomi.audit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.baomi.approval.ApprovalBox;
import org.baomi.approval.ApprovalChains;
import org.baomi.approval.ApprovalDelegations;
import org.baomi.approval.ApprovalFilter;
import org.baomi.approval.ApprovalKind;
import org.baomi.approval.ApprovalKinds;
import org.baomi.approval.ApprovalQueries;
import org.baomi.approval.Approvals;
import org.baomi.approval.ApproverRule;
import org.baomi.approval.ChainStep;
import org.baomi.approval.GrantTemplate;
import org.baomi.approval.SubmitApproval;
import org.baomi.audit.AuditCoverageTest.Case;
import org.baomi.audit.AuditCoverageTest.Who;
import org.baomi.iam.AccessAction;
import org.baomi.iam.ProtectedObject;
import org.baomi.iam.ProtectedObjects;
import org.baomi.iam.ResourceRef;
import org.baomi.shared.SecretLevel;
import org.baomi.test.SignedIn;
import org.baomi.test.TestAccounts;

/**
 * The audit coverage cases of the approval engine (issue 4; AUD-1), collected by {@link AuditCoverageTest}. Each
 * case makes its own kind ({@code t-cov-...}, decided by the confidentiality office), objects and requester, so
 * that nothing here reaches other tests' inboxes.
 */
final class ApprovalCoverageCases {

    private ApprovalCoverageCases() {
    }

    static final List<Case> CASES = List.of(
            Case.recorded("Approvals.submit", Who.STAFF, "approval.request.submitted",
                    t -> t.bean(Approvals.class).submit(request(t, t.person(Who.STAFF).id(), kind(t, false)))),
            Case.recorded("Approvals.decide", Who.OFFICE, "approval.step.approved",
                    t -> t.bean(Approvals.class).decide(submittedByOther(t, kind(t, false)), t.person(Who.OFFICE).id(),
                            true, null, -1)),
            Case.recorded("Approvals.approveAll", Who.OFFICE, "approval.step.approved",
                    t -> t.bean(Approvals.class).approveAll(List.of(submittedByOther(t, kind(t, true))),
                            t.person(Who.OFFICE).id(), null)),
            Case.recorded("Approvals.withdraw", Who.STAFF, "approval.request.withdrawn", t -> {
                long id = t.bean(Approvals.class).submit(request(t, t.person(Who.STAFF).id(), kind(t, false)));
                t.bean(Approvals.class).withdraw(id, t.person(Who.STAFF).id(), "coverage");
            }),
            Case.recorded("ApprovalQueries.detail", Who.STAFF, "approval.request.viewed", t -> {
                long id = t.bean(Approvals.class).submit(request(t, t.person(Who.STAFF).id(), kind(t, false)));
                t.bean(ApprovalQueries.class).detail(id, t.person(Who.STAFF).id());
            }),
            Case.denied("ApprovalQueries.list", t -> t.bean(ApprovalQueries.class).list(t.person(Who.OFFICE).id(),
                    new ApprovalFilter(ApprovalBox.WAITING, null, null, null, 0, 10))),
            Case.denied("ApprovalQueries.waitingCount",
                    t -> t.bean(ApprovalQueries.class).waitingCount(t.person(Who.OFFICE).id())),
            Case.recorded("ApprovalDelegations.delegate", Who.OFFICE, "approval.delegation.created",
                    t -> delegation(t)),
            Case.recorded("ApprovalDelegations.revoke", Who.OFFICE, "approval.delegation.revoked",
                    t -> t.bean(ApprovalDelegations.class).revoke(delegation(t), t.person(Who.OFFICE).id())),
            Case.denied("ApprovalDelegations.of",
                    t -> t.bean(ApprovalDelegations.class).of(t.person(Who.OFFICE).id())),
            Case.recorded("ApprovalChains.configure", Who.SECURITY_ADMIN, "approval.chain.configured",
                    t -> t.bean(ApprovalChains.class).configure(kind(t, false), List.of(new ChainStep(
                            ApproverRule.ROLE, "confidentiality-office", null, 24)), "president", "coverage", 0)));

    static final Map<String, String> NOT_SECURITY_RELEVANT = Map.ofEntries(
            Map.entry("ApprovalKinds.register", "start-up registration of code by modules, not data"),
            Map.entry("ApprovalKinds.find", "the registered kinds: code, no data"),
            Map.entry("ApprovalKinds.all", "the registered kinds: code, no data"),
            Map.entry("ApprovalChains.current", "chains are not secret; changes are audited (configure)"),
            Map.entry("ApprovalChains.history", "chains are not secret; changes are audited (configure)"),
            Map.entry("ApprovalChains.stepsFor", "chains are not secret; changes are audited (configure)"),
            Map.entry("RoleHolders.activeHolders", "ids and names for routing work inside Baomi; callers audit what "
                    + "they do with them"),
            Map.entry("RoleHolders.businessRoles", "role codes and names for forms"),
            Map.entry("ApiCallers.currentClient", "who calls, for the caller's own checks and records"),
            Map.entry("ApiCallers.hasScope", "a yes/no about the caller's own token; shows nothing"));

    /** A kind of the run's own, decided by the confidentiality office in one step. */
    private static String kind(AuditCoverageTest t, boolean bulk) {
        String code = "t-cov-" + System.nanoTime();
        t.bean(ApprovalKinds.class).register(new ApprovalKind(code, "document", List.of(),
                List.of(new ChainStep(ApproverRule.ROLE, "confidentiality-office", null, 48)),
                new GrantTemplate(Set.of(AccessAction.READ), 1, 5, null), bulk));
        return code;
    }

    private static SubmitApproval request(AuditCoverageTest t, long requesterId, String kind) {
        ResourceRef ref = ResourceRef.document("T-COV-APR-" + System.nanoTime());
        t.bean(ProtectedObjects.class).register(new ProtectedObject(ref, SecretLevel.INTERNAL, null, null));
        return new SubmitApproval(kind, requesterId, ref.type(), ref.id(), "READ", "coverage", 1, Map.of());
    }

    /** A request by a fresh staff member, waiting for the office (the caller of the case). */
    private static long submittedByOther(AuditCoverageTest t, String kind) {
        TestAccounts.Created requester = t.freshStaff();
        return SignedIn.as(t.accounts.authenticationOf(requester),
                () -> t.bean(Approvals.class).submit(request(t, requester.id(), kind)));
    }

    private static long delegation(AuditCoverageTest t) {
        TestAccounts.Created deputy = t.accounts.create(TestAccounts.person().clearance(SecretLevel.SECRET)
                .roles("staff", "confidentiality-office"));
        return t.bean(ApprovalDelegations.class).delegate(t.person(Who.OFFICE).id(), deputy.staffNo(), null,
                t.clock().instant().plus(Duration.ofHours(1)), "coverage");
    }
}
