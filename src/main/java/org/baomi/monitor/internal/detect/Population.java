package org.baomi.monitor.internal.detect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;

import org.baomi.iam.AccountStatus;
import org.baomi.iam.BreakGlassVerdict;
import org.baomi.monitor.internal.detect.SyntheticHospital.Draw;
import org.baomi.monitor.internal.detect.SyntheticHospital.Names;
import org.baomi.monitor.internal.detect.SyntheticHospital.Parameters;
import org.baomi.monitor.internal.detect.SyntheticHospital.Post;
import org.baomi.monitor.internal.detect.SyntheticHospital.Shift;

/**
 * The people and the clinical facts of the synthetic hospital (see {@link SyntheticHospital} for the recipe). The
 * accesses are generated from it by {@link SyntheticAccesses}, which may add a few facts of its own (relatives,
 * break-the-glass sessions) before {@link #context()} is built.
 */
public final class Population {

    static final long STAFF_BASE = 1_000_000;
    static final long PATIENT_BASE = 5_000_000;
    static final long DEPARTMENT_BASE = 100;
    /** Kept below the engine's default encounter window (3 days), so ordinary work is always explained. */
    static final long ENCOUNTER_GRACE = Duration.ofDays(2).toSeconds();

    final Parameters parameters;
    final Names names;
    final SplittableRandom random;
    final long[] dayStarts;
    final int departments;
    final List<StaffProfile> staff = new ArrayList<>();
    final List<Post> posts = new ArrayList<>();
    final List<double[]> hourCumulative = new ArrayList<>();
    final List<double[]> hourWeights = new ArrayList<>();
    final double[] rates;
    final int[] inactiveFrom;
    final int[] departmentOf;
    final List<List<Integer>> wardStaff = new ArrayList<>();
    final List<PatientProfile> patients = new ArrayList<>();
    final List<EncounterSpan> encounters = new ArrayList<>();
    final List<CareSpan> care = new ArrayList<>();
    final List<CareContext> contexts = new ArrayList<>();
    final List<GrantSpan> grants = new ArrayList<>();
    final List<BreakGlassSpan> breakGlass = new ArrayList<>();
    /** Per department and day: the encounters (indices) its staff may read that day. */
    final List<List<List<Integer>>> wardDays = new ArrayList<>();
    /** Per day: lab orders and appointments (indices into contexts) valid that day. */
    final List<List<Integer>> ordersByDay = new ArrayList<>();
    final List<List<Integer>> appointmentsByDay = new ArrayList<>();
    final List<List<Integer>> referralsOf = new ArrayList<>();
    final List<Integer> quietPlain = new ArrayList<>();
    final List<Integer> quietFlagged = new ArrayList<>();
    final List<Integer> quietDeceased = new ArrayList<>();
    final List<Integer> quietStaffAccounts = new ArrayList<>();

    private Population(Parameters parameters, Names names) {
        this.parameters = parameters;
        this.names = names;
        this.random = new SplittableRandom(parameters.seed());
        this.dayStarts = new long[parameters.days() + 1];
        for (int d = 0; d <= parameters.days(); d++) {
            dayStarts[d] = parameters.start().plusDays(d).atStartOfDay(parameters.zone()).toEpochSecond();
        }
        this.departments = Math.max(4, parameters.staff() / 50);
        this.rates = new double[parameters.staff()];
        this.inactiveFrom = new int[parameters.staff()];
        this.departmentOf = new int[parameters.staff()];
    }

    static Population build(Parameters parameters, Names names) {
        Population p = new Population(parameters, names);
        p.buildStaff();
        p.buildPatients();
        p.buildEncounters();
        return p;
    }

    private void buildStaff() {
        int n = parameters.staff();
        int inactive = Math.max((int) Math.round(n * 0.015), parameters.snoopsPerDetector() / 8 + 1);
        for (int d = 0; d < departments; d++) {
            wardStaff.add(new ArrayList<>());
        }
        double[] surnameWeights = rankWeights(names.surnames().size());
        for (int i = 0; i < n; i++) {
            int dept;
            Post post;
            double x = random.nextDouble();
            if (x < 0.08) {
                dept = 0;
                post = Post.TECHNICIAN;
            } else if (x < 0.15) {
                dept = 1;
                post = Post.CLERK;
            } else {
                dept = 2 + random.nextInt(departments - 2);
                post = random.nextDouble() < 0.45 ? Post.DOCTOR : Post.NURSE;
            }
            Shift shift = shift(post);
            double[] w = new double[24];
            for (int h = 0; h < 24; h++) {
                w[h] = shift.weights[h] * (0.7 + 0.6 * random.nextDouble());
            }
            hourWeights.add(w);
            hourCumulative.add(Draw.cumulative(w));
            rates[i] = parameters.opensPerStaffDay() * (0.5 + 1.1 * random.nextDouble());
            departmentOf[i] = dept;
            posts.add(post);
            wardStaff.get(dept).add(i);
            boolean leaves = i % Math.max(1, n / inactive) == 7 % Math.max(1, n / inactive);
            inactiveFrom[i] = leaves ? 3 + random.nextInt(Math.max(1, parameters.days() - 6)) : -1;
            String surname = names.surnames().get(Draw.weighted(random, surnameWeights));
            long id = STAFF_BASE + i;
            Long own = random.nextDouble() < 0.3 ? PATIENT_BASE + 1_000_000_000L + i : null;
            AccountStatus status = leaves ? SyntheticHospital.INACTIVE.get(random.nextInt(2)) : AccountStatus.ACTIVE;
            staff.add(new StaffProfile(id, "S" + id, surname + given(), surname, String.format("13%09d",
                    (i * 7_919L + 12_345) % 1_000_000_000L), post.name(), names.posts().get(post),
                    DEPARTMENT_BASE + dept, names.department(dept), status,
                    leaves ? Instant.ofEpochSecond(dayStarts[inactiveFrom[i]]) : null, own));
        }
    }

    private Shift shift(Post post) {
        double x = random.nextDouble();
        return switch (post) {
            case DOCTOR -> x < 0.85 ? Shift.DAY : Shift.EVENING;
            case NURSE -> x < 0.5 ? Shift.DAY : x < 0.75 ? Shift.EVENING : Shift.NIGHT;
            case TECHNICIAN -> x < 0.7 ? Shift.DAY : x < 0.9 ? Shift.EVENING : Shift.NIGHT;
            case CLERK -> Shift.DAY;
        };
    }

    private void buildPatients() {
        int n = parameters.staff() * parameters.patientsPerStaff();
        int k = parameters.snoopsPerDetector();
        double[] surnameWeights = rankWeights(names.surnames().size());
        int flaggedQuiet = Math.max(n * 3 / 1000, k + 5);
        int deceasedQuiet = Math.max(n * 5 / 1000, k + 5);
        for (int j = 0; j < n; j++) {
            String surname = names.surnames().get(Draw.weighted(random, surnameWeights));
            EnumSet<PatientFlag> flags = EnumSet.noneOf(PatientFlag.class);
            java.time.LocalDate deceased = null;
            if (j < flaggedQuiet * 2) {
                flags = SyntheticHospital.oneFlag(random);
            } else if (j < flaggedQuiet * 2 + deceasedQuiet * 2) {
                deceased = parameters.start().plusDays(random.nextInt(parameters.days() - 3) - 20L);
            }
            patients.add(new PatientProfile(PATIENT_BASE + j, "M" + (PATIENT_BASE + j), surname + given(), surname,
                    String.format("15%09d", (j * 7_919L + 54_321) % 1_000_000_000L), names.address(random, j), null,
                    flags, deceased));
        }
        for (int i = 0; i < staff.size(); i++) {
            StaffProfile s = staff.get(i);
            if (s.ownPatientId() != null) {
                patients.add(new PatientProfile(s.ownPatientId(), "M" + s.ownPatientId(), s.name(), s.surname(),
                        s.phone(), names.address(random, n + i), s.id(), null, null));
            }
        }
    }

    private void buildEncounters() {
        for (int d = 0; d < departments; d++) {
            List<List<Integer>> days = new ArrayList<>();
            for (int day = 0; day < parameters.days(); day++) {
                days.add(new ArrayList<>());
            }
            wardDays.add(days);
        }
        for (int day = 0; day < parameters.days(); day++) {
            ordersByDay.add(new ArrayList<>());
            appointmentsByDay.add(new ArrayList<>());
        }
        for (int i = 0; i < staff.size(); i++) {
            referralsOf.add(new ArrayList<>());
        }
        long from = dayStarts[0] - Duration.ofDays(10).toSeconds();
        long span = dayStarts[parameters.days()] - from;
        int flaggedQuiet = 0;
        for (int j = 0; j < patients.size(); j++) {
            PatientProfile patient = patients.get(j);
            boolean staffAccount = patient.staffPersonId() != null;
            boolean special = !patient.flags().isEmpty() || patient.deceasedOn() != null;
            // Half of the flagged and deceased patients are treated (their ward's reads are hard negatives); the
            // other half, and 40% of the rest, have no encounter: the pool of unrelated patients snoopers open.
            boolean treated = special ? j % 2 == 0 : staffAccount ? random.nextDouble() < 0.1
                    : random.nextDouble() < 0.6;
            if (!treated) {
                if (staffAccount) {
                    quietStaffAccounts.add(j);
                } else if (!patient.flags().isEmpty()) {
                    quietFlagged.add(j);
                    flaggedQuiet++;
                } else if (patient.deceasedOn() != null) {
                    quietDeceased.add(j);
                } else {
                    quietPlain.add(j);
                }
                continue;
            }
            int dept = 2 + random.nextInt(departments - 2);
            long start = from + (long) (random.nextDouble() * span);
            boolean inpatient = random.nextDouble() < 0.3;
            long end = start + (inpatient ? Duration.ofDays(1 + random.nextInt(12)).toSeconds()
                    : Duration.ofHours(1 + random.nextInt(3)).toSeconds());
            encounters.add(new EncounterSpan(patient.id(), DEPARTMENT_BASE + dept, Instant.ofEpochSecond(start),
                    Instant.ofEpochSecond(end)));
            int e = encounters.size() - 1;
            for (int day = 0; day < parameters.days(); day++) {
                if (start < dayStarts[day + 1] && end + ENCOUNTER_GRACE > dayStarts[day]) {
                    wardDays.get(dept).get(day).add(e);
                }
            }
            careTeam(dept, patient.id(), start, end, inpatient);
            if (random.nextDouble() < 0.5) {
                context(CareContext.Kind.ORDER, null, DEPARTMENT_BASE, patient.id(), start,
                        start + Duration.ofDays(2).toSeconds(), ordersByDay);
            }
            if (random.nextDouble() < 0.4) {
                context(CareContext.Kind.APPOINTMENT, null, DEPARTMENT_BASE + 1, patient.id(),
                        start - Duration.ofDays(3).toSeconds(), start + 3600, appointmentsByDay);
            }
            if (random.nextDouble() < 0.05) {
                int other = 2 + random.nextInt(departments - 2);
                List<Integer> ward = doctors(other);
                if (other != dept && !ward.isEmpty()) {
                    int doctor = ward.get(random.nextInt(ward.size()));
                    contexts.add(new CareContext(contexts.size() + 1, CareContext.Kind.REFERRAL,
                            staff.get(doctor).id(), null, patient.id(), Instant.ofEpochSecond(start),
                            Instant.ofEpochSecond(start + Duration.ofDays(7).toSeconds())));
                    referralsOf.get(doctor).add(contexts.size() - 1);
                }
            }
        }
        Collections.shuffle(quietPlain, new java.util.Random(random.nextLong()));
        if (flaggedQuiet == 0 && !quietFlagged.isEmpty()) {
            throw new IllegalStateException("no quiet flagged patients");
        }
    }

    private void careTeam(int dept, long patientId, long start, long end, boolean inpatient) {
        List<Integer> doctors = doctors(dept);
        List<Integer> nurses = wardStaff.get(dept).stream().filter(i -> posts.get(i) == Post.NURSE).toList();
        if (!doctors.isEmpty()) {
            care.add(new CareSpan(staff.get(doctors.get(random.nextInt(doctors.size()))).id(), patientId,
                    Instant.ofEpochSecond(start), Instant.ofEpochSecond(end)));
        }
        if (inpatient && !nurses.isEmpty()) {
            for (int k = 0; k < 2; k++) {
                care.add(new CareSpan(staff.get(nurses.get(random.nextInt(nurses.size()))).id(), patientId,
                        Instant.ofEpochSecond(start), Instant.ofEpochSecond(end)));
            }
        }
    }

    List<Integer> doctors(int dept) {
        return wardStaff.get(dept).stream().filter(i -> posts.get(i) == Post.DOCTOR).toList();
    }

    private void context(CareContext.Kind kind, Long person, long department, long patientId, long from, long until,
            List<List<Integer>> byDay) {
        contexts.add(new CareContext(contexts.size() + 1, kind, person, department, patientId,
                Instant.ofEpochSecond(from), Instant.ofEpochSecond(until)));
        for (int day = 0; day < parameters.days(); day++) {
            if (from < dayStarts[day + 1] && until > dayStarts[day]) {
                byDay.get(day).add(contexts.size() - 1);
            }
        }
    }

    /** A new patient (a snooper's relative); returns its index. */
    int addPatient(PatientProfile patient) {
        patients.add(patient);
        return patients.size() - 1;
    }

    void addBreakGlass(long personId, long patientId, long openedAt, long expiresAt, BreakGlassVerdict verdict) {
        breakGlass.add(new BreakGlassSpan(personId, patientId, Instant.ofEpochSecond(openedAt),
                Instant.ofEpochSecond(expiresAt), verdict));
    }

    void addGrant(long personId, long patientId, long from, long until) {
        grants.add(new GrantSpan(personId, patientId, Instant.ofEpochSecond(from), Instant.ofEpochSecond(until)));
    }

    private String given() {
        List<String> g = names.given();
        String one = g.get(random.nextInt(g.size()));
        return random.nextBoolean() ? one : one + g.get(random.nextInt(g.size()));
    }

    private static double[] rankWeights(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 1.0 / Math.pow(i + 1, 0.9);
        }
        return Draw.cumulative(w);
    }

    /** The engine's view of the hospital. */
    public DetectionContext context() {
        DetectionContext.Builder b = DetectionContext.builder(parameters.zone());
        staff.forEach(b::staff);
        patients.forEach(b::patient);
        encounters.forEach(b::encounter);
        care.forEach(b::care);
        contexts.forEach(b::careContext);
        grants.forEach(b::grant);
        breakGlass.forEach(b::breakGlass);
        return b.build();
    }

    public List<StaffProfile> staff() {
        return List.copyOf(staff);
    }

    public List<PatientProfile> patients() {
        return List.copyOf(patients);
    }
}
