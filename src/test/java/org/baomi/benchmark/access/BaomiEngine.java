package org.baomi.benchmark.access;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.baomi.iam.AccessDecision;
import org.baomi.iam.AccessRequest;
import org.baomi.iam.AdminKind;
import org.baomi.iam.PolicyVersion;
import org.baomi.iam.internal.access.AccessModel;
import org.baomi.iam.internal.access.CompiledPolicy;
import org.baomi.iam.internal.access.DecisionEngine;
import org.baomi.iam.internal.access.PersonEntry;
import org.baomi.shared.SecretLevel;

/**
 * Baomi's decision point without Spring and without audit: the {@link AccessModel} filled through its mutators (the
 * builder the application's loader also uses) from a {@link Hospital}, and {@link #decide} doing exactly what
 * {@code AccessPolicy.decide} does in the application ({@code DecisionEngine.decide(model, request, clock.millis())}),
 * with a clock fixed at the hospital's "now".
 */
final class BaomiEngine {

    /** Obligations hold reason of held people (PPL-1/2). */
    static final String HOLD_REASON = "training.outstanding";

    private final AccessModel model;
    private final Clock clock;

    BaomiEngine(Hospital h) {
        this(h, Clock.fixed(Instant.ofEpochMilli(h.now), ZoneOffset.UTC));
    }

    /** With another clock: the HTTP benchmark compares with instances that decide on the wall clock. */
    BaomiEngine(Hospital h, Clock clock) {
        this.clock = clock;
        this.model = build(h);
    }

    static AccessModel build(Hospital h) {
        AccessModel model = new AccessModel();
        model.setPolicy(new CompiledPolicy(new PolicyVersion(1, Instant.ofEpochMilli(h.now), null, null,
                "synthetic hospital", h.policy)));
        for (int i = 0; i < h.staff; i++) {
            AdminKind admin = h.adminKind[i] < 0 ? null : Hospital.ADMIN_KINDS[h.adminKind[i]];
            model.putPerson(new PersonEntry(h.personId(i), h.staffNo(i), "Person " + (i + 1), h.active[i],
                    Hospital.LEVELS[h.clearance[i]], admin, h.medical[i], h.department[i], h.permissionsOf(i), null));
            if (h.held[i]) {
                model.setHold(h.personId(i), HOLD_REASON);
            }
        }
        for (int d = 0; d < h.documents; d++) {
            var ref = Hospital.document(d);
            model.putObject(ref, Hospital.LEVELS[h.documentLevel[d]], h.documentDepartment[d], h.documentCustodian[d]);
            if (h.documentDistribution[d].length > 0) {
                model.setDistribution(ref, h.documentDistribution[d]);
            }
        }
        for (int p = 0; p < h.patients; p++) {
            model.putObject(Hospital.patient(p), Hospital.LEVELS[h.patientLevel[p]], h.patientDepartment[p], AccessModel.NONE);
        }
        for (int c = 0; c < h.care; c++) {
            model.putCare(c + 1, h.carePerson[c], Hospital.patient(h.carePatient[c]), h.careFrom[c],
                    h.careUntil[c] == Hospital.OPEN ? Long.MAX_VALUE : h.careUntil[c]);
        }
        for (int g = 0; g < h.grants; g++) {
            // a revoked grant is not in the model (the loader skips it; a revocation removes it)
            if (!h.grantRevoked[g]) {
                model.putGrant(g + 1, h.grantPerson[g], Hospital.ACTIONS[h.grantAction[g]],
                        h.grantOnPatient[g] ? Hospital.patient(h.grantObject[g]) : Hospital.document(h.grantObject[g]),
                        h.grantExpires[g]);
            }
        }
        for (int s = 0; s < h.glass; s++) {
            model.putGlass(s + 1, h.glassPerson[s], Hospital.patient(h.glassPatient[s]), h.glassOpened[s], h.glassExpires[s]);
        }
        return model;
    }

    AccessDecision decide(AccessRequest request) {
        return DecisionEngine.decide(model, request, clock.millis());
    }

    AccessModel model() {
        return model;
    }

    static SecretLevel level(byte ordinal) {
        return Hospital.LEVELS[ordinal];
    }
}
