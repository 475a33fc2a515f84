package org.baomi.privacy.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.baomi.iam.CareRelationships;
import org.baomi.iam.ProtectedObject;
import org.baomi.iam.ProtectedObjects;
import org.baomi.privacy.internal.billing.FeeListRegistration;
import org.baomi.iam.ResourceRef;
import org.baomi.privacy.ImportReport.Outcome;
import org.baomi.privacy.internal.PatientStore.EncounterRef;
import org.baomi.privacy.internal.PatientStore.Membership;
import org.baomi.privacy.internal.Rows.CareTeamRow;
import org.baomi.privacy.internal.Rows.ChargeRow;
import org.baomi.privacy.internal.Rows.EncounterRow;
import org.baomi.privacy.internal.Rows.MemberRow;
import org.baomi.privacy.internal.Rows.PatientRow;
import org.baomi.shared.SecretLevel;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes validated rows in the caller's transaction: patients, encounters with diagnoses, care teams (as care
 * relationships of the decision point, ACC-4) and charges, then registers every touched patient with the decision
 * point (PAT-1). Used by the import and by the demo hospital.
 */
@Component
class ImportWriter {

    private final PatientStore store;
    private final ProtectedObjects objects;
    private final CareRelationships care;
    private final Clock clock;
    private final FeeListRegistration feeLists;

    ImportWriter(PatientStore store, ProtectedObjects objects, CareRelationships care, Clock clock,
            FeeListRegistration feeLists) {
        this.store = store;
        this.objects = objects;
        this.care = care;
        this.clock = clock;
        this.feeLists = feeLists;
    }

    /** Per row its outcome, and the ids of the patients touched (anything of theirs created or changed). */
    record Written(Map<Record, Outcome> outcomes, TreeSet<Long> patientsTouched) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Written write(String source, List<Record> rows) {
        Instant now = clock.instant();
        Map<Record, Outcome> outcomes = new IdentityHashMap<>();
        TreeSet<Long> touched = new TreeSet<>();
        List<PatientRow> patients = new ArrayList<>();
        List<EncounterRow> encounters = new ArrayList<>();
        List<CareTeamRow> teams = new ArrayList<>();
        List<ChargeRow> charges = new ArrayList<>();
        for (Record row : rows) {
            if (row instanceof PatientRow p) {
                patients.add(p);
            } else if (row instanceof EncounterRow e) {
                encounters.add(e);
            } else if (row instanceof CareTeamRow c) {
                teams.add(c);
            } else if (row instanceof ChargeRow c) {
                charges.add(c);
            } else {
                throw new IllegalArgumentException("row");
            }
        }
        Map<String, Long> patientIds = new HashMap<>();
        if (!patients.isEmpty()) {
            PatientStore.Upserted done = store.upsertPatients(source, patients, now);
            patientIds.putAll(done.ids());
            for (PatientRow p : patients) {
                Outcome o = done.outcomes().getOrDefault(p.sourceId(), Outcome.UNCHANGED);
                outcomes.put(p, o);
                if (o != Outcome.UNCHANGED) {
                    touched.add(done.ids().get(p.sourceId()));
                }
            }
        }
        if (!encounters.isEmpty()) {
            List<String> missing = encounters.stream().map(EncounterRow::patientSourceId)
                    .filter(id -> !patientIds.containsKey(id)).distinct().toList();
            patientIds.putAll(store.patientIds(source, missing));
            PatientStore.Upserted done = store.upsertEncounters(source, encounters, patientIds, now);
            for (EncounterRow e : encounters) {
                Outcome o = done.outcomes().getOrDefault(e.sourceId(), Outcome.UNCHANGED);
                outcomes.put(e, o);
                if (o != Outcome.UNCHANGED) {
                    touched.add(patientIds.get(e.patientSourceId()));
                }
            }
        }
        Map<String, EncounterRef> encounterRefs = new HashMap<>();
        if (!teams.isEmpty() || !charges.isEmpty()) {
            List<String> needed = new ArrayList<>();
            teams.forEach(t -> needed.add(t.encounterSourceId()));
            charges.forEach(c -> needed.add(c.encounterSourceId()));
            encounterRefs.putAll(store.existingEncounters(source, new TreeSet<>(needed)));
        }
        if (!teams.isEmpty()) {
            writeTeams(source, teams, encounterRefs, outcomes, touched, now);
        }
        if (!charges.isEmpty()) {
            PatientStore.Upserted done = store.upsertCharges(source, charges, encounterRefs, now);
            for (ChargeRow c : charges) {
                Outcome o = done.outcomes().getOrDefault(c.sourceId(), Outcome.UNCHANGED);
                outcomes.put(c, o);
                if (o != Outcome.UNCHANGED) {
                    touched.add(done.ids().get(c.sourceId()));
                }
            }
        }
        register(touched);
        return new Written(outcomes, touched);
    }

    /**
     * ACC-4: a new member gets a care relationship; a member the source ends (or drops, or whose team turns inactive)
     * has theirs ended. A membership already ended stays as it was (the decision point never reopens the past).
     */
    private void writeTeams(String source, List<CareTeamRow> teams, Map<String, EncounterRef> encounters,
            Map<Record, Outcome> outcomes, TreeSet<Long> touched, Instant now) {
        Map<String, List<Membership>> current = store.members(source,
                teams.stream().map(CareTeamRow::sourceId).toList());
        List<CareRelationships.Assignment> additions = new ArrayList<>();
        List<Membership> newMembers = new ArrayList<>();
        Map<Long, Instant> endings = new HashMap<>();
        for (CareTeamRow team : teams) {
            EncounterRef encounter = encounters.get(team.encounterSourceId());
            String patientId = Long.toString(encounter.patientId());
            List<Membership> existing = current.getOrDefault(team.sourceId(), List.of());
            boolean changed = false;
            for (MemberRow m : team.members()) {
                Membership open = existing.stream().filter(x -> x.personId() == m.personId()).reduce((a, b) -> b)
                        .orElse(null);
                Instant until = team.active() ? m.until() : (m.until() == null ? now : m.until());
                if (open == null || (open.until() != null && open.until().isBefore(now) && until == null)) {
                    Instant from = m.from() == null ? encounter.start() : m.from();
                    Instant end = until == null ? null : until.isBefore(from) ? from : until;
                    additions.add(new CareRelationships.Assignment(m.personId(), patientId, from, end));
                    newMembers.add(new Membership(0, team.sourceId(), encounter.id(), m.personId(), m.role(), from,
                            end, 0));
                    changed = true;
                } else if (open.until() == null && until != null) {
                    endings.put(open.id(), until);
                    changed = true;
                }
            }
            for (Membership old : existing) {
                boolean kept = team.members().stream().anyMatch(m -> m.personId() == old.personId());
                if (!kept && old.until() == null) {
                    endings.put(old.id(), now);
                    changed = true;
                }
            }
            outcomes.put(team, existing.isEmpty() ? Outcome.CREATED : changed ? Outcome.UPDATED : Outcome.UNCHANGED);
            if (changed) {
                touched.add(encounter.patientId());
            }
        }
        List<Long> relationships = care.addAll(additions);
        List<Membership> inserted = new ArrayList<>(newMembers.size());
        for (int i = 0; i < newMembers.size(); i++) {
            Membership m = newMembers.get(i);
            inserted.add(new Membership(0, m.careTeamId(), m.encounterId(), m.personId(), m.role(), m.from(),
                    m.until(), relationships.get(i)));
        }
        store.insertMembers(source, inserted, now);
        if (!endings.isEmpty()) {
            Map<Instant, List<Long>> byTime = new HashMap<>();
            Map<Long, Long> relationshipOf = new HashMap<>();
            current.values().forEach(list -> list.forEach(m -> relationshipOf.put(m.id(), m.relationshipId())));
            endings.forEach((member, at) -> byTime.computeIfAbsent(at, k -> new ArrayList<>()).add(member));
            byTime.forEach((at, members) -> {
                List<Long> rels = members.stream().map(relationshipOf::get).filter(Objects::nonNull).toList();
                store.endMembers(members, at);
                care.endAll(rels, latestStart(current, members, at));
            });
        }
    }

    private static Instant latestStart(Map<String, List<Membership>> current, List<Long> members, Instant at) {
        Instant latest = at;
        for (List<Membership> list : current.values()) {
            for (Membership m : list) {
                if (members.contains(m.id()) && m.from().isAfter(latest)) {
                    latest = m.from();
                }
            }
        }
        return latest;
    }

    /**
     * PAT-1: every patient is a protected object; flagged patients (VIP, staff, public figures, psychiatric care)
     * one level up, so that only people cleared for it ever see them.
     */
    private void register(TreeSet<Long> patients) {
        if (patients.isEmpty()) {
            return;
        }
        List<ProtectedObject> list = new ArrayList<>();
        for (PatientStore.Registration r : store.registrations(patients)) {
            list.add(new ProtectedObject(ResourceRef.patient(Long.toString(r.patientId())),
                    r.sensitive() ? SecretLevel.SECRET : SecretLevel.INTERNAL, r.departmentId(), null));
        }
        objects.registerAll(list);
        // PAT-3: the fee list beside the patient, same id and level (its own batch: one type per batch)
        objects.registerAll(feeLists.feeListsOf(list));
    }
}
