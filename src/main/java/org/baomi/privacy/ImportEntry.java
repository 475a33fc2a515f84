package org.baomi.privacy;

import java.util.List;

import org.baomi.iam.FieldProblem;

/**
 * One resource to import: a {@link PatientRecord}, {@link EncounterRecord}, {@link CareTeamRecord} or
 * {@link ChargeRecord}, or null when the reader of its format could not make one of it (then {@code problems}
 * say why).
 *
 * @param type     resource type as the source named it ("Patient", "Encounter", "CareTeam", "ChargeItem")
 * @param record   the record, or null
 * @param problems problems the reader of the format already found (structure, wrong type, malformed values)
 */
public record ImportEntry(String type, Object record, List<FieldProblem> problems) {

    public static final String PATIENT = "Patient";
    public static final String ENCOUNTER = "Encounter";
    public static final String CARE_TEAM = "CareTeam";
    public static final String CHARGE = "ChargeItem";

    public ImportEntry {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public static ImportEntry of(Object record) {
        String type;
        if (record instanceof PatientRecord) {
            type = PATIENT;
        } else if (record instanceof EncounterRecord) {
            type = ENCOUNTER;
        } else if (record instanceof CareTeamRecord) {
            type = CARE_TEAM;
        } else if (record instanceof ChargeRecord) {
            type = CHARGE;
        } else {
            throw new IllegalArgumentException("record");
        }
        return new ImportEntry(type, record, List.of());
    }
}
