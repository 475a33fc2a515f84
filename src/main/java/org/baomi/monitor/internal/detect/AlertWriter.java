package org.baomi.monitor.internal.detect;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.baomi.monitor.Detector;
import org.baomi.monitor.internal.detect.DetectionEngine.Group;

/**
 * Turns the groups of suspicious accesses into alerts: which detectors fire, their score, and the evidence in plain
 * language (issue 7 item 3: "陈 (nurse, 骨科) opened the record of 陈 ... at 23:14; no care relationship, no order,
 * no grant" — as message keys of the {@code monitor-detect} bundle with their arguments).
 *
 * <p>Scores: the detector's base score, plus 5 for each further access of the same day (at most 8 more), 10 more for a
 * relative matched on both phone and address; a volume spike scales with how far it exceeds the person's usual day
 * (up to three times the base). An alert below the detector's least score, or of a disabled detector, is not raised.
 */
final class AlertWriter {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final DetectionContext context;
    private final DetectionSettings settings;
    private final PersonPatterns patterns;
    private final Map<Long, Integer> index;
    private final long baseDay;

    AlertWriter(DetectionContext context, DetectionSettings settings, PersonPatterns patterns,
            Map<Long, Integer> index, long baseDay) {
        this.context = context;
        this.settings = settings;
        this.patterns = patterns;
        this.index = index;
        this.baseDay = baseDay;
    }

    void personLevel(Group g, List<DetectionAlert> out) {
        StaffProfile person = g.person;
        int patients = g.distinctPatients();
        List<EvidenceLine> lines = new ArrayList<>();
        double score;
        if (g.detector == Detector.INACTIVE_ACCOUNT) {
            lines.add(EvidenceLine.of("monitor.evidence.inactive." + person.status().name(), person.name(),
                    person.staffNo(), person.statusSince() == null ? "-" : date(person.statusSince()), g.count,
                    patients, minute(g.firstAt())));
            score = base(g.detector) + 2 * Math.min(g.count - 1, 20);
        } else {
            int p = index.get(person.id());
            double own = patterns.ownUsual(p);
            lines.add(EvidenceLine.of("monitor.evidence.volume", person.name(), person.postName(),
                    person.departmentName(), g.date(baseDay), patterns.patientsOn(p, g.day), number(own),
                    number(patterns.peerUsual(p))));
            double ratio = patterns.patientsOn(p, g.day) / Math.max(own, 1);
            score = base(g.detector) * Math.min(ratio / settings.volumeOwnFactor(), 3);
        }
        emit(g, g.detector, lines, score, out);
    }

    void patientLevel(Group g, List<DetectionAlert> out) {
        StaffProfile person = g.person;
        PatientProfile patient = context.patientProfile(g.patientId);
        EvidenceLine access = EvidenceLine.of("monitor.evidence.access", person.name(), person.postName(),
                person.departmentName(), minute(g.firstAt()), patient == null ? "#" + g.patientId : patient.name(),
                patient == null ? "-" : patient.mrn(), g.count);
        boolean unexplained = (g.marks & DetectionEngine.UNEXPLAINED) != 0;
        EvidenceLine why = EvidenceLine.of(unexplained ? "monitor.evidence.unexplained" : "monitor.evidence.explained");
        double repeat = 5 * Math.min(g.count - 1, 8);
        boolean raised = false;
        if ((g.marks & DetectionEngine.SELF) != 0) {
            raised = emit(g, Detector.SELF_LOOKUP, List.of(access, EvidenceLine.of("monitor.evidence.self",
                    person.staffNo()), why), base(Detector.SELF_LOOKUP) + repeat, out);
        } else if (unexplained) {
            if (patient != null) {
                raised |= family(g, person, patient, access, why, repeat, out);
                if (patient.staffPersonId() != null) {
                    StaffProfile coworker = context.staff(patient.staffPersonId());
                    raised |= emit(g, Detector.COWORKER, List.of(access, EvidenceLine.of("monitor.evidence.coworker",
                            coworker == null ? "-" : coworker.staffNo(),
                            coworker == null ? "-" : coworker.departmentName()), why),
                            base(Detector.COWORKER) + repeat, out);
                }
                if (!patient.flags().isEmpty()) {
                    List<EvidenceLine> lines = new ArrayList<>(List.of(access));
                    patient.flags().stream().sorted()
                            .forEach(f -> lines.add(EvidenceLine.of("monitor.evidence.flag." + f.name())));
                    lines.add(why);
                    raised |= emit(g, Detector.VIP_SENSITIVE, lines, base(Detector.VIP_SENSITIVE) + repeat, out);
                }
                LocalDate day = g.date(baseDay);
                if (patient.deceasedOn() != null && day.isAfter(patient.deceasedOn())) {
                    raised |= emit(g, Detector.DECEASED, List.of(access, EvidenceLine.of("monitor.evidence.deceased",
                            patient.deceasedOn()), why), base(Detector.DECEASED) + repeat, out);
                }
            }
            if (g.unusualCount > 0) {
                int p = index.get(person.id());
                raised |= emit(g, Detector.AFTER_HOURS, List.of(access, EvidenceLine.of("monitor.evidence.after-hours",
                        time(Instant.ofEpochSecond(g.firstUnusual)), percent(patterns.shareAround(p,
                                g.firstUnusualHour)), patterns.total(p)), why),
                        base(Detector.AFTER_HOURS) + 5 * Math.min(g.unusualCount - 1, 8), out);
            }
            if (!raised) {
                emit(g, Detector.NO_EXPLANATION, List.of(access, why), base(Detector.NO_EXPLANATION) + repeat, out);
            }
        }
    }

    /** Same surname AND same phone or address (a common surname alone says nothing: 王, 李, 张, 陈 ...). */
    private boolean family(Group g, StaffProfile person, PatientProfile patient, EvidenceLine access,
            EvidenceLine why, double repeat, List<DetectionAlert> out) {
        if (person.surname() == null || !person.surname().equals(patient.surname())) {
            return false;
        }
        PatientProfile own = person.ownPatientId() == null ? null : context.patientProfile(person.ownPatientId());
        boolean phone = patient.phone() != null && (patient.phone().equals(person.phone())
                || (own != null && patient.phone().equals(own.phone())));
        boolean address = patient.address() != null && own != null && patient.address().equals(own.address());
        if (!phone && !address) {
            return false;
        }
        List<EvidenceLine> lines = new ArrayList<>(List.of(access));
        if (phone) {
            lines.add(EvidenceLine.of("monitor.evidence.family.phone", patient.surname(),
                    Normalise.maskPhone(patient.phone())));
        }
        if (address) {
            lines.add(EvidenceLine.of("monitor.evidence.family.address", patient.surname(),
                    Normalise.maskAddress(patient.address())));
        }
        lines.add(why);
        return emit(g, Detector.FAMILY, lines, base(Detector.FAMILY) + repeat + (phone && address ? 10 : 0), out);
    }

    private boolean emit(Group g, Detector detector, List<EvidenceLine> lines, double score,
            List<DetectionAlert> out) {
        DetectionSettings.Threshold t = settings.threshold(detector);
        double rounded = Math.round(score * 100) / 100.0;
        if (!t.enabled() || rounded < t.minScore()) {
            return false;
        }
        out.add(new DetectionAlert(detector, g.person.id(), g.patientId, g.date(baseDay), rounded, lines, g.ids(),
                g.firstAt(), g.lastAt()));
        return true;
    }

    private double base(Detector detector) {
        return settings.threshold(detector).baseScore();
    }

    private String minute(Instant at) {
        return MINUTE.format(at.atZone(context.zone()));
    }

    private String time(Instant at) {
        return TIME.format(at.atZone(context.zone()));
    }

    private String date(Instant at) {
        return at.atZone(context.zone()).toLocalDate().toString();
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    private static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.1f", share * 100);
    }
}
