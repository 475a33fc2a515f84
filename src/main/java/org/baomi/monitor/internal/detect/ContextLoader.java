package org.baomi.monitor.internal.detect;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.baomi.iam.CareRelationship;
import org.baomi.iam.MonitoringFacts;
import org.baomi.privacy.PatientRoster;
import org.springframework.stereotype.Component;

/**
 * Reads the context of a scoring run from the owning modules' APIs (issue 7 items 2 and 4): staff, care
 * relationships, grants and break-the-glass sessions from iam; patients and encounters from privacy; orders,
 * appointments and referrals from {@link CareContextSource}. Days and hours are those of the application clock's zone.
 */
@Component
class ContextLoader {

    private final MonitoringFacts iam;
    private final PatientRoster patients;
    private final CareContextSource contexts;
    private final Clock clock;
    private final List<String> compound;

    ContextLoader(MonitoringFacts iam, PatientRoster patients, CareContextSource contexts, Clock clock) {
        this.iam = iam;
        this.patients = patients;
        this.contexts = contexts;
        this.clock = clock;
        this.compound = compoundSurnames();
    }

    /**
     * The context, the staff numbers and MRNs that {@code mon_alert} stores next to the ids, and the staff, patients
     * and encounters as read (the demo generates its accesses from them).
     */
    record Loaded(DetectionContext context, Map<Long, String> staffNos, Map<Long, String> mrns,
            List<StaffProfile> staff, List<PatientProfile> patients, List<EncounterSpan> encounters) {
    }

    /** Everything relevant to accesses at or after {@code since}. */
    Loaded load(Instant since) {
        DetectionContext.Builder b = DetectionContext.builder(clock.getZone());
        Map<Long, Long> ownAccount = new HashMap<>();
        Map<Long, String> mrns = new HashMap<>();
        List<PatientProfile> patientList = new ArrayList<>();
        List<StaffProfile> staffList = new ArrayList<>();
        List<EncounterSpan> encounterList = new ArrayList<>();
        for (PatientRoster.PatientFact p : patients.patients()) {
            EnumSet<PatientFlag> flags = EnumSet.noneOf(PatientFlag.class);
            if (p.vip()) {
                flags.add(PatientFlag.VIP);
            }
            if (p.publicFigure()) {
                flags.add(PatientFlag.PUBLIC_FIGURE);
            }
            if (p.psychiatric()) {
                flags.add(PatientFlag.PSYCHIATRIC);
            }
            if (p.infectious()) {
                flags.add(PatientFlag.INFECTIOUS);
            }
            PatientProfile profile = new PatientProfile(p.id(), p.mrn(), p.name(), surname(p.name()), p.phone(),
                    p.address(), p.staffAccountId(), flags, p.deceasedOn());
            b.patient(profile);
            patientList.add(profile);
            mrns.put(p.id(), p.mrn());
            if (p.staffAccountId() != null) {
                ownAccount.putIfAbsent(p.staffAccountId(), p.id());
            }
        }
        Map<Long, String> staffNos = new HashMap<>();
        for (MonitoringFacts.StaffFact s : iam.staff()) {
            StaffProfile profile = new StaffProfile(s.id(), s.staffNo(), s.fullName(), surname(s.fullName()),
                    s.phone(), s.postCode() == null ? "-" : s.postCode(), s.postName() == null ? "-" : s.postName(),
                    s.departmentId() == null ? 0 : s.departmentId(), s.departmentName() == null ? "-"
                            : s.departmentName(), s.status(), s.statusSince(), ownAccount.get(s.id()));
            b.staff(profile);
            staffList.add(profile);
            staffNos.put(s.id(), s.staffNo());
        }
        patients.encountersSince(since).forEach(e -> encounterList.add(new EncounterSpan(e.patientId(),
                e.departmentId(), e.start(), e.end())));
        encounterList.forEach(b::encounter);
        for (CareRelationship c : iam.patientCareSince(since)) {
            Long patient = patientId(c.patientId());
            if (patient != null) {
                b.care(new CareSpan(c.personId(), patient, c.from(), c.until()));
            }
        }
        for (MonitoringFacts.PatientGrant g : iam.patientGrantsSince(since)) {
            Long patient = patientId(g.patientId());
            if (patient != null) {
                Instant until = g.revokedAt() != null && g.revokedAt().isBefore(g.expiresAt()) ? g.revokedAt()
                        : g.expiresAt();
                b.grant(new GrantSpan(g.personId(), patient, g.issuedAt(), until));
            }
        }
        for (MonitoringFacts.PatientBreakGlass s : iam.patientBreakGlassSince(since)) {
            Long patient = patientId(s.patientId());
            if (patient != null) {
                b.breakGlass(new BreakGlassSpan(s.personId(), patient, s.openedAt(), s.expiresAt(), s.verdict()));
            }
        }
        contexts.since(since).forEach(b::careContext);
        return new Loaded(b.build(), staffNos, mrns, staffList, patientList, encounterList);
    }

    /** The family name: a compound surname when the name starts with one, else the first character. */
    String surname(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.strip();
        for (String c : compound) {
            if (n.startsWith(c) && n.length() > c.length()) {
                return c;
            }
        }
        return n.substring(0, n.offsetByCodePoints(0, 1));
    }

    private static Long patientId(String id) {
        try {
            return Long.valueOf(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<String> compoundSurnames() {
        Properties p = new Properties();
        try (InputStream in = ContextLoader.class.getResourceAsStream("/monitor/surnames.properties")) {
            if (in == null) {
                throw new IllegalStateException("monitor/surnames.properties missing");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of(p.getProperty("compound").split(","));
    }
}
