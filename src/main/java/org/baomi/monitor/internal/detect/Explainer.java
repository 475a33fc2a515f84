package org.baomi.monitor.internal.detect;

import java.time.Instant;

import org.baomi.iam.BreakGlassVerdict;
import org.baomi.monitor.internal.detect.DetectionContext.PairFacts;
import org.baomi.monitor.internal.detect.DetectionContext.PatientFacts;

/**
 * Issue 7 item 2: an access is cleared, before any detector looks at it, when the person's work explains it — they
 * are on the patient's care team (and for the care window after), the patient has an open or recent encounter in
 * the person's department, an order/appointment/referral addresses the person or their department, an approved
 * grant covers it, or a break-the-glass session whose review found it JUSTIFIED (ACC-4, ACC-6). An access is never
 * cleared by a pending or UNJUSTIFIED break-the-glass review.
 */
final class Explainer {

    private final long careWindow;
    private final long encounterWindow;

    Explainer(DetectionSettings settings) {
        this.careWindow = settings.careWindow().toSeconds();
        this.encounterWindow = settings.encounterWindow().toSeconds();
    }

    /** What explains the access, or null when nothing does. */
    Explanation explain(StaffProfile person, long at, PatientFacts patient, PairFacts pair) {
        if (pair != null) {
            for (CareSpan c : pair.care) {
                if (within(at, c.from(), c.until(), careWindow)) {
                    return Explanation.CARE_TEAM;
                }
            }
            for (GrantSpan g : pair.grants) {
                if (within(at, g.from(), g.until(), 0) && (g.until() == null || at < g.until().getEpochSecond())) {
                    return Explanation.GRANT;
                }
            }
            for (BreakGlassSpan s : pair.breakGlass) {
                if (s.verdict() == BreakGlassVerdict.JUSTIFIED && within(at, s.openedAt(), s.expiresAt(), 0)) {
                    return Explanation.BREAK_GLASS_JUSTIFIED;
                }
            }
        }
        if (patient != null) {
            long department = person.departmentId();
            if (department != 0) {
                for (EncounterSpan e : patient.encounters) {
                    if (e.departmentId() == department && within(at, e.start(), e.end(), encounterWindow)) {
                        return Explanation.ENCOUNTER_DEPARTMENT;
                    }
                }
            }
            for (CareContext c : patient.contexts) {
                boolean addressed = (c.personId() != null && c.personId() == person.id())
                        || (c.departmentId() != null && department != 0 && c.departmentId() == department);
                if (addressed && within(at, c.validFrom(), c.validUntil(), 0)) {
                    return Explanation.CARE_CONTEXT;
                }
            }
        }
        return null;
    }

    private static boolean within(long at, Instant from, Instant until, long grace) {
        return (from == null || at >= from.getEpochSecond())
                && (until == null || at <= until.getEpochSecond() + grace);
    }

    /** Why an access was cleared. */
    enum Explanation {
        CARE_TEAM, ENCOUNTER_DEPARTMENT, CARE_CONTEXT, GRANT, BREAK_GLASS_JUSTIFIED
    }
}
