package org.baomi.approval.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.baomi.approval.ApprovalChains;
import org.baomi.approval.ApprovalDelegations;
import org.baomi.approval.ApprovalFixture;
import org.baomi.approval.ApprovalKind;
import org.baomi.approval.Approvals;
import org.baomi.approval.ApproverRule;
import org.baomi.approval.ChainStep;
import org.baomi.approval.GrantTemplate;
import org.baomi.approval.SubmitApproval;
import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessGrants;
import org.baomi.iam.AccessPolicy;
import org.baomi.iam.AccessRequest;
import org.baomi.iam.InvalidInputException;
import org.baomi.iam.ProtectedObjects;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.internal.access.AccessChangeFeed;
import org.baomi.shared.BaomiException;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.MutableClock;
import org.baomi.test.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rules of the approval engine (issue 4 items 1-3) against the application: who may decide, chains by level
 * (CLS-3), delegation, deadlines, and the grant the decision point honours until it expires or is revoked
 * (ACC-4, ACC-6). Each test has a department of its own.
 */
@BaomiSpringTest
class ApprovalEngineTest {

    @Autowired
    Approvals approvals;
    @Autowired
    ApprovalDelegations delegations;
    @Autowired
    ApprovalChains chains;
    @Autowired
    KindRegistry kinds;
    @Autowired
    DeadlineJob deadlines;
    @Autowired
    AccessPolicy policy;
    @Autowired
    AccessGrants grants;
    @Autowired
    AccessChangeFeed feed;
    @Autowired
    ProtectedObjects objects;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    ApprovalFixture f;
    TestAccounts.Created requester;
    TestAccounts.Created head;
    TestAccounts.Created office;

    @BeforeEach
    void hospital() {
        f = new ApprovalFixture(accounts, jdbc, objects, feed);
        requester = f.person(SecretLevel.TOP_SECRET, "doctor");
        head = f.person(SecretLevel.SECRET, "department-head");
        office = f.person(SecretLevel.SECRET, "confidentiality-office");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    long submit(TestAccounts.Created who, SubmitApproval request) {
        return f.as(who, () -> approvals.submit(request));
    }

    void decide(TestAccounts.Created who, long id, boolean approve, String comment) {
        f.as(who, () -> approvals.decide(id, who.id(), approve, comment, -1));
    }

    @Test
    void ACC_4_an_internal_subject_goes_to_the_department_head_then_the_office_and_the_grant_works() {
        ResourceRef doc = f.document(SecretLevel.INTERNAL);
        assertThat(policy.decide(AccessRequest.read(requester.id(), doc)).allowed()).isFalse();

        long id = submit(requester, f.access(requester, doc, "READ", 3));
        assertThat(f.stepRules(id)).containsExactly("DEPARTMENT_HEAD:WAITING", "ROLE:NOT_REACHED");
        assertThat(f.assignees(id, 1)).containsExactly(head.id());

        decide(head, id, true, null);
        assertThat(f.stepRules(id)).containsExactly("DEPARTMENT_HEAD:APPROVED", "ROLE:WAITING");
        assertThat(f.assignees(id, 2)).contains(office.id()).doesNotContain(requester.id(), head.id());
        decide(office, id, true, "ok");

        assertThat(f.status(id)).isEqualTo("APPROVED");
        Long grantId = jdbc.sql("SELECT grant_id FROM apr_request WHERE id = :id").param("id", id)
                .query(Long.class).single();
        assertThat(grants.find(grantId).orElseThrow().sourceApprovalId()).isEqualTo(Long.toString(id));
        feed.poll();
        assertThat(policy.decide(AccessRequest.read(requester.id(), doc)).allowed()).isTrue();
        assertThat(accounts.auditEntries("approval.request.approved", "ALLOWED", office.id(), id)).isEqualTo(1);
        assertThat(accounts.auditEntries("approval.step.approved", "ALLOWED", head.id(), id)).isEqualTo(1);

        // The grant expires by itself after the wished three days (ACC-6).
        clock.advance(Duration.ofDays(3).plusMinutes(1));
        assertThat(policy.decide(AccessRequest.read(requester.id(), doc)).allowed()).isFalse();
    }

    @Test
    void ACC_6_a_revoked_grant_stops_working_at_once() {
        ResourceRef doc = f.document(SecretLevel.SECRET);
        long id = submit(requester, f.access(requester, doc, "READ", 10));
        decide(head, id, true, null);
        decide(office, id, true, null);
        feed.poll();
        assertThat(policy.decide(AccessRequest.read(requester.id(), doc)).allowed()).isTrue();

        long grantId = jdbc.sql("SELECT grant_id FROM apr_request WHERE id = :id").param("id", id)
                .query(Long.class).single();
        grants.revoke(grantId, "no longer needed");
        feed.poll();
        assertThat(policy.decide(AccessRequest.read(requester.id(), doc)).allowed()).isFalse();
    }

    @Test
    void a_requester_never_approves_their_own_request_even_as_department_head() {
        TestAccounts.Created headAsking = f.person(SecretLevel.SECRET, "department-head");
        long id = submit(headAsking, f.access(headAsking, f.document(SecretLevel.INTERNAL), "READ", 1));
        assertThat(f.assignees(id, 1)).contains(head.id()).doesNotContain(headAsking.id());
        long refusedBefore = accounts.auditEntries("approval.request.refused-action", "DENIED", null, id);

        assertThatThrownBy(() -> decide(headAsking, id, true, null)).isInstanceOfSatisfying(BaomiException.class,
                e -> assertThat(e.messageKey()).isEqualTo("approval.error.own-request"));
        assertThat(f.stepRules(id)).containsExactly("DEPARTMENT_HEAD:WAITING", "ROLE:NOT_REACHED");
        assertThat(accounts.auditEntries("approval.request.refused-action", "DENIED", null, id))
                .isEqualTo(refusedBefore + 1);
    }

    @Test
    void one_person_never_approves_twice_in_a_chain_not_even_as_a_delegate() {
        TestAccounts.Created both = f.person(SecretLevel.SECRET, "department-head", "confidentiality-office");
        long id = submit(requester, f.access(requester, f.document(SecretLevel.INTERNAL), "READ", 1));
        decide(both, id, true, null);
        assertThat(f.assignees(id, 2)).contains(office.id()).doesNotContain(both.id());

        assertThatThrownBy(() -> decide(both, id, true, null)).isInstanceOfSatisfying(BaomiException.class,
                e -> assertThat(e.messageKey()).isEqualTo("approval.error.not-approver"));

        // The office member goes on leave and delegates to the one who already approved: still refused.
        f.as(office, () -> delegations.delegate(office.id(), both.staffNo(), null,
                clock.instant().plus(Duration.ofDays(2)), "annual leave"));
        assertThatThrownBy(() -> decide(both, id, true, null)).isInstanceOfSatisfying(BaomiException.class,
                e -> assertThat(e.messageKey()).isEqualTo("approval.error.approved-twice"));
        assertThat(f.status(id)).isEqualTo("PENDING");
    }

    @Test
    void a_delegate_decides_while_the_delegation_lasts_and_no_longer_once_it_expired() {
        TestAccounts.Created deputy = f.person(SecretLevel.SECRET, "department-head");
        jdbc.sql("DELETE FROM iam_account_role WHERE account_id = :id AND role_id = (SELECT id FROM iam_role "
                + "WHERE code = 'department-head')").param("id", deputy.id()).update();
        jdbc.sql("INSERT INTO iam_account_role (account_id, role_id, granted_at) SELECT :id, id, now() FROM iam_role "
                + "WHERE code = 'vice-president'").param("id", deputy.id()).update();
        long first = submit(requester, f.access(requester, f.document(SecretLevel.INTERNAL), "READ", 1));
        long second = submit(requester, f.access(requester, f.document(SecretLevel.INTERNAL), "READ", 1));
        assertThat(f.assignees(first, 1)).containsExactly(head.id());

        long delegation = f.as(head, () -> delegations.delegate(head.id(), deputy.staffNo(), null,
                clock.instant().plus(Duration.ofHours(5)), "on leave"));
        assertThat(accounts.auditEntries("approval.delegation.created", "ALLOWED", head.id(), delegation))
                .isEqualTo(1);
        decide(deputy, first, true, null);
        assertThat(jdbc.sql("SELECT on_behalf_of FROM apr_step WHERE request_id = :id AND step_no = 1")
                .param("id", first).query(Long.class).single()).isEqualTo(head.id());

        clock.advance(Duration.ofHours(6));
        assertThatThrownBy(() -> decide(deputy, second, true, null)).isInstanceOfSatisfying(BaomiException.class,
                e -> assertThat(e.messageKey()).isEqualTo("approval.error.not-approver"));
        decide(head, second, true, null);
    }

    @Test
    void CLS_3_the_chain_follows_the_level_and_a_top_secret_subject_always_reaches_the_president() {
        TestAccounts.Created president = f.person(SecretLevel.TOP_SECRET, "president");
        assertThat(f.stepRules(submit(requester, f.access(requester, f.document(SecretLevel.SECRET), "READ", 1))))
                .containsExactly("DEPARTMENT_HEAD:WAITING", "ROLE:NOT_REACHED");
        long highly = submit(requester, f.access(requester, f.document(SecretLevel.HIGHLY_SECRET), "READ", 1));
        assertThat(f.stepRules(highly)).containsExactly("DEPARTMENT_HEAD:WAITING", "ROLE:NOT_REACHED",
                "PRESIDENT:NOT_REACHED");

        // A kind whose configured chain leaves the president out, even for 绝密 (CLS-3 says otherwise).
        String kind = testKind(List.of(new ChainStep(ApproverRule.DEPARTMENT_HEAD, null, null, 48)));
        TestAccounts.Created admin = accounts.securityAdmin();
        f.as(admin, () -> chains.configure(kind, List.of(new ChainStep(ApproverRule.ROLE, "confidentiality-office",
                null, 24)), "president", "the office alone", 0));
        long top = submit(requester, new SubmitApproval(kind, requester.id(), "document",
                f.document(SecretLevel.TOP_SECRET).id(), "READ", "needed", 1, Map.of()));
        assertThat(f.stepRules(top)).containsExactly("ROLE:WAITING", "PRESIDENT:NOT_REACHED");
        decide(office, top, true, null);
        assertThat(f.assignees(top, 2)).contains(president.id());
        decide(president, top, true, null);
        assertThat(f.status(top)).isEqualTo("APPROVED");
    }

    @Test
    void after_the_deadline_the_step_is_reminded_then_escalated_then_the_request_expires() {
        TestAccounts.Created president = f.person(SecretLevel.TOP_SECRET, "president");
        String kind = testKind(List.of(new ChainStep(ApproverRule.DEPARTMENT_HEAD, null, null, 4)));
        long id = submit(requester, new SubmitApproval(kind, requester.id(), "document",
                f.document(SecretLevel.INTERNAL).id(), "READ", "needed", 1, Map.of()));

        clock.advance(Duration.ofHours(3).plusMinutes(1));
        deadlines.runOnce();
        assertThat(history(id)).contains("REMINDED");
        assertThat(f.assignees(id, 1)).containsExactly(head.id());

        clock.advance(Duration.ofHours(1));
        deadlines.runOnce();
        assertThat(history(id)).contains("ESCALATED");
        assertThat(f.assignees(id, 1)).contains(head.id(), president.id());
        assertThat(accounts.auditEntries("approval.step.escalated", "ALLOWED", null, id)).isEqualTo(1);

        clock.advance(Duration.ofHours(4).plusMinutes(1));
        deadlines.runOnce();
        assertThat(f.status(id)).isEqualTo("EXPIRED");
        assertThatThrownBy(() -> decide(president, id, true, null)).isInstanceOfSatisfying(BaomiException.class,
                e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.CONFLICT));
    }

    @Test
    void a_refusal_needs_a_reason_and_ends_the_request_and_a_withdrawal_is_only_the_requesters() {
        long id = submit(requester, f.access(requester, f.document(SecretLevel.INTERNAL), "READ", 1));
        assertThatThrownBy(() -> decide(head, id, false, "  ")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.concerns("comment")).isTrue());
        assertThat(f.stepRules(id)).containsExactly("DEPARTMENT_HEAD:WAITING", "ROLE:NOT_REACHED");
        assertThatThrownBy(() -> f.as(head, () -> approvals.withdraw(id, head.id(), "mine now")))
                .isInstanceOf(BaomiException.class);
        decide(head, id, false, "not your patient");
        assertThat(f.status(id)).isEqualTo("REFUSED");

        long other = submit(requester, f.access(requester, f.document(SecretLevel.INTERNAL), "EXPORT", 1));
        assertThatThrownBy(() -> f.as(requester, () -> approvals.withdraw(other, requester.id(), "")))
                .isInstanceOf(InvalidInputException.class);
        f.as(requester, () -> approvals.withdraw(other, requester.id(), "no longer needed"));
        assertThat(f.status(other)).isEqualTo("WITHDRAWN");
        assertThat(f.stepRules(other)).containsExactly("DEPARTMENT_HEAD:CANCELLED", "ROLE:NOT_REACHED");
    }

    @Test
    void bad_input_is_refused_field_by_field_and_nothing_is_written() {
        long before = accounts.count("apr_request");
        ResourceRef doc = f.document(SecretLevel.INTERNAL);
        assertThatThrownBy(() -> submit(requester, new SubmitApproval("no-such-kind", requester.id(), "document",
                doc.id(), "READ", "x", 1, Map.of()))).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.concerns("kind")).isTrue());
        assertThatThrownBy(() -> submit(requester, new SubmitApproval("access", requester.id(), "document",
                "NOT-REGISTERED-" + f.code, "DELETE", " ", 365, Map.of("x", "y"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.concerns("subjectId")).isTrue();
                    assertThat(e.concerns("action")).isTrue();
                    assertThat(e.concerns("reason")).isTrue();
                    assertThat(e.concerns("durationDays")).isTrue();
                    assertThat(e.concerns("fields")).isTrue();
                });
        assertThatThrownBy(() -> submit(requester, new SubmitApproval("access", requester.id(), "Bad Type!", "x",
                "READ", "x", 1, Map.of()))).isInstanceOf(InvalidInputException.class);
        TestAccounts.Created low = f.person(SecretLevel.INTERNAL);
        assertThatThrownBy(() -> submit(low, f.access(low, f.document(SecretLevel.SECRET), "READ", 1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).messageKey())
                        .isEqualTo("approval.error.above-clearance"));
        // Nobody submits for someone else.
        assertThatThrownBy(() -> submit(head, f.access(requester, doc, "READ", 1)))
                .isInstanceOfSatisfying(BaomiException.class,
                        e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.FORBIDDEN));
        assertThat(accounts.count("apr_request")).isEqualTo(before);
    }

    @Test
    void bulk_approval_only_where_the_kind_allows_it_and_never_for_highly_secret_all_or_nothing() {
        long a = submit(requester, f.access(requester, f.document(SecretLevel.INTERNAL), "READ", 1));
        long b = submit(requester, f.access(requester, f.document(SecretLevel.SECRET), "READ", 1));
        long high = submit(requester, f.access(requester, f.document(SecretLevel.HIGHLY_SECRET), "READ", 1));

        assertThatThrownBy(() -> f.as(head, () -> approvals.approveAll(List.of(a, b, high), head.id(), null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).messageKey())
                        .isEqualTo("approval.error.bulk.not-allowed"));
        assertThat(f.stepRules(a).get(0)).isEqualTo("DEPARTMENT_HEAD:WAITING");

        assertThat(f.as(head, () -> approvals.approveAll(List.of(a, b), head.id(), null))).isEqualTo(2);
        assertThat(f.stepRules(a).get(0)).isEqualTo("DEPARTMENT_HEAD:APPROVED");
        assertThat(f.stepRules(b).get(0)).isEqualTo("DEPARTMENT_HEAD:APPROVED");
    }

    private String testKind(List<ChainStep> chain) {
        String code = "t-apr-" + System.nanoTime();
        kinds.register(new ApprovalKind(code, "document", List.of(), chain,
                new GrantTemplate(Set.of(AccessAction.READ), 1, 5, null), false));
        return code;
    }

    private List<String> history(long id) {
        return jdbc.sql("SELECT type FROM apr_history WHERE request_id = :id ORDER BY id").param("id", id)
                .query(String.class).list();
    }
}
