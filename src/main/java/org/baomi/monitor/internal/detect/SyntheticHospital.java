package org.baomi.monitor.internal.detect;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;

import org.baomi.iam.AccountStatus;
import org.baomi.monitor.Detector;

/**
 * A seeded synthetic hospital for the demo, the tests and the benchmarks (issue 7 item 5): staff in departments
 * and posts with their own shift patterns, patients (with staff-as-patient accounts, VIP/sensitive and deceased
 * patients), encounters with care teams, lab orders, appointments, referrals, grants and break-the-glass sessions,
 * and a month of access events in which snooping of every detector kind is injected and LABELLED with the alert it
 * should raise. The same parameters give the same hospital, byte for byte.
 *
 * <p>How it is built (the numbers are the parameters' defaults):
 * <ul>
 * <li>Departments: one per 50 staff (at least four); the first is the lab (its technicians work department lab
 * orders), the second registration (its clerks work appointments), the rest are clinical wards of doctors (45%) and
 * nurses (55%). Staff keep DAY, EVENING or NIGHT shifts; 1.5% of them are suspended or leave during the month.</li>
 * <li>Patients: 25 per member of staff; surnames weighted by rank, so common surnames collide as in life (the reason
 * the family detector needs surname AND phone or address). 60% have an encounter in a ward in the month (30%
 * inpatient for 1 to 12 days, with a doctor and two nurses on the care team; the others outpatient with their
 * doctor); half the encounters have a lab order, 40% an appointment, 5% a referral to a doctor of another ward.
 * 30% of staff have a patient account of their own; 0.6% of patients are flagged VIP/sensitive; 1% die.</li>
 * <li>Ordinary work: on about five days in seven each person opens about {@code opensPerStaffDay} records (a
 * personal rate from half to 1.6 times that, and busy days up to 1.8 times), each with one to three events, at
 * hours of their shift, of patients their work explains: their ward's encounters, the lab's orders, registration's
 * appointments, their referrals, grants, justified break-the-glass sessions.</li>
 * <li>Injected snooping, {@code snoopsPerDetector} of each kind, each labelled with exactly one alert key: an
 * unexplained access (plain, after the care window, under an unjustified or unreviewed break-the-glass session), a
 * relative (same surname and the phone or address of the person's own account), a coworker's account, a
 * VIP/sensitive patient, the person's own account, a departed or suspended account still used, an unexplained
 * access at an hour the person never works, a day of several times the usual number of patients (from the ward's
 * own encounters, so explained), a deceased patient's record.</li>
 * <li>Unlabelled documentation gaps ({@code documentationGaps}): accesses to unrelated patients at any of the
 * person's hours, standing for real work whose order or referral was never recorded. They are the honest false
 * positives of the evaluation.</li>
 * </ul>
 */
public final class SyntheticHospital {

    /**
     * @param seed              the seed: same seed, same hospital
     * @param staff             number of staff
     * @param days              days of access events from {@code start}
     * @param opensPerStaffDay  records opened by a member of staff on a working day, on average
     * @param snoopsPerDetector injected snooping per detector kind
     * @param documentationGaps unlabelled unexplained-but-innocent accesses
     */
    public record Parameters(long seed, int staff, int patientsPerStaff, int days, LocalDate start, ZoneId zone,
            double opensPerStaffDay, int snoopsPerDetector, int documentationGaps) {

        /** A small hospital for tests: 300 staff, a month, 40 injections per kind. */
        public static Parameters small(long seed) {
            return new Parameters(seed, 300, 25, 30, LocalDate.of(2026, 10, 1), ZoneId.of("Asia/Shanghai"), 15,
                    40, 4);
        }

        /** A hospital whose month holds about the given number of events. */
        public static Parameters ofEvents(long seed, long events) {
            int staff = (int) Math.max(50, events / 570.0);
            return new Parameters(seed, staff, 25, 30, LocalDate.of(2026, 10, 1), ZoneId.of("Asia/Shanghai"), 15,
                    Math.max(40, staff / 20), Math.max(4, staff / 200));
        }
    }

    /**
     * The hospital: the context the engine reads, the events, and the labels.
     *
     * @param labels alert key ({@link DetectionAlert#key}) of every injected snooping, with its detector
     */
    public record Hospital(Parameters parameters, DetectionContext context, AccessEvents events,
            Map<String, Detector> labels, Population population) {
    }

    private SyntheticHospital() {
    }

    /** Builds the hospital and its month of accesses. */
    public static Hospital generate(Parameters parameters) {
        Names names = Names.load();
        Population population = Population.build(parameters, names);
        SyntheticAccesses accesses = new SyntheticAccesses(parameters, population);
        AccessEvents events = accesses.generate();
        return new Hospital(parameters, population.context(), events, accesses.labels(), population);
    }

    /** The post of a synthetic member of staff. */
    public enum Post {
        DOCTOR, NURSE, TECHNICIAN, CLERK
    }

    /** The shift a synthetic member of staff keeps: the hours they work, with a weight each. */
    enum Shift {
        DAY(new double[] {0, 0, 0, 0, 0, 0, 0.3, 4, 10, 10, 10, 9, 6, 8, 10, 10, 9, 7, 3, 0.4, 0, 0, 0, 0}),
        EVENING(new double[] {0.3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.4, 4, 9, 10, 10, 9, 9, 8, 7, 5, 2}),
        NIGHT(new double[] {8, 7, 6, 5, 5, 6, 7, 4, 0.4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.4, 3, 8, 9});

        final double[] weights;

        Shift(double[] weights) {
            this.weights = weights;
        }
    }

    /** Name material from {@code monitor/synthetic-hospital.properties} (Chinese text stays out of Java: i18n rule). */
    record Names(List<String> surnames, List<String> given, List<String> departments, Map<Post, String> posts,
            List<String> districts, List<String> streets, String address, String numbered) {

        static Names load() {
            Properties p = new Properties();
            try (InputStream in = SyntheticHospital.class.getResourceAsStream("/monitor/synthetic-hospital.properties")) {
                if (in == null) {
                    throw new IllegalStateException("monitor/synthetic-hospital.properties missing");
                }
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<Post, String> posts = new java.util.EnumMap<>(Post.class);
            for (Post post : Post.values()) {
                posts.put(post, p.getProperty("post." + post.name()));
            }
            return new Names(list(p, "surnames"), list(p, "given"), list(p, "departments"), posts,
                    list(p, "districts"), list(p, "streets"), p.getProperty("address"),
                    p.getProperty("department.numbered"));
        }

        private static List<String> list(Properties p, String key) {
            return List.of(p.getProperty(key).split(","));
        }

        String address(SplittableRandom r, int household) {
            return MessageFormat.format(address, districts.get(r.nextInt(districts.size())),
                    streets.get(r.nextInt(streets.size())), Integer.toString(1 + household / 40),
                    Integer.toString(101 + household % 40));
        }

        String department(int i) {
            String base = departments.get(i % departments.size());
            return i < departments.size() ? base : MessageFormat.format(numbered, base,
                    Integer.toString(i / departments.size() + 1));
        }
    }

    /** Random helpers shared by the population and the accesses. */
    static final class Draw {
        private Draw() {
        }

        static int weighted(SplittableRandom r, double[] cumulative) {
            double x = r.nextDouble() * cumulative[cumulative.length - 1];
            int lo = 0;
            int hi = cumulative.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] < x) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        static double[] cumulative(double[] weights) {
            double[] c = new double[weights.length];
            double sum = 0;
            for (int i = 0; i < weights.length; i++) {
                sum += weights[i];
                c[i] = sum;
            }
            return c;
        }

        static Instant at(long epochSecond) {
            return Instant.ofEpochSecond(epochSecond);
        }
    }

    /** Ids of the relatives created for family snooping (beyond every other patient id). */
    static final long PATIENT_RELATIVES = 9_000_000_000L;

    /** Statuses a departing member of staff can take. */
    static final List<AccountStatus> INACTIVE = List.of(AccountStatus.SUSPENDED, AccountStatus.DEPARTED);

    static EnumSet<PatientFlag> oneFlag(SplittableRandom r) {
        return EnumSet.of(PatientFlag.values()[r.nextInt(PatientFlag.values().length)]);
    }

    static List<Integer> range(int n) {
        List<Integer> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(i);
        }
        return l;
    }
}
