package org.baomi.monitor.internal.detect;

import java.time.Instant;
import java.time.ZoneId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.baomi.iam.AccountStatus;

/**
 * A month of access events for an EXISTING hospital (issue 7 item 6, the demo): the demo staff and patients, not the
 * synthetic ones. Staff of a department with encounters open their department's patients on working days at the
 * hours of a day shift (a quarter of the nurses keep nights); a few snooping accesses of every kind the hospital's
 * data allows are added: an unrelated patient, a coworker's own record, a VIP or sensitive patient, one's own record,
 * a deceased patient, a 03:00 access of a day worker, a day of sixty patients, a suspended or departed account, a
 * relative when one exists (same surname and phone). Seeded: the same inputs give the same events.
 */
final class DemoMonth {

    private static final long DAY = 86_400;

    /** One access: who, which patient, when, and the action's index ({@link AccessKind}). */
    record Access(long personId, long patientId, long epochSecond, int action) {
    }

    private final List<StaffProfile> staff;
    private final List<PatientProfile> patients;
    private final List<EncounterSpan> encounters;
    private final long[] dayStarts;
    private final SplittableRandom random;
    private final List<Access> out = new ArrayList<>();

    private DemoMonth(List<StaffProfile> staff, List<PatientProfile> patients, List<EncounterSpan> encounters,
            LocalDate first, int days, ZoneId zone, long seed) {
        this.staff = staff;
        this.patients = patients;
        this.encounters = encounters;
        this.dayStarts = new long[days + 1];
        for (int d = 0; d <= days; d++) {
            dayStarts[d] = first.plusDays(d).atStartOfDay(zone).toEpochSecond();
        }
        this.random = new SplittableRandom(seed);
    }

    /** The accesses of {@code days} days from {@code first}, in time order. */
    static List<Access> generate(List<StaffProfile> staff, List<PatientProfile> patients,
            List<EncounterSpan> encounters, LocalDate first, int days, ZoneId zone, long seed) {
        DemoMonth month = new DemoMonth(staff, patients, encounters, first, days, zone, seed);
        month.ordinary();
        month.snooping();
        month.out.sort((a, b) -> Long.compare(a.epochSecond(), b.epochSecond()));
        return List.copyOf(month.out);
    }

    private void ordinary() {
        for (int i = 0; i < staff.size(); i++) {
            StaffProfile s = staff.get(i);
            boolean night = s.post().contains("NURSE") && i % 4 == 0;
            for (int d = 0; d + 1 < dayStarts.length; d++) {
                if (s.inactiveAt(dayStarts[d]) || (i + d) % 7 >= 5) {
                    continue;
                }
                List<EncounterSpan> ward = ward(s.departmentId(), d);
                if (ward.isEmpty()) {
                    continue;
                }
                int opens = 6 + random.nextInt(10);
                for (int k = 0; k < opens; k++) {
                    EncounterSpan e = ward.get(random.nextInt(ward.size()));
                    long at = dayStarts[d] + (night ? (22 + random.nextInt(8)) % 24 : 8 + random.nextInt(10)) * 3600L
                            + random.nextInt(3600);
                    if (at >= e.start().getEpochSecond()) {
                        open(s.id(), e.patientId(), at);
                    }
                }
            }
        }
    }

    private void snooping() {
        List<StaffProfile> working = staff.stream().filter(s -> s.status() == AccountStatus.ACTIVE
                && s.departmentId() != 0 && !ward(s.departmentId(), dayStarts.length / 2).isEmpty()).toList();
        if (working.isEmpty()) {
            return;
        }
        int last = dayStarts.length - 2;
        for (int k = 0; k < 6; k++) {
            StaffProfile s = working.get(random.nextInt(working.size()));
            int d = 7 + random.nextInt(Math.max(1, last - 7));
            long usual = dayStarts[d] + (9 + random.nextInt(6)) * 3600L + random.nextInt(3600);
            unrelated(s, d).ifPresent(p -> open(s.id(), p.id(), usual));
            pick(p -> p.staffPersonId() != null && p.staffPersonId() != s.id())
                    .ifPresent(p -> open(s.id(), p.id(), usual + 600));
            pick(p -> !p.flags().isEmpty()).ifPresent(p -> open(s.id(), p.id(), usual + 1200));
            pick(p -> p.deceasedOn() != null && p.deceasedOn().toEpochDay() * DAY < dayStarts[last] - DAY)
                    .ifPresent(p -> open(s.id(), p.id(), dayStarts[last] + (9 + random.nextInt(6)) * 3600L));
            if (!s.post().contains("NURSE")) {
                unrelated(s, d).ifPresent(p -> open(s.id(), p.id(), dayStarts[d] + 3 * 3600L + random.nextInt(3600)));
            }
        }
        staff.stream().filter(s -> s.ownPatientId() != null && s.status() == AccountStatus.ACTIVE).limit(3)
                .forEach(s -> open(s.id(), s.ownPatientId(), dayStarts[last] + 12 * 3600L));
        staff.stream().filter(s -> s.status() != AccountStatus.ACTIVE).limit(3).forEach(s -> {
            long at = Math.max(dayStarts[last], s.statusSince() == null ? 0 : s.statusSince().getEpochSecond() + DAY);
            if (at < dayStarts[last + 1]) {
                pick(p -> true).ifPresent(p -> open(s.id(), p.id(), at + 10 * 3600L));
            }
        });
        relatives(working);
        StaffProfile busy = working.get(random.nextInt(working.size()));
        List<EncounterSpan> ward = ward(busy.departmentId(), last - 1);
        Set<Long> seen = new HashSet<>();
        for (int k = 0; k < ward.size() && seen.size() < 60; k++) {
            if (seen.add(ward.get(k).patientId())) {
                open(busy.id(), ward.get(k).patientId(), dayStarts[last - 1] + 9 * 3600L + k * 300L);
            }
        }
        // a small ward cannot fill a spree: it goes on among unrelated patients (each also unexplained)
        for (int k = 0; seen.size() < 60 && k < 200; k++) {
            PatientProfile p = unrelated(busy, last - 1).orElse(null);
            if (p != null && seen.add(p.id())) {
                open(busy.id(), p.id(), dayStarts[last - 1] + 9 * 3600L + (60 + k) * 120L);
            }
        }
    }

    /** A relative of a member of staff (same surname and phone), if the data has one. */
    private void relatives(List<StaffProfile> working) {
        Map<String, StaffProfile> byPhone = new HashMap<>();
        working.stream().filter(s -> s.phone() != null).forEach(s -> byPhone.put(s.phone(), s));
        patients.stream().filter(p -> p.phone() != null && byPhone.containsKey(p.phone())
                && p.staffPersonId() == null && p.surname() != null
                && p.surname().equals(byPhone.get(p.phone()).surname())).limit(2)
                .forEach(p -> open(byPhone.get(p.phone()).id(), p.id(), dayStarts[dayStarts.length - 3] + 11 * 3600L));
    }

    private java.util.Optional<PatientProfile> unrelated(StaffProfile s, int d) {
        Set<Long> ward = new HashSet<>();
        encounters.stream().filter(e -> e.departmentId() == s.departmentId()).forEach(e -> ward.add(e.patientId()));
        return pick(p -> !ward.contains(p.id()) && p.flags().isEmpty() && p.staffPersonId() == null
                && p.deceasedOn() == null);
    }

    private java.util.Optional<PatientProfile> pick(java.util.function.Predicate<PatientProfile> test) {
        for (int tries = 0; tries < 200 && !patients.isEmpty(); tries++) {
            PatientProfile p = patients.get(random.nextInt(patients.size()));
            if (test.test(p)) {
                return java.util.Optional.of(p);
            }
        }
        return patients.stream().filter(test).findFirst();
    }

    private List<EncounterSpan> ward(long departmentId, int d) {
        long from = dayStarts[d];
        long to = dayStarts[d + 1];
        List<EncounterSpan> open = new ArrayList<>();
        for (EncounterSpan e : encounters) {
            if (e.departmentId() == departmentId && e.start().getEpochSecond() < to
                    && (e.end() == null || e.end().getEpochSecond() + 2 * DAY > from)) {
                open.add(e);
            }
        }
        return open;
    }

    private void open(long personId, long patientId, long at) {
        out.add(new Access(personId, patientId, at, AccessKind.READ.ordinal()));
        if (random.nextBoolean()) {
            out.add(new Access(personId, patientId, at + 60 + random.nextInt(300), AccessKind.UPDATE.ordinal()));
        }
    }

    static Instant at(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond);
    }
}
