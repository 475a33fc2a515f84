package org.baomi.monitor.internal.detect;

import java.time.Instant;
import java.time.LocalDate;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baomi.monitor.Detector;
import org.baomi.monitor.internal.detect.DetectionContext.PatientFacts;

/**
 * Scores access events into alerts, as a pure function of the events, the context and the settings (issue 7
 * items 2 and 3; PAT-4, ACC-1, AUD-2). Two passes over the events:
 * <ol>
 * <li>each access is explained or not (see {@link Explainer}) and the persons' patterns are counted (usual hours,
 * distinct patients per day);</li>
 * <li>what is left is grouped per person, patient and day and handed to the detectors ({@link PatientFindings});
 * person-level findings (an inactive account used, a volume spike) are grouped per person and day.</li>
 * </ol>
 * Which accesses a detector sees, and why:
 * <ul>
 * <li>an explained access is cleared, except for the two findings an explanation cannot excuse: the person's own
 * record (no duty needs it: ACC-1) and a day of far too many patients (a mass read through the department's own
 * encounters is exactly what explanations do not catch);</li>
 * <li>a suspended or departed account should not be used at all: its accesses become one INACTIVE_ACCOUNT alert
 * per day and nothing else;</li>
 * <li>NO_EXPLANATION is the fallback: it is raised for an unexplained access only when no more specific detector
 * (family, coworker, VIP/sensitive, deceased, after-hours) raised an alert for it, so the office sees one alert
 * that says the most about it.</li>
 * </ul>
 */
public final class DetectionEngine {

    static final byte UNEXPLAINED = 1;
    static final byte SELF = 2;
    static final byte INACTIVE = 4;

    private DetectionEngine() {
    }

    /**
     * Scores the events (in time order, as {@link AccessEvents} guarantees).
     *
     * @return the alerts, ordered by detector, then as found
     * @throws IllegalArgumentException when the events were appended out of order and not sorted since
     */
    public static DetectionResult score(DetectionContext context, AccessEvents events, DetectionSettings settings) {
        if (!events.sorted()) {
            throw new IllegalArgumentException("access events must be sorted by time before scoring");
        }
        int n = events.size();
        if (n == 0) {
            return new DetectionResult(List.of(), 0, 0, 0);
        }
        List<StaffProfile> staff = new ArrayList<>(context.allStaff());
        Map<Long, Integer> index = new HashMap<>(staff.size() * 2);
        List<String> postOf = new ArrayList<>(staff.size());
        for (int i = 0; i < staff.size(); i++) {
            index.put(staff.get(i).id(), i);
            postOf.add(staff.get(i).post());
        }
        LocalClock clock = new LocalClock(context.zone().getRules());
        long baseDay = clock.day(events.second(0));
        int days = (int) (clock.day(events.second(n - 1)) - baseDay + 1);
        PersonPatterns patterns = new PersonPatterns(staff.size(), days);
        Explainer explainer = new Explainer(settings);
        int[] personOf = new int[n];
        byte[] marks = new byte[n];
        long unresolved = 0;
        long explained = 0;
        long lastPerson = Long.MIN_VALUE;
        int lastIndex = -1;
        for (int i = 0; i < n; i++) {
            long personId = events.person(i);
            int p;
            if (personId == lastPerson) {
                p = lastIndex;
            } else {
                Integer found = index.get(personId);
                p = found == null ? -1 : found;
                lastPerson = personId;
                lastIndex = p;
            }
            personOf[i] = p;
            if (p < 0) {
                unresolved++;
                continue;
            }
            long at = events.second(i);
            long local = clock.local(at);
            long patientId = events.patient(i);
            patterns.count(p, (int) (Math.floorDiv(local, 86_400) - baseDay), (int) (Math.floorMod(local, 86_400) / 3600),
                    patientId);
            StaffProfile person = staff.get(p);
            if (person.inactiveAt(at)) {
                marks[i] = INACTIVE;
                continue;
            }
            PatientFacts patient = context.patient(patientId);
            byte mark = 0;
            if (patient != null && patient.profile != null && patient.profile.staffPersonId() != null
                    && patient.profile.staffPersonId() == person.id()) {
                mark |= SELF;
            }
            if (explainer.explain(person, at, patient, context.pair(person.id(), patientId)) == null) {
                mark |= UNEXPLAINED;
            } else {
                explained++;
            }
            marks[i] = mark;
        }
        patterns.finish(settings, postOf);

        Map<Long, Group> personDays = new LinkedHashMap<>();
        Map<GroupKey, Group> patientDays = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            int p = personOf[i];
            if (p < 0) {
                continue;
            }
            long local = clock.local(events.second(i));
            int day = (int) (Math.floorDiv(local, 86_400) - baseDay);
            byte mark = marks[i];
            if (mark == INACTIVE) {
                personDays.computeIfAbsent(((long) p * days + day) * 2, k -> new Group(Detector.INACTIVE_ACCOUNT,
                        staff.get(p), null, day)).add(events, i, clock);
                continue;
            }
            if (patterns.spike(p, day, settings)) {
                personDays.computeIfAbsent(((long) p * days + day) * 2 + 1, k -> new Group(Detector.VOLUME_SPIKE,
                        staff.get(p), null, day)).add(events, i, clock);
            }
            if (mark != 0) {
                long patientId = events.patient(i);
                Group g = patientDays.computeIfAbsent(new GroupKey(p, patientId, day), k -> new Group(null,
                        staff.get(p), patientId, day));
                g.add(events, i, clock);
                g.marks |= mark;
                int hour = (int) (Math.floorMod(local, 86_400) / 3600);
                if ((mark & UNEXPLAINED) != 0 && patterns.unusualHour(p, hour)) {
                    g.unusual(events.second(i), hour);
                }
            }
        }

        List<DetectionAlert> alerts = new ArrayList<>();
        AlertWriter writer = new AlertWriter(context, settings, patterns, index, baseDay);
        for (Group g : personDays.values()) {
            writer.personLevel(g, alerts);
        }
        for (Group g : patientDays.values()) {
            writer.patientLevel(g, alerts);
        }
        alerts.sort((a, b) -> a.detector().compareTo(b.detector()));
        return new DetectionResult(alerts, n, unresolved, explained);
    }

    record GroupKey(int person, long patientId, int day) {
    }

    /** The accesses behind one prospective alert. */
    static final class Group {
        final Detector detector;
        final StaffProfile person;
        final Long patientId;
        final int day;
        long[] eventIds = new long[4];
        long[] patients;
        int count;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        byte marks;
        int unusualCount;
        long firstUnusual;
        int firstUnusualHour;

        Group(Detector detector, StaffProfile person, Long patientId, int day) {
            this.detector = detector;
            this.person = person;
            this.patientId = patientId;
            this.day = day;
            if (patientId == null) {
                patients = new long[4];
            }
        }

        void add(AccessEvents events, int i, LocalClock clock) {
            if (count == eventIds.length) {
                eventIds = java.util.Arrays.copyOf(eventIds, count * 2);
                if (patients != null) {
                    patients = java.util.Arrays.copyOf(patients, count * 2);
                }
            }
            eventIds[count] = events.id(i);
            if (patients != null) {
                patients[count] = events.patient(i);
            }
            count++;
            first = Math.min(first, events.second(i));
            last = Math.max(last, events.second(i));
        }

        void unusual(long at, int hour) {
            if (unusualCount++ == 0) {
                firstUnusual = at;
                firstUnusualHour = hour;
            }
        }

        long[] ids() {
            return java.util.Arrays.copyOf(eventIds, count);
        }

        int distinctPatients() {
            LongSet set = new LongSet();
            for (int i = 0; i < count; i++) {
                set.add(patients[i]);
            }
            return set.size();
        }

        LocalDate date(long baseDay) {
            return LocalDate.ofEpochDay(baseDay + day);
        }

        Instant firstAt() {
            return Instant.ofEpochSecond(first);
        }

        Instant lastAt() {
            return Instant.ofEpochSecond(last);
        }
    }

    /** Local seconds of an instant in the hospital's zone, with the offset cached per hour (events come in order). */
    static final class LocalClock {
        private final ZoneRules rules;
        private final int fixed;
        private long cachedHour = Long.MIN_VALUE;
        private int cachedOffset;

        LocalClock(ZoneRules rules) {
            this.rules = rules;
            this.fixed = rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : Integer.MIN_VALUE;
        }

        long local(long epochSecond) {
            if (fixed != Integer.MIN_VALUE) {
                return epochSecond + fixed;
            }
            long hour = Math.floorDiv(epochSecond, 3600);
            if (hour != cachedHour) {
                cachedHour = hour;
                cachedOffset = rules.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
            }
            return epochSecond + cachedOffset;
        }

        long day(long epochSecond) {
            return Math.floorDiv(local(epochSecond), 86_400);
        }
    }
}
