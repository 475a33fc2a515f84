package org.baomi.monitor.internal.detect;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the explanations and detectors know besides the access events (issue 7 items 2 and 3): staff,
 * patients, encounters, care relationships, orders/appointments/referrals, grants and break-the-glass sessions,
 * indexed for one lookup per patient and one per person-and-patient pair. Immutable once built; the hospital's
 * time zone decides days and hours.
 */
public final class DetectionContext {

    private final ZoneId zone;
    private final Map<Long, StaffProfile> staff;
    private final Map<Long, PatientFacts> patients;
    private final Map<Pair, PairFacts> pairs;

    private DetectionContext(Builder b) {
        this.zone = b.zone;
        this.staff = Map.copyOf(b.staff);
        this.patients = b.patients;
        this.pairs = b.pairs;
    }

    public static Builder builder(ZoneId zone) {
        return new Builder(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public StaffProfile staff(long personId) {
        return staff.get(personId);
    }

    public Collection<StaffProfile> allStaff() {
        return staff.values();
    }

    /** The patient's facts, or null when the patient is unknown (their accesses can still be unexplained). */
    PatientFacts patient(long patientId) {
        return patients.get(patientId);
    }

    PairFacts pair(long personId, long patientId) {
        return pairs.get(new Pair(personId, patientId));
    }

    public PatientProfile patientProfile(long patientId) {
        PatientFacts facts = patients.get(patientId);
        return facts == null ? null : facts.profile;
    }

    record Pair(long personId, long patientId) {
    }

    /** A patient with encounters and care contexts. */
    static final class PatientFacts {
        final long patientId;
        PatientProfile profile;
        final List<EncounterSpan> encounters = new ArrayList<>(2);
        final List<CareContext> contexts = new ArrayList<>(1);

        PatientFacts(long patientId) {
            this.patientId = patientId;
        }
    }

    /** What links one person to one patient. */
    static final class PairFacts {
        final List<CareSpan> care = new ArrayList<>(1);
        final List<GrantSpan> grants = new ArrayList<>(0);
        final List<BreakGlassSpan> breakGlass = new ArrayList<>(0);
    }

    /** Collects the facts; {@link #build()} indexes them. */
    public static final class Builder {
        private final ZoneId zone;
        private final Map<Long, StaffProfile> staff = new HashMap<>();
        private final Map<Long, PatientFacts> patients = new HashMap<>();
        private final Map<Pair, PairFacts> pairs = new HashMap<>();

        private Builder(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone);
        }

        public Builder staff(StaffProfile s) {
            staff.put(s.id(), s);
            return this;
        }

        public Builder patient(PatientProfile p) {
            patientFacts(p.id()).profile = p;
            return this;
        }

        public Builder encounter(EncounterSpan e) {
            patientFacts(e.patientId()).encounters.add(e);
            return this;
        }

        public Builder careContext(CareContext c) {
            patientFacts(c.patientId()).contexts.add(c);
            return this;
        }

        public Builder care(CareSpan c) {
            pairFacts(c.personId(), c.patientId()).care.add(c);
            return this;
        }

        public Builder grant(GrantSpan g) {
            pairFacts(g.personId(), g.patientId()).grants.add(g);
            return this;
        }

        public Builder breakGlass(BreakGlassSpan s) {
            pairFacts(s.personId(), s.patientId()).breakGlass.add(s);
            return this;
        }

        private PatientFacts patientFacts(long patientId) {
            return patients.computeIfAbsent(patientId, PatientFacts::new);
        }

        private PairFacts pairFacts(long personId, long patientId) {
            return pairs.computeIfAbsent(new Pair(personId, patientId), k -> new PairFacts());
        }

        public DetectionContext build() {
            return new DetectionContext(this);
        }
    }
}
