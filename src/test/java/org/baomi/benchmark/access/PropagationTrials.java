package org.baomi.benchmark.access;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.baomi.iam.AccessRequest;
import org.baomi.iam.NeedToKnow;

/**
 * How long a change takes to reach every instance's decisions (issue 3: within 1 second everywhere, with several
 * instances). Each trial writes one change to the shared database the way the application writes it (so the
 * change-log triggers fire and no instance learns of it other than through the change feed), then asks both
 * instances, in turn, the question the change decides, until both answer accordingly:
 *
 * <ul>
 * <li>grant trials: a grant is issued to a person denied for want of need-to-know (until allowed on both), then
 * revoked (until denied on both) (ACC-4, ACC-6);</li>
 * <li>policy trials: a new policy version takes department scope away from reading documents (until a
 * department-based reader is denied on both), the next one gives it back (until allowed).</li>
 * </ul>
 * The time runs from just before the commit to the first answer that reflects it; an answer takes some
 * milliseconds itself (printed as the resolution). One grant trial first warms both instances up, not counted.
 */
final class PropagationTrials {

    private static final long GIVE_UP_NANOS = 10_000_000_000L;

    private final DecisionLoad load;
    private final HospitalDatabase db;
    private final BaomiInstance[] instances;
    private final int trials;
    private final List<AccessRequest> needToKnowDenied;
    private final List<AccessRequest> departmentReaders;
    private long pollNanos;
    private long polls;

    PropagationTrials(DecisionLoad load, HospitalDatabase db, Hospital h, AccessRequest[] mix, BaomiInstance a,
            BaomiInstance b, int trials) {
        this.load = load;
        this.db = db;
        this.instances = new BaomiInstance[] {a, b};
        this.trials = trials;
        BaomiEngine engine = new BaomiEngine(h, Clock.systemUTC());
        this.needToKnowDenied = AccessHttpBenchmark.candidates(engine, mix, false, null, "access.denied.need-to-know",
                "patient");
        this.departmentReaders = AccessHttpBenchmark.candidates(engine, mix, true, NeedToKnow.DEPARTMENT, null, "document")
                .stream().filter(r -> r.action() == org.baomi.iam.AccessAction.READ).toList();
    }

    void run(AccessHttpBenchmark report) throws Exception {
        AccessHttpBenchmark.section("Propagation: a change in the database until both instances decide by it ("
                + trials + " trials)");
        if (needToKnowDenied.isEmpty() || departmentReaders.isEmpty()) {
            report.verdict("Propagation: no suitable request in the mix (need-to-know denials on patients, department "
                    + "readers of documents); use a larger --scale", false);
            return;
        }
        AccessRequest warm = needToKnowDenied.get(needToKnowDenied.size() - 1);
        long grantId = db.issueGrant(warm.personId(), warm.resource().type(), warm.resource().id(), warm.action().name());
        until(warm, true, System.nanoTime());
        db.revokeGrant(grantId);
        long[] warmed = until(warm, false, System.nanoTime());
        System.out.printf("Warm-up trial (not counted): grant revoked after A %s, B %s; one answer takes %s on average "
                + "(the resolution of the figures below)%n", show(warmed[0]), show(warmed[1]),
                Percentiles.millis(pollNanos / Math.max(1, polls)));
        pollNanos = 0;
        polls = 0;
        List<Long> grantTimes = new ArrayList<>();
        List<Long> policyTimes = new ArrayList<>();
        boolean departmentScope = true;
        for (int t = 0; t < trials; t++) {
            if (t % 2 == 0) {
                AccessRequest r = needToKnowDenied.get((t / 2) % needToKnowDenied.size());
                long t0 = System.nanoTime();
                long grant = db.issueGrant(r.personId(), r.resource().type(), r.resource().id(), r.action().name());
                long[] issued = until(r, true, t0);
                t0 = System.nanoTime();
                db.revokeGrant(grant);
                long[] revoked = until(r, false, t0);
                print(t + 1, "grant issued ", issued);
                print(t + 1, "grant revoked", revoked);
                add(grantTimes, issued);
                add(grantTimes, revoked);
            } else {
                AccessRequest r = departmentReaders.get((t / 2) % departmentReaders.size());
                if (!departmentScope) {
                    // the previous policy trial took the scope away; this request must be allowed again first
                    db.savePolicyWithDocumentDepartmentScope(true);
                    until(r, true, System.nanoTime());
                    departmentScope = true;
                }
                long t0 = System.nanoTime();
                db.savePolicyWithDocumentDepartmentScope(false);
                long[] removed = until(r, false, t0);
                departmentScope = false;
                print(t + 1, "policy: department scope removed", removed);
                add(policyTimes, removed);
            }
        }
        if (!departmentScope) {
            db.savePolicyWithDocumentDepartmentScope(true);
        }
        System.out.println("One answer took " + Percentiles.millis(pollNanos / Math.max(1, polls)) + " on average during "
                + "the trials (the resolution of the figures)");
        summarise(report, "grant changes", grantTimes);
        summarise(report, "policy changes", policyTimes);
    }

    /** Polls both instances until each answers {@code allowed}; the nanoseconds each took, -1 if it never did. */
    private long[] until(AccessRequest request, boolean allowed, long t0) throws Exception {
        long[] took = {-1, -1};
        String body = DecisionLoad.json(request);
        while (System.nanoTime() - t0 < GIVE_UP_NANOS && (took[0] < 0 || took[1] < 0)) {
            for (int i = 0; i < instances.length; i++) {
                if (took[i] < 0) {
                    long sent = System.nanoTime();
                    var response = load.post(instances[i].baseUrl() + "/api/v1/access/decisions", body);
                    pollNanos += System.nanoTime() - sent;
                    polls++;
                    if (response.statusCode() == 200 && response.body().contains("\"allowed\":" + allowed)) {
                        took[i] = System.nanoTime() - t0;
                    }
                }
            }
        }
        return took;
    }

    private static void print(int trial, String what, long[] took) {
        System.out.printf("Trial %2d, %-33s A %s, B %s%n", trial, what + ":", show(took[0]), show(took[1]));
    }

    private static String show(long nanos) {
        return nanos < 0 ? "not within 10 s" : String.format("%4d ms", nanos / 1_000_000);
    }

    private static void add(List<Long> times, long[] took) {
        for (long t : took) {
            times.add(t < 0 ? Long.MAX_VALUE : t);
        }
    }

    private static void summarise(AccessHttpBenchmark report, String what, List<Long> times) {
        if (times.isEmpty()) {
            return;
        }
        long[] all = times.stream().mapToLong(Long::longValue).toArray();
        Percentiles p = new Percentiles(all, all.length);
        boolean met = p.max() < AccessHttpBenchmark.TARGET_PROPAGATION_NANOS;
        String max = p.max() == Long.MAX_VALUE ? "never (10 s)" : Percentiles.millis(p.max());
        report.verdict(String.format("Propagation of %s to both instances: p50 %s, max %s over %d measurements "
                + "(target: all within 1 s)", what, Percentiles.millis(p.at(50)), max, all.length), met);
    }
}
