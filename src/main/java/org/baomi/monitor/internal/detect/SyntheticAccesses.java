package org.baomi.monitor.internal.detect;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.baomi.iam.BreakGlassVerdict;
import org.baomi.monitor.Detector;
import org.baomi.monitor.internal.detect.SyntheticHospital.Draw;
import org.baomi.monitor.internal.detect.SyntheticHospital.Parameters;
import org.baomi.monitor.internal.detect.SyntheticHospital.Post;

/**
 * The month of access events of the synthetic hospital: ordinary work, labelled snooping of every detector kind and
 * unlabelled documentation gaps (see {@link SyntheticHospital}). Events are produced day by day, sorted by time.
 */
final class SyntheticAccesses {

    private static final long DAY = 86_400;
    private final Parameters parameters;
    private final Population pop;
    private final SplittableRandom random;
    private final Map<String, Detector> labels = new HashMap<>();
    private final List<DayBuffer> planned = new ArrayList<>();
    private int quietNext;
    private int flaggedNext;
    private int deceasedNext;
    private int coworkerNext;
    private java.util.Set<Long> referred;

    SyntheticAccesses(Parameters parameters, Population population) {
        this.parameters = parameters;
        this.pop = population;
        this.random = new SplittableRandom(parameters.seed() * 31 + 7);
        for (int d = 0; d < parameters.days(); d++) {
            planned.add(new DayBuffer(16));
        }
    }

    Map<String, Detector> labels() {
        return Map.copyOf(labels);
    }

    AccessEvents generate() {
        plan();
        long expected = (long) (pop.staff.size() * parameters.days() * parameters.opensPerStaffDay() * 1.8 * 5 / 7
                * 1.1);
        AccessEvents events = new AccessEvents((int) Math.min(Integer.MAX_VALUE - 8, expected));
        DayBuffer today = new DayBuffer(1 << 16);
        long nextId = 1;
        for (int d = 0; d < parameters.days(); d++) {
            today.clear();
            today.addAll(planned.get(d));
            work(d, today);
            for (long packed : today.sorted()) {
                int i = (int) (packed & 0xFF_FFFF_FFFFL);
                events.add(nextId++, today.persons[i], today.patients[i], today.seconds[i], today.actions[i]);
            }
        }
        return events;
    }

    // ---- ordinary work --------------------------------------------------------------------------------------

    private void work(int day, DayBuffer out) {
        long start = pop.dayStarts[day];
        for (int s = 0; s < pop.staff.size(); s++) {
            if (!active(s, day) || (s * 3 + day) % 7 >= 5 || random.nextDouble() < 0.05) {
                continue;
            }
            double busy = random.nextDouble() < 0.1 ? 1.3 + 0.5 * random.nextDouble() : 1.0;
            double lambda = pop.rates[s] * busy;
            int opens = (int) Math.max(0, Math.round(lambda + Math.sqrt(lambda) * random.nextGaussian()));
            for (int k = 0; k < opens; k++) {
                openExplained(s, day, start, out);
            }
        }
    }

    /**
     * One ordinary open by person s: a patient their work explains, at one of their hours (a candidate whose reason
     * does not cover the drawn time is passed over: moving the time instead would blur the person's hours).
     */
    private boolean openExplained(int s, int day, long dayStart, DayBuffer out) {
        for (int tries = 0; tries < 6; tries++) {
            long at = dayStart + Draw.weighted(random, pop.hourCumulative.get(s)) * 3600L + random.nextInt(3600);
            long[] reason = reason(s, day, dayStart);
            if (reason == null) {
                return false;
            }
            if (at >= reason[1] && at <= reason[2]) {
                record(out, s, reason[0], at, Math.min(reason[2], dayStart + DAY - 1));
                return true;
            }
        }
        return false;
    }

    /** A patient the person's work explains that day: {patient id, from, until}, or null when there is none. */
    private long[] reason(int s, int day, long dayStart) {
        Post post = pop.posts.get(s);
        if (post == Post.TECHNICIAN || post == Post.CLERK) {
            List<Integer> valid = (post == Post.TECHNICIAN ? pop.ordersByDay : pop.appointmentsByDay).get(day);
            if (valid.isEmpty()) {
                return null;
            }
            CareContext c = pop.contexts.get(valid.get(random.nextInt(valid.size())));
            return new long[] {c.patientId(), c.validFrom().getEpochSecond(), c.validUntil().getEpochSecond()};
        }
        List<Integer> referrals = pop.referralsOf.get(s);
        CareContext referral = referrals.isEmpty() || random.nextDouble() > 0.05 ? null
                : pop.contexts.get(referrals.get(random.nextInt(referrals.size())));
        if (referral != null && referral.validFrom().getEpochSecond() < dayStart + DAY
                && referral.validUntil().getEpochSecond() > dayStart) {
            return new long[] {referral.patientId(), referral.validFrom().getEpochSecond(),
                referral.validUntil().getEpochSecond()};
        }
        List<Integer> ward = pop.wardDays.get(pop.departmentOf[s]).get(day);
        if (ward.isEmpty()) {
            return null;
        }
        EncounterSpan e = pop.encounters.get(ward.get(random.nextInt(ward.size())));
        return new long[] {e.patientId(), e.start().getEpochSecond(),
            e.end().getEpochSecond() + Population.ENCOUNTER_GRACE};
    }

    /** One to three events of a record opening, none after {@code latest} (the end of the day or of the reason). */
    private void record(DayBuffer out, int s, long patientId, long at, long latest) {
        long personId = pop.staff.get(s).id();
        out.add(personId, patientId, at, AccessKind.READ.ordinal());
        int more = (random.nextDouble() < 0.5 ? 1 : 0) + (random.nextDouble() < 0.2 ? 1 : 0);
        for (int m = 0; m < more; m++) {
            long later = Math.max(at, Math.min(at + 30 + random.nextInt(570), latest));
            int action = random.nextDouble() < 0.7 ? AccessKind.UPDATE.ordinal() : random.nextBoolean()
                    ? AccessKind.PRINT.ordinal() : AccessKind.QUERY.ordinal();
            out.add(personId, patientId, later, action);
        }
    }

    private boolean active(int s, int day) {
        return pop.inactiveFrom[s] < 0 || day < pop.inactiveFrom[s];
    }

    // ---- planned accesses: hard negatives and labelled snooping ---------------------------------------------

    private void plan() {
        int k = parameters.snoopsPerDetector();
        hardNegatives();
        for (int i = 0; i < k; i++) {
            unexplained(i);
            family(i);
            coworker();
            sensitive();
            self();
            inactive();
            afterHours();
            volumeSpike();
            deceased();
        }
        for (int i = 0; i < parameters.documentationGaps(); i++) {
            int s = activePerson();
            int day = workingDay(s);
            long at = pop.dayStarts[day] + Draw.weighted(random, pop.hourCumulative.get(s)) * 3600L
                    + random.nextInt(3600);
            record(planned.get(day), s, pop.patients.get(quiet()).id(), at, pop.dayStarts[day + 1] - 1);
        }
    }

    /** Grants and justified break-the-glass sessions on unrelated patients, used: nothing must be raised. */
    private void hardNegatives() {
        int n = Math.max(3, pop.staff.size() / 100);
        for (int i = 0; i < n; i++) {
            int s = activePerson();
            int day = workingDay(s);
            long at = usualTime(s, day);
            long patientId = pop.patients.get(quiet()).id();
            pop.addGrant(pop.staff.get(s).id(), patientId, at - DAY, at + 10 * DAY);
            record(planned.get(day), s, patientId, at, pop.dayStarts[day + 1] - 1);
            int t = activePerson();
            int tDay = workingDay(t);
            long tAt = usualTime(t, tDay);
            long glassPatient = pop.patients.get(quiet()).id();
            pop.addBreakGlass(pop.staff.get(t).id(), glassPatient, tAt - 600, tAt + 4 * 3600,
                    BreakGlassVerdict.JUSTIFIED);
            record(planned.get(tDay), t, glassPatient, tAt, pop.dayStarts[tDay + 1] - 1);
        }
    }

    /** Plain, past the care window, under an unjustified or an unreviewed break-the-glass session. */
    private void unexplained(int i) {
        int s = activePerson();
        int day = workingDay(s);
        long at = usualTime(s, day);
        long patientId;
        int variant = i % 4;
        if (variant == 1 && pop.posts.get(s) != Post.TECHNICIAN && pop.posts.get(s) != Post.CLERK) {
            patientId = pastCareWindow(s, at);
        } else {
            patientId = -1;
        }
        if (patientId < 0) {
            patientId = pop.patients.get(quiet()).id();
            if (variant >= 2) {
                pop.addBreakGlass(pop.staff.get(s).id(), patientId, at - 600, at + 4 * 3600,
                        variant == 2 ? BreakGlassVerdict.UNJUSTIFIED : null);
            }
        }
        inject(Detector.NO_EXPLANATION, s, patientId, day, at);
    }

    /** A patient whose encounter in the person's ward ended more than nine days before (care window 7 days). */
    private long pastCareWindow(int s, long at) {
        if (referred == null) {
            referred = new java.util.HashSet<>();
            pop.contexts.stream().filter(c -> c.kind() == CareContext.Kind.REFERRAL)
                    .forEach(c -> referred.add(c.patientId()));
        }
        long dept = Population.DEPARTMENT_BASE + pop.departmentOf[s];
        for (int tries = 0; tries < 200; tries++) {
            // every treated patient has exactly one encounter, so nothing else of theirs explains a later access
            EncounterSpan e = pop.encounters.get(random.nextInt(pop.encounters.size()));
            if (e.departmentId() != dept || e.end().getEpochSecond() > at - 9 * DAY
                    || referred.contains(e.patientId())) {
                continue;
            }
            int j = (int) (e.patientId() - Population.PATIENT_BASE);
            PatientProfile p = j >= 0 && j < pop.patients.size() ? pop.patients.get(j) : null;
            if (p != null && p.id() == e.patientId() && p.flags().isEmpty() && p.staffPersonId() == null
                    && p.deceasedOn() == null) {
                return e.patientId();
            }
        }
        return -1;
    }

    private void family(int i) {
        int s = activePersonWithAccount();
        StaffProfile person = pop.staff.get(s);
        PatientProfile own = ownAccount(person);
        boolean byPhone = i % 2 == 0;
        int j = pop.addPatient(new PatientProfile(SyntheticHospital.PATIENT_RELATIVES + i, "R" + i,
                person.surname() + "X", person.surname(), byPhone ? person.phone() : String.format("16%09d", i),
                byPhone ? pop.names.address(random, 900_000 + i) : own.address(), null, null, null));
        int day = workingDay(s);
        inject(Detector.FAMILY, s, pop.patients.get(j).id(), day, usualTime(s, day));
    }

    private void coworker() {
        int s = activePerson();
        StaffProfile person = pop.staff.get(s);
        for (int tries = 0; tries < pop.quietStaffAccounts.size(); tries++) {
            PatientProfile account = pop.patients.get(pop.quietStaffAccounts.get(
                    coworkerNext++ % pop.quietStaffAccounts.size()));
            if (account.staffPersonId() != person.id() && !account.surname().equals(person.surname())) {
                int day = workingDay(s);
                inject(Detector.COWORKER, s, account.id(), day, usualTime(s, day));
                return;
            }
        }
    }

    private void sensitive() {
        int s = activePerson();
        int day = workingDay(s);
        long patientId = pop.patients.get(pop.quietFlagged.get(flaggedNext++ % pop.quietFlagged.size())).id();
        inject(Detector.VIP_SENSITIVE, s, patientId, day, usualTime(s, day));
    }

    private void self() {
        int s = activePersonWithAccount();
        int day = workingDay(s);
        inject(Detector.SELF_LOOKUP, s, pop.staff.get(s).ownPatientId(), day, usualTime(s, day));
    }

    private void inactive() {
        List<Integer> gone = new ArrayList<>();
        for (int s = 0; s < pop.staff.size(); s++) {
            if (pop.inactiveFrom[s] >= 0 && pop.inactiveFrom[s] < parameters.days() - 1) {
                gone.add(s);
            }
        }
        int s = gone.get(random.nextInt(gone.size()));
        int day = pop.inactiveFrom[s] + 1 + random.nextInt(parameters.days() - pop.inactiveFrom[s] - 1);
        int opens = 1 + random.nextInt(4);
        boolean used = false;
        for (int k = 0; k < opens; k++) {
            used |= openExplained(s, day, pop.dayStarts[day], planned.get(day));
        }
        if (!used) {
            return;
        }
        labels.put(DetectionAlert.key(Detector.INACTIVE_ACCOUNT, pop.staff.get(s).id(), null, date(day)),
                Detector.INACTIVE_ACCOUNT);
    }

    /** An unexplained access at an hour the person never works (their shift's hour and both neighbours empty). */
    private void afterHours() {
        for (int tries = 0; tries < 100; tries++) {
            int s = activePerson();
            double[] w = pop.hourWeights.get(s);
            List<Integer> off = new ArrayList<>();
            for (int h = 0; h < 24; h++) {
                if (w[h] == 0 && w[(h + 23) % 24] == 0 && w[(h + 1) % 24] == 0) {
                    off.add(h);
                }
            }
            if (off.isEmpty()) {
                continue;
            }
            int day = workingDay(s);
            long at = pop.dayStarts[day] + off.get(random.nextInt(off.size())) * 3600L + random.nextInt(3600);
            inject(Detector.AFTER_HOURS, s, pop.patients.get(quiet()).id(), day, at);
            return;
        }
    }

    /** Several times the person's usual day AND their peers' usual day, of their own ward's patients. */
    private void volumeSpike() {
        for (int tries = 0; tries < 100; tries++) {
            int s = activePerson();
            Post post = pop.posts.get(s);
            if (post != Post.DOCTOR && post != Post.NURSE) {
                continue;
            }
            int day = workingDay(s);
            List<Integer> ward = pop.wardDays.get(pop.departmentOf[s]).get(day);
            int wanted = (int) Math.ceil(Math.max(Math.max(4 * pop.rates[s], 3.5 * parameters.opensPerStaffDay()),
                    35));
            if (ward.size() < wanted * 1.2) {
                continue;
            }
            List<Integer> shuffled = new ArrayList<>(ward);
            java.util.Collections.shuffle(shuffled, new java.util.Random(random.nextLong()));
            long dayStart = pop.dayStarts[day];
            List<long[]> opens = new ArrayList<>();
            for (int k = 0; k < shuffled.size() && opens.size() < wanted; k++) {
                EncounterSpan e = pop.encounters.get(shuffled.get(k));
                long at = usualTime(s, day);
                long until = e.end().getEpochSecond() + Population.ENCOUNTER_GRACE;
                if (at >= e.start().getEpochSecond() && at <= until) {
                    opens.add(new long[] {e.patientId(), at, Math.min(until, dayStart + DAY - 1)});
                }
            }
            if (opens.size() < wanted) {
                continue;
            }
            opens.forEach(o -> record(planned.get(day), s, o[0], o[1], o[2]));
            labels.put(DetectionAlert.key(Detector.VOLUME_SPIKE, pop.staff.get(s).id(), null, date(day)),
                    Detector.VOLUME_SPIKE);
            return;
        }
    }

    private void deceased() {
        PatientProfile p = pop.patients.get(pop.quietDeceased.get(deceasedNext++ % pop.quietDeceased.size()));
        int s = activePerson();
        int firstDay = (int) Math.max(0, p.deceasedOn().toEpochDay() - parameters.start().toEpochDay() + 1);
        if (firstDay >= parameters.days()) {
            return;
        }
        int day = firstDay + random.nextInt(parameters.days() - firstDay);
        if (!active(s, day)) {
            return;
        }
        inject(Detector.DECEASED, s, p.id(), day, usualTime(s, day));
    }

    private void inject(Detector detector, int s, long patientId, int day, long at) {
        record(planned.get(day), s, patientId, at, pop.dayStarts[day + 1] - 1);
        labels.put(DetectionAlert.key(detector, pop.staff.get(s).id(), patientId, date(day)), detector);
    }

    // ---- choices -----------------------------------------------------------------------------------------

    private int activePerson() {
        while (true) {
            int s = random.nextInt(pop.staff.size());
            if (pop.inactiveFrom[s] < 0) {
                return s;
            }
        }
    }

    private int activePersonWithAccount() {
        while (true) {
            int s = activePerson();
            if (pop.staff.get(s).ownPatientId() != null) {
                return s;
            }
        }
    }

    /** A day the person works (so their usual hours are learnt), never the first week (history first). */
    private int workingDay(int s) {
        while (true) {
            int day = random.nextInt(parameters.days());
            if ((s * 3 + day) % 7 < 5 && active(s, day)) {
                return day;
            }
        }
    }

    /** A time in one of the person's core hours (at least 60% of their busiest hour). */
    private long usualTime(int s, int day) {
        double[] w = pop.hourWeights.get(s);
        double max = Arrays.stream(w).max().orElse(1);
        List<Integer> core = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            if (w[h] >= 0.6 * max) {
                core.add(h);
            }
        }
        return pop.dayStarts[day] + core.get(random.nextInt(core.size())) * 3600L + random.nextInt(3600);
    }

    private int quiet() {
        return pop.quietPlain.get(quietNext++ % pop.quietPlain.size());
    }

    private PatientProfile ownAccount(StaffProfile person) {
        return pop.patients.stream().filter(p -> p.id() == person.ownPatientId()).findFirst().orElseThrow();
    }

    private LocalDate date(int day) {
        return parameters.start().plusDays(day);
    }

    /** The events of one day before sorting, in columns. */
    static final class DayBuffer {
        long[] persons;
        long[] patients;
        long[] seconds;
        int[] actions;
        int size;
        private long dayStart = Long.MIN_VALUE;

        DayBuffer(int capacity) {
            persons = new long[capacity];
            patients = new long[capacity];
            seconds = new long[capacity];
            actions = new int[capacity];
        }

        void add(long person, long patient, long second, int action) {
            if (size == persons.length) {
                int c = size * 2;
                persons = Arrays.copyOf(persons, c);
                patients = Arrays.copyOf(patients, c);
                seconds = Arrays.copyOf(seconds, c);
                actions = Arrays.copyOf(actions, c);
            }
            persons[size] = person;
            patients[size] = patient;
            seconds[size] = second;
            actions[size] = action;
            dayStart = Math.min(dayStart == Long.MIN_VALUE ? second : dayStart, second);
            size++;
        }

        void addAll(DayBuffer other) {
            for (int i = 0; i < other.size; i++) {
                add(other.persons[i], other.patients[i], other.seconds[i], other.actions[i]);
            }
        }

        void clear() {
            size = 0;
            dayStart = Long.MIN_VALUE;
        }

        /** Indices ordered by time, packed as (seconds since the earliest) << 40 | index. */
        long[] sorted() {
            long[] keys = new long[size];
            for (int i = 0; i < size; i++) {
                keys[i] = ((seconds[i] - dayStart) << 40) | i;
            }
            Arrays.sort(keys);
            return keys;
        }
    }
}
