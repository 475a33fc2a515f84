package org.baomi.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.baomi.audit.AuditCoverageTest.Case;
import org.baomi.audit.AuditCoverageTest.Who;
import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessGrants;
import org.baomi.iam.AccessObligations;
import org.baomi.iam.AccessPolicies;
import org.baomi.iam.AccessPolicy;
import org.baomi.iam.AccessQueries;
import org.baomi.iam.AccessRequest;
import org.baomi.iam.BreakGlassHistoryFilter;
import org.baomi.iam.BreakGlassReviews;
import org.baomi.iam.BreakGlassSession;
import org.baomi.iam.BreakGlassVerdict;
import org.baomi.iam.BreakTheGlass;
import org.baomi.iam.CareRelationships;
import org.baomi.iam.GrantAdministration;
import org.baomi.iam.IssueGrant;
import org.baomi.iam.PolicyDraft;
import org.baomi.iam.PolicyVersion;
import org.baomi.iam.ProtectedObject;
import org.baomi.iam.ProtectedObjects;
import org.baomi.iam.ResourceRef;
import org.baomi.shared.SecretLevel;
import org.baomi.test.SignedIn;

/**
 * The audit coverage cases of the decision point and its feeds (issue 3; ACC-1..6, AUD-1), collected by
 * {@link AuditCoverageTest}. Every object is new ({@code T-COV-...}), and every person is one made for the run,
 * so nothing here changes what other tests of the shared context see: holds are released and break-the-glass
 * sessions reviewed within the case that made them.
 */
final class AccessCoverageCases {

    private AccessCoverageCases() {
    }

    static final List<Case> CASES = List.of(
            // the feeds other modules write with nobody signed in, acting on a decision already taken
            Case.recorded("AccessGrants.issue", Who.MODULE, "access.grant.issued", AccessCoverageCases::grant),
            Case.recorded("AccessGrants.revoke", Who.MODULE, "access.grant.revoked",
                    t -> t.bean(AccessGrants.class).revoke(grant(t), "coverage: no longer needed")),
            Case.recorded("AccessObligations.hold", Who.MODULE, "access.obligation.held", t -> {
                long id = t.freshStaff().id();
                t.bean(AccessObligations.class).hold(id, "training.outstanding");
                t.bean(AccessObligations.class).release(id);
            }),
            Case.recorded("AccessObligations.release", Who.MODULE, "access.obligation.released", t -> {
                long id = t.freshStaff().id();
                t.bean(AccessObligations.class).hold(id, "training.outstanding");
                t.bean(AccessObligations.class).release(id);
            }),
            Case.recorded("ProtectedObjects.register", Who.MODULE, "access.object.registered",
                    t -> registered(t, document(), null)),
            Case.recorded("ProtectedObjects.setDistribution", Who.MODULE, "access.distribution.changed",
                    t -> t.bean(ProtectedObjects.class).setDistribution(registered(t, document(), null),
                            Set.of(t.person(Who.STAFF).id()))),
            Case.recorded("CareRelationships.add", Who.MODULE, "access.care.added", t -> careOf(t, patient(t))),
            // issue 6: the bulk feeds of the patient import and the demo patients, one record per batch
            Case.recorded("ProtectedObjects.registerAll", Who.MODULE, "access.objects.registered",
                    t -> t.bean(ProtectedObjects.class).registerAll(List.of(
                            new ProtectedObject(ResourceRef.patient("T-COV-PAT-" + UUID.randomUUID()),
                                    SecretLevel.INTERNAL, null, null),
                            new ProtectedObject(ResourceRef.patient("T-COV-PAT-" + UUID.randomUUID()),
                                    SecretLevel.INTERNAL, null, null)))),
            Case.recorded("CareRelationships.addAll", Who.MODULE, "access.care.added",
                    t -> t.bean(CareRelationships.class).addAll(List.of(new CareRelationships.Assignment(
                            t.person(Who.DOCTOR).id(), patient(t).id(), t.clock().instant().minus(Duration.ofDays(1)),
                            null)))),
            Case.recorded("CareRelationships.endAll", Who.MODULE, "access.care.ended",
                    t -> t.bean(CareRelationships.class).endAll(List.of(careOf(t, patient(t)), careOf(t, patient(t))),
                            t.clock().instant())),
            Case.recorded("CareRelationships.end", Who.MODULE, "access.care.ended",
                    t -> t.bean(CareRelationships.class).end(careOf(t, patient(t)), t.clock().instant())),
            // the decision point: each decision that leads to showing or changing content is written
            Case.recorded("AccessPolicy.check", Who.STAFF, "access.decision", t -> t.bean(AccessPolicy.class)
                    .check(AccessRequest.read(t.person(Who.STAFF).id(), document()))),
            Case.recorded("AccessPolicy.checkAll", Who.STAFF, "access.decisions", t -> t.bean(AccessPolicy.class)
                    .checkAll(List.of(AccessRequest.read(t.person(Who.STAFF).id(), document())))),
            Case.recorded("AccessPolicy.require", Who.DOCTOR, "access.decision", t -> {
                long doctor = t.person(Who.DOCTOR).id();
                t.bean(AccessPolicy.class).require(AccessRequest.read(doctor, registered(t, document(), doctor)));
            }),
            // the confidentiality office's questions (the question is recorded)
            Case.recorded("AccessQueries.whoCanAccess", Who.OFFICE, "access.query.who-can",
                    t -> t.bean(AccessQueries.class).whoCanAccess(registered(t, document(), null), AccessAction.READ)),
            Case.recorded("AccessQueries.whatCanAccess", Who.OFFICE, "access.query.what-can",
                    t -> t.bean(AccessQueries.class).whatCanAccess(t.person(Who.DOCTOR).id(), AccessAction.READ,
                            ResourceRef.DOCUMENT, 0, 10)),
            // the policy as data: the security administrator's versions
            Case.denied("AccessPolicies.history", t -> t.bean(AccessPolicies.class).history()),
            Case.denied("AccessPolicies.preview", t -> t.bean(AccessPolicies.class).preview(unchangedPolicy(t))),
            Case.recorded("AccessPolicies.save", Who.SECURITY_ADMIN, "access.policy.changed",
                    t -> t.bean(AccessPolicies.class).save(unchangedPolicy(t))),
            // break the glass: opened by the doctor, reviewed by the office (never by the one who broke it)
            Case.recorded("BreakTheGlass.open", Who.DOCTOR, "access.break-glass.opened", t -> {
                BreakGlassSession session = openSession(t);
                SignedIn.as(t.accounts.authenticationOf(t.person(Who.OFFICE)), () -> t.bean(BreakTheGlass.class)
                        .review(session.id(), BreakGlassVerdict.JUSTIFIED, "coverage: emergency confirmed"));
            }),
            Case.recorded("BreakTheGlass.review", Who.OFFICE, "access.break-glass.reviewed", t -> {
                BreakGlassSession session = SignedIn.as(t.accounts.authenticationOf(t.person(Who.DOCTOR)),
                        () -> openSession(t));
                t.bean(BreakTheGlass.class).review(session.id(), BreakGlassVerdict.JUSTIFIED,
                        "coverage: emergency confirmed");
            }),
            // the worklist shows patient ids and stated reasons: who looked is recorded (AUD-1)
            Case.recorded("BreakTheGlass.awaitingReview", Who.OFFICE, "access.break-glass.worklist-viewed",
                    t -> t.bean(BreakTheGlass.class).awaitingReview()),
            // the office's grant pages and API (ACC-4, ACC-6): listing and revoking are recorded
            Case.recorded("GrantAdministration.activeOf", Who.OFFICE, "access.grants.viewed",
                    t -> t.bean(GrantAdministration.class).activeOf(t.person(Who.DOCTOR).id())),
            Case.recorded("GrantAdministration.activeOn", Who.OFFICE, "access.grants.viewed",
                    t -> t.bean(GrantAdministration.class).activeOn(registered(t, document(), null))),
            // the office's history of reviewed sessions (ACC-4): each page and the export are recorded
            Case.recorded("BreakGlassReviews.reviewed", Who.OFFICE, "access.break-glass.history-viewed",
                    t -> t.bean(BreakGlassReviews.class).reviewed(BreakGlassHistoryFilter.all(), 0, 10)),
            Case.recorded("BreakGlassReviews.export", Who.OFFICE, "access.break-glass.history-exported",
                    t -> t.bean(BreakGlassReviews.class).export(BreakGlassHistoryFilter.all())),
            Case.recorded("GrantAdministration.revoke", Who.OFFICE, "access.grant.revoked",
                    t -> t.bean(GrantAdministration.class).revoke(grant(t), "coverage: revoked by the office")));

    static final Map<String, String> NOT_SECURITY_RELEVANT = Map.ofEntries(
            Map.entry("AccessPolicy.decide", "pure and documented as not audited (previews, greyed-out buttons, "
                    + "reverse queries); whatever is then shown or changed must go through the audited check/require"),
            Map.entry("AccessPolicy.decideAll", "as AccessPolicy.decide, for a list"),
            Map.entry("AccessPolicies.current", "the policy in force: rules, not content; documented as open to "
                    + "screens without a permission"),
            Map.entry("AccessPolicies.validate", "checks a draft against fixed rules of form; reads neither the model "
                    + "nor content; a draft takes effect only through the audited save"),
            Map.entry("AccessGrants.find", "in-process read for module code (approval, the office's grant page, which "
                    + "requires access:query:read); grant metadata, not content"),
            Map.entry("AccessGrants.activeOf", "as AccessGrants.find"),
            Map.entry("AccessGrants.activeOn", "as AccessGrants.find"),
            Map.entry("AccessObligations.holdOf", "in-process question for the training and register modules: the "
                    + "message key of a hold, no content"),
            Map.entry("ProtectedObjects.find", "in-process read of the register for the module that owns the object "
                    + "(no request reaches it; the owning module guards and audits its screens)"),
            Map.entry("ProtectedObjects.distributionOf", "as ProtectedObjects.find"),
            Map.entry("CareRelationships.ofPatient", "in-process read for the patient privacy module, which guards "
                    + "and audits what it shows; no request reaches it"),
            Map.entry("BreakTheGlass.countAwaitingReview", "a number for the office's home-page duty; no person, no "
                    + "patient"),
            Map.entry("StaffLookup.activeById", "documented in-process lookup for deciding about another person "
                    + "(CLS-3); the result never leaves the server, the caller guards and audits its own action"),
            Map.entry("StaffLookup.activeByStaffNo", "as StaffLookup.activeById"),
            Map.entry("StaffLookup.activeNames", "names of active staff for a page the calling module guards and "
                    + "audits (the patient page's attending doctors); no clearance, no permissions, no content"),
            Map.entry("DepartmentLookup.byCode", "a department's id, code and kind for module code (imports, demo "
                    + "data); no content"));

    static ResourceRef document() {
        return ResourceRef.document("T-COV-DOC-" + UUID.randomUUID());
    }

    private static ResourceRef patient(AuditCoverageTest t) {
        ResourceRef patient = ResourceRef.patient("T-COV-PAT-" + UUID.randomUUID());
        t.bean(ProtectedObjects.class).register(new ProtectedObject(patient, SecretLevel.INTERNAL, null, null));
        return patient;
    }

    private static ResourceRef registered(AuditCoverageTest t, ResourceRef ref, Long custodian) {
        t.bean(ProtectedObjects.class).register(new ProtectedObject(ref, SecretLevel.INTERNAL, null, custodian));
        return ref;
    }

    private static long grant(AuditCoverageTest t) {
        ResourceRef doc = registered(t, document(), null);
        Instant expires = t.clock().instant().plus(Duration.ofDays(1));
        return t.bean(AccessGrants.class).issue(new IssueGrant(t.person(Who.DOCTOR).id(), AccessAction.READ, doc,
                expires, "coverage", "T-COV-APPROVAL"));
    }

    private static long careOf(AuditCoverageTest t, ResourceRef patient) {
        return t.bean(CareRelationships.class).add(t.person(Who.DOCTOR).id(), patient.id(),
                t.clock().instant().minus(Duration.ofDays(1)), null);
    }

    /** The policy in force, re-saved unchanged with a reason: a new version that decides exactly as before. */
    private static PolicyDraft unchangedPolicy(AuditCoverageTest t) {
        PolicyVersion current = t.bean(AccessPolicies.class).current();
        return new PolicyDraft(current.version(), current.rules(), "coverage: re-saved unchanged");
    }

    private static BreakGlassSession openSession(AuditCoverageTest t) {
        return t.bean(BreakTheGlass.class).open(t.person(Who.DOCTOR).id(), patient(t),
                "coverage: unconscious patient, no relatives");
    }
}
