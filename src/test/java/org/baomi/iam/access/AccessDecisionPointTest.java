package org.baomi.iam.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessContext;
import org.baomi.iam.AccessDecision;
import org.baomi.iam.AccessDeniedException;
import org.baomi.iam.AccessGrants;
import org.baomi.iam.AccessObligations;
import org.baomi.iam.AccessPolicies;
import org.baomi.iam.AccessPolicy;
import org.baomi.iam.AccessPolicyRule;
import org.baomi.iam.AccessQueries;
import org.baomi.iam.AccessRequest;
import org.baomi.iam.BreakGlassSession;
import org.baomi.iam.BreakGlassVerdict;
import org.baomi.iam.BreakTheGlass;
import org.baomi.iam.CareRelationships;
import org.baomi.iam.InvalidInputException;
import org.baomi.iam.IssueGrant;
import org.baomi.iam.NeedToKnow;
import org.baomi.iam.PolicyDraft;
import org.baomi.iam.PolicyPreview;
import org.baomi.iam.PolicyVersion;
import org.baomi.iam.ProtectedObject;
import org.baomi.iam.ProtectedObjects;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.internal.access.AccessChangeFeed;
import org.baomi.shared.BaomiException;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.SignedIn;
import org.baomi.test.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The decision point in the running application (issue 3): grants, policy versions, holds and break-the-glass made
 * through the module API take effect at once; a change written to the tables by another instance is picked up within
 * the refresh interval; check and require write audit entries with the rule trail.
 */
@BaomiSpringTest
class AccessDecisionPointTest {

    @Autowired AccessPolicy access;
    @Autowired ProtectedObjects objects;
    @Autowired AccessGrants grants;
    @Autowired AccessPolicies policies;
    @Autowired AccessObligations obligations;
    @Autowired BreakTheGlass breakTheGlass;
    @Autowired CareRelationships care;
    @Autowired AccessQueries queries;
    @Autowired TestAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired java.time.Clock clock;
    @Autowired AccessChangeFeed feed;
    @Autowired List<org.baomi.shared.DutyProvider> duties;

    @AfterEach
    void signOut() {
        SignedIn.out();
    }

    private static ResourceRef newDocument() {
        return ResourceRef.document("T-DOC-" + UUID.randomUUID());
    }

    @Test
    void a_grant_issued_through_the_api_allows_at_once_and_its_revocation_denies_at_once() {
        TestAccounts.Created reader = accounts.create(TestAccounts.person().clearance(SecretLevel.SECRET).roles("staff", "doctor"));
        ResourceRef doc = newDocument();
        objects.register(new ProtectedObject(doc, SecretLevel.SECRET, null, null));
        AccessRequest read = AccessRequest.read(reader.id(), doc);
        assertThat(access.decide(read).reasonKey()).isEqualTo("access.denied.need-to-know");

        long grantId = grants.issue(new IssueGrant(reader.id(), AccessAction.READ, doc,
                clock.instant().plus(Duration.ofDays(1)), "reading room only", "APR-T-1"));
        AccessDecision allowed = access.decide(read);
        assertThat(allowed.allowed()).isTrue();
        assertThat(allowed.grantId()).isEqualTo(grantId);

        grants.revoke(grantId, "no longer needed");
        assertThat(access.decide(read).reasonKey()).isEqualTo("access.denied.need-to-know");
        assertThat(auditActions(doc)).contains("access.grant.issued", "access.grant.revoked");
    }

    @Test
    void check_and_require_write_the_decision_with_its_rule_trail_to_the_audit_trail() {
        TestAccounts.Created keeper = accounts.create(TestAccounts.person().clearance(SecretLevel.SECRET).roles("staff", "doctor"));
        TestAccounts.Created other = accounts.create(TestAccounts.person().clearance(SecretLevel.INTERNAL).roles("staff", "doctor"));
        ResourceRef doc = newDocument();
        objects.register(new ProtectedObject(doc, SecretLevel.SECRET, null, keeper.id()));

        AccessDecision allowed = tx.execute(s -> access.check(AccessRequest.read(keeper.id(), doc)));
        assertThat(allowed.allowed()).isTrue();
        assertThatThrownBy(() -> access.require(new AccessRequest(other.id(), AccessAction.READ, doc,
                AccessContext.NONE.withPurpose("curious"))))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BaomiException.Kind.FORBIDDEN);
                    assertThat(e.messageKey()).isEqualTo("access.denied.clearance");
                    assertThat(e.decision().remedyKey()).isEqualTo("access.remedy.clearance");
                });

        List<Map<String, Object>> entries = jdbc.sql("""
                SELECT outcome, reason_key, details->>'trail' AS trail, details->>'person' AS person,
                       details->>'purpose' AS purpose
                FROM aud_entry WHERE action = 'access.decision' AND object_type = 'document' AND object_id = :id
                ORDER BY id
                """).param("id", doc.id()).query().listOfRows();
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0)).containsEntry("outcome", "ALLOWED").containsEntry("reason_key", "access.allowed.CUSTODIAN")
                .containsEntry("person", String.valueOf(keeper.id()));
        assertThat((String) entries.get(0).get("trail")).contains("PERMISSION+(document:document:read)",
                "NEED_TO_KNOW+(CUSTODIAN)");
        assertThat(entries.get(1)).containsEntry("outcome", "DENIED").containsEntry("purpose", "curious");
        assertThat((String) entries.get(1).get("trail")).contains("CLEARANCE-(INTERNAL>=SECRET)");
    }

    @Test
    void a_batch_check_writes_one_record_listing_every_decision() {
        TestAccounts.Created keeper = accounts.create(TestAccounts.person().clearance(SecretLevel.SECRET).roles("staff", "doctor"));
        ResourceRef doc = newDocument();
        objects.register(new ProtectedObject(doc, SecretLevel.INTERNAL, null, keeper.id()));
        List<AccessDecision> decisions = access.checkAll(List.of(AccessRequest.read(keeper.id(), doc),
                AccessRequest.read(keeper.id(), ResourceRef.document("T-DOC-NONE"))));
        assertThat(decisions).extracting(AccessDecision::allowed).containsExactly(true, false);
        String listed = jdbc.sql("""
                SELECT details->>'decisions' FROM aud_entry WHERE action = 'access.decisions'
                  AND details->>'decisions' LIKE :pattern
                """).param("pattern", "%" + doc.id() + "%").query(String.class).single();
        assertThat(listed).contains("ALLOW access.allowed.CUSTODIAN", "DENY access.denied.unknown-object");
    }

    @Test
    void a_change_written_to_the_tables_by_another_instance_is_picked_up_within_the_refresh_interval() {
        TestAccounts.Created reader = accounts.create(TestAccounts.person().clearance(SecretLevel.SECRET).roles("staff", "doctor"));
        ResourceRef doc = newDocument();
        // as another instance would: plain SQL in its own transaction; the triggers fill the change log
        tx.executeWithoutResult(s -> {
            jdbc.sql("INSERT INTO iam_protected_object (object_type, object_id, level) VALUES ('document', :id, 'INTERNAL')")
                    .param("id", doc.id()).update();
            jdbc.sql("INSERT INTO iam_object_distribution (object_type, object_id, person_id) VALUES ('document', :id, :p)")
                    .param("id", doc.id()).param("p", reader.id()).update();
        });
        awaitWithin(Duration.ofSeconds(1), () -> access.decide(AccessRequest.read(reader.id(), doc)).allowed());
        assertThat(access.decide(AccessRequest.read(reader.id(), doc)).reasonKey()).isEqualTo("access.allowed.DISTRIBUTION");

        // and a clearance lowered through the account table reaches the model too (CLS-1)
        tx.executeWithoutResult(s -> jdbc.sql("UPDATE iam_protected_object SET level = 'SECRET' WHERE object_id = :id")
                .param("id", doc.id()).update());
        tx.executeWithoutResult(s -> jdbc.sql("UPDATE iam_account SET clearance = 'INTERNAL' WHERE id = :id")
                .param("id", reader.id()).update());
        awaitWithin(Duration.ofSeconds(1),
                () -> access.decide(AccessRequest.read(reader.id(), doc)).reasonKey().equals("access.denied.clearance"));
    }

    @Test
    void a_change_committed_after_a_later_one_is_still_picked_up() throws Exception {
        ResourceRef early = newDocument();
        ResourceRef late = newDocument();
        java.util.concurrent.CountDownLatch inserted = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
        Thread slowWriter = new Thread(() -> tx.executeWithoutResult(s -> {
            jdbc.sql("INSERT INTO iam_protected_object (object_type, object_id, level) VALUES ('document', :id, 'PUBLIC')")
                    .param("id", early.id()).update();
            inserted.countDown();
            try {
                commit.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        slowWriter.start();
        try {
            assertThat(inserted.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            // the later change log id commits first, and the poll moves past the earlier id
            tx.executeWithoutResult(s -> jdbc.sql(
                    "INSERT INTO iam_protected_object (object_type, object_id, level) VALUES ('document', :id, 'PUBLIC')")
                    .param("id", late.id()).update());
            awaitWithin(Duration.ofSeconds(1), () -> objects.find(late).isPresent());
            assertThat(objects.find(early)).isEmpty();
        } finally {
            commit.countDown();
            slowWriter.join(10_000);
        }
        awaitWithin(Duration.ofSeconds(1), () -> objects.find(early).isPresent());
    }

    @Test
    void an_obligations_hold_caps_a_person_at_internal_until_released() {
        TestAccounts.Created keeper = accounts.create(TestAccounts.person().clearance(SecretLevel.SECRET).roles("staff", "doctor"));
        ResourceRef doc = newDocument();
        objects.register(new ProtectedObject(doc, SecretLevel.SECRET, null, keeper.id()));
        obligations.hold(keeper.id(), "training.outstanding");
        assertThat(access.decide(AccessRequest.read(keeper.id(), doc)).reasonKey()).isEqualTo("access.denied.obligations");
        assertThat(obligations.holdOf(keeper.id())).contains("training.outstanding");
        obligations.release(keeper.id());
        assertThat(access.decide(AccessRequest.read(keeper.id(), doc)).allowed()).isTrue();
    }

    @Test
    void break_the_glass_needs_a_reason_allows_for_its_time_box_and_is_reviewed_by_someone_else() {
        TestAccounts.Created doctor = medical(accounts.create(TestAccounts.person().roles("staff", "doctor")));
        TestAccounts.Created office = accounts.create(TestAccounts.person().clearance(SecretLevel.SECRET)
                .roles("staff", "confidentiality-office"));
        ResourceRef patient = ResourceRef.patient("T-PAT-" + UUID.randomUUID());
        objects.register(new ProtectedObject(patient, SecretLevel.INTERNAL, null, null));
        AccessRequest read = AccessRequest.read(doctor.id(), patient);
        assertThat(access.decide(read).remedyKey()).isEqualTo("access.remedy.request-access-or-break-glass");

        assertThatThrownBy(() -> breakTheGlass.open(doctor.id(), patient, "urgent"))
                .isInstanceOfSatisfying(BaomiException.class, e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.INVALID));
        assertThatThrownBy(() -> breakTheGlass.open(doctor.id(), newDocument(), "unconscious patient, no relatives"))
                .isInstanceOfSatisfying(BaomiException.class, e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.FORBIDDEN));
        int waitingBefore = breakTheGlass.countAwaitingReview();
        BreakGlassSession session = breakTheGlass.open(doctor.id(), patient, "unconscious patient, no relatives");
        AccessDecision during = access.decide(read);
        assertThat(during.reasonKey()).isEqualTo("access.allowed.BREAK_GLASS");
        assertThat(during.breakGlassId()).isEqualTo(session.id());
        assertThat(breakTheGlass.countAwaitingReview()).isEqualTo(waitingBefore + 1);

        SignedIn.as(accounts.authenticationOf(doctor));
        assertThatThrownBy(() -> breakTheGlass.review(session.id(), BreakGlassVerdict.JUSTIFIED, "mine"))
                .isInstanceOf(BaomiException.class);
        assertThat(dutiesOf(office.id())).as("the office is alerted on its home page")
                .anySatisfy(d -> {
                    assertThat(d.key()).isEqualTo("access.break-glass-review");
                    assertThat(d.args()).containsExactly(waitingBefore + 1);
                });
        assertThat(dutiesOf(doctor.id())).noneMatch(d -> d.key().equals("access.break-glass-review"));
        SignedIn.as(accounts.authenticationOf(office));
        assertThat(breakTheGlass.awaitingReview()).extracting(BreakGlassSession::id).contains(session.id());
        BreakGlassSession reviewed = breakTheGlass.review(session.id(), BreakGlassVerdict.JUSTIFIED, "emergency confirmed");
        assertThat(reviewed.verdict()).isEqualTo(BreakGlassVerdict.JUSTIFIED);
        assertThat(reviewed.reviewerId()).isEqualTo(office.id());
        assertThatThrownBy(() -> breakTheGlass.review(session.id(), BreakGlassVerdict.UNJUSTIFIED, "again"))
                .isInstanceOfSatisfying(BaomiException.class, e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.CONFLICT));

        ((org.baomi.test.MutableClock) clock).advance(Duration.ofMinutes(31));
        try {
            assertThat(access.decide(read).reasonKey()).as("the time box is over").isEqualTo("access.denied.need-to-know");
        } finally {
            ((org.baomi.test.MutableClock) clock).advance(Duration.ofMinutes(-31));
        }
        assertThat(auditActions(patient)).contains("access.break-glass.opened", "access.break-glass.reviewed");
    }

    @Test
    void care_team_members_are_listed_by_who_can_access() {
        TestAccounts.Created doctor = medical(accounts.create(TestAccounts.person().roles("staff", "doctor")));
        TestAccounts.Created office = accounts.create(TestAccounts.person().clearance(SecretLevel.SECRET)
                .roles("staff", "confidentiality-office"));
        ResourceRef patient = ResourceRef.patient("T-PAT-" + UUID.randomUUID());
        objects.register(new ProtectedObject(patient, SecretLevel.INTERNAL, null, null));
        care.add(doctor.id(), patient.id(), clock.instant().minus(Duration.ofDays(1)), null);
        SignedIn.as(accounts.authenticationOf(office));
        assertThat(queries.whoCanAccess(patient, AccessAction.READ))
                .anySatisfy(h -> {
                    assertThat(h.person().personId()).isEqualTo(doctor.id());
                    assertThat(h.basis()).isEqualTo(NeedToKnow.CARE_TEAM);
                });
        assertThat(queries.whatCanAccess(doctor.id(), AccessAction.READ, "patient", 0, 50).rows())
                .anySatisfy(o -> assertThat(o.ref()).isEqualTo(patient));
    }

    @Test
    void registering_an_object_changing_its_distribution_and_its_care_team_are_recorded_AUD_1() {
        TestAccounts.Created doctor = accounts.create(TestAccounts.person().roles("staff", "doctor"));
        feed.poll();
        ResourceRef patient = ResourceRef.patient("T-PAT-" + UUID.randomUUID());
        objects.register(new ProtectedObject(patient, SecretLevel.INTERNAL, null, null));
        objects.setDistribution(patient, Set.of(doctor.id()));
        long relationship = care.add(doctor.id(), patient.id(), clock.instant().minus(Duration.ofDays(1)), null);
        care.end(relationship, clock.instant());
        assertThat(auditActions(patient)).containsExactly("access.object.registered", "access.distribution.changed",
                "access.care.added", "access.care.ended");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM aud_entry WHERE patient_id = :id AND details->>'person' = :person
                """).param("id", patient.id()).param("person", String.valueOf(doctor.id())).query(Long.class).single())
                .as("the care entries name the patient and the person").isEqualTo(2);
    }

    @Test
    void a_policy_version_saved_by_the_security_administrator_takes_effect_and_is_previewed_first() {
        TestAccounts.Created reader = accounts.create(TestAccounts.person().clearance(SecretLevel.SECRET).roles("staff", "doctor"));
        ResourceRef doc = newDocument();
        objects.register(new ProtectedObject(doc, SecretLevel.INTERNAL, null, null));
        grants.issue(new IssueGrant(reader.id(), AccessAction.READ, doc, clock.instant().plus(Duration.ofDays(1)), null, null));
        assertThat(access.decide(AccessRequest.read(reader.id(), doc)).allowed()).isTrue();

        SignedIn.as(accounts.authenticationOf(accounts.securityAdmin()));
        PolicyVersion before = policies.current();
        List<AccessPolicyRule> withoutGrants = before.rules().stream().map(r -> r.resourceType().equals("document")
                && r.action() == AccessAction.READ ? new AccessPolicyRule(r.resourceType(), r.action(), r.permission(),
                        Set.of(NeedToKnow.CUSTODIAN, NeedToKnow.DISTRIBUTION, NeedToKnow.DEPARTMENT), r.departmentMaxLevel(),
                        r.medicalOnly(), r.careWindowDays(), r.breakGlassMinutes()) : r).toList();
        PolicyDraft draft = new PolicyDraft(before.version(), withoutGrants, "test: grants off for documents");

        PolicyPreview preview = policies.preview(draft);
        assertThat(preview.changedRules()).isEqualTo(1);
        assertThat(preview.lostPeople()).isGreaterThanOrEqualTo(1);
        assertThat(preview.gainedPeople()).isZero();
        try {
            PolicyVersion saved = policies.save(draft);
            assertThat(saved.version()).isEqualTo(before.version() + 1);
            assertThat(access.decide(AccessRequest.read(reader.id(), doc)).reasonKey())
                    .isEqualTo("access.denied.need-to-know");
            assertThatThrownBy(() -> policies.save(draft)).as("stale base version")
                    .isInstanceOfSatisfying(BaomiException.class, e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.CONFLICT));
        } finally {
            policies.save(new PolicyDraft(policies.current().version(), before.rules(), "test: restore"));
        }
        assertThat(access.decide(AccessRequest.read(reader.id(), doc)).allowed()).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM aud_entry WHERE action = 'access.policy.changed'").query(Long.class).single())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void an_invalid_policy_draft_is_refused_field_by_field_and_nothing_is_saved() {
        SignedIn.as(accounts.authenticationOf(accounts.securityAdmin()));
        PolicyVersion before = policies.current();
        PolicyDraft bad = new PolicyDraft(before.version(), List.of(
                new AccessPolicyRule("document", AccessAction.READ, "Not A Permission", Set.of(NeedToKnow.DEPARTMENT), null,
                        false, 400, 0),
                new AccessPolicyRule("document", AccessAction.READ, "iam:account:read", Set.of(NeedToKnow.BREAK_GLASS), null,
                        false, 0, 0)), " ");
        assertThatThrownBy(() -> policies.save(bad)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.problems()).extracting(p -> p.field() + " " + p.messageKey()).contains(
                        "reason access.policy.reason-required",
                        "rules[0].permission access.policy.permission-invalid",
                        "rules[0].departmentMaxLevel access.policy.department-level-required",
                        "rules[0].careWindowDays access.policy.care-window-range",
                        "rules[1].action access.policy.duplicate",
                        "rules[1].permission access.policy.permission-administrative",
                        "rules[1].breakGlassMinutes access.policy.break-glass-range"));
        assertThat(policies.current().version()).isEqualTo(before.version());
    }

    @Test
    void only_the_policy_manager_may_preview_or_save_policies() {
        SignedIn.as(accounts.authenticationOf(accounts.staff()));
        PolicyVersion current = policies.current();
        assertThatThrownBy(() -> policies.save(new PolicyDraft(current.version(), current.rules(), "sneaky")))
                .isInstanceOfSatisfying(BaomiException.class, e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.FORBIDDEN));
    }

    @Test
    void administrators_never_reach_content_even_as_custodian_with_a_grant() {
        TestAccounts.Created admin = accounts.securityAdmin();
        ResourceRef doc = newDocument();
        objects.register(new ProtectedObject(doc, SecretLevel.PUBLIC, null, admin.id()));
        grants.issue(new IssueGrant(admin.id(), AccessAction.READ, doc, clock.instant().plus(Duration.ofDays(1)), null, null));
        assertThat(access.decide(AccessRequest.read(admin.id(), doc)).reasonKey()).isEqualTo("access.denied.administrator");
    }

    @Test
    void the_demo_hospital_has_protected_documents_and_patients_to_show() {
        long doctor = staffId("H0079");
        long nurse = staffId("H0084");
        assertThat(access.decide(AccessRequest.read(doctor, ResourceRef.patient("DEMO-PAT-001"))).reasonKey())
                .isEqualTo("access.allowed.CARE_TEAM");
        assertThat(access.decide(AccessRequest.read(nurse, ResourceRef.patient("DEMO-PAT-006"))).reasonKey())
                .as("a SECRET patient for an INTERNAL nurse").isEqualTo("access.denied.clearance");
        assertThat(access.decide(AccessRequest.read(staffId("H0904"), ResourceRef.document("DEMO-DOC-002"))).reasonKey())
                .isEqualTo("access.allowed.DISTRIBUTION");
        assertThat(access.decide(AccessRequest.read(staffId("H0010"), ResourceRef.document("DEMO-DOC-004"))).reasonKey())
                .isEqualTo("access.denied.clearance");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM iam_break_glass WHERE object_id = 'DEMO-PAT-004'").query(Long.class).single())
                .isEqualTo(1);
    }

    private long staffId(String staffNo) {
        return jdbc.sql("SELECT id FROM iam_account WHERE staff_no = :no").param("no", staffNo).query(Long.class).single();
    }

    private List<org.baomi.shared.Duty> dutiesOf(long accountId) {
        return duties.stream().flatMap(p -> p.dutiesOf(accountId).stream()).toList();
    }

    private TestAccounts.Created medical(TestAccounts.Created person) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("""
                    INSERT INTO iam_post (code, name_zh, name_en, medical) VALUES ('T-MED-POST', 'T', 'T', TRUE)
                    ON CONFLICT (code) DO NOTHING
                    """).update();
            jdbc.sql("UPDATE iam_account SET post_id = (SELECT id FROM iam_post WHERE code = 'T-MED-POST') WHERE id = :id")
                    .param("id", person.id()).update();
        });
        feed.poll();
        return person;
    }

    private List<String> auditActions(ResourceRef ref) {
        return jdbc.sql("SELECT action FROM aud_entry WHERE object_type = :type AND object_id = :id ORDER BY id")
                .param("type", ref.type()).param("id", ref.id()).query(String.class).list();
    }

    /** Polls the condition until it holds or the deadline passes (no sleep: the refresh runs on its own thread). */
    private static void awaitWithin(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not true within " + limit);
            }
            Thread.onSpinWait();
        }
    }
}
