package org.baomi.privacy.internal.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.baomi.audit.ActorKind;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditRecord;
import org.baomi.privacy.DisclosureAction;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Which audit entries about a patient are disclosures (issue 6 item 4, ACC-5): the rules of {@link Disclosures}. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DisclosureRulesTest {

    private static AuditRecord entry(String action, ActorKind kind, AuditOutcome outcome) {
        return new AuditRecord(1, Instant.EPOCH, kind == ActorKind.PERSON ? 7L : null, "someone", "dept", kind,
                "10.0.0.1", action, "patient", "42", null, outcome, null, "{}", "ref", "42");
    }

    private static Optional<DisclosureAction> classify(String action, ActorKind kind, AuditOutcome outcome) {
        return Disclosures.classify(entry(action, kind, outcome));
    }

    @Test
    void a_staff_view_print_or_export_of_the_record_is_a_disclosure() {
        assertThat(classify("privacy.patient.viewed", ActorKind.PERSON, AuditOutcome.ALLOWED))
                .contains(DisclosureAction.VIEWED);
        assertThat(classify("privacy.patient.printed", ActorKind.PERSON, AuditOutcome.ALLOWED))
                .contains(DisclosureAction.PRINTED);
        assertThat(classify("privacy.patient.exported", ActorKind.PERSON, AuditOutcome.ALLOWED))
                .contains(DisclosureAction.EXPORTED);
        assertThat(classify("privacy.research.downloaded", ActorKind.API_CLIENT, AuditOutcome.ALLOWED))
                .contains(DisclosureAction.EXPORTED);
    }

    @Test
    void refusals_the_patients_own_activity_the_desk_and_other_records_are_not() {
        assertThat(classify("privacy.patient.viewed", ActorKind.PERSON, AuditOutcome.DENIED)).isEmpty();
        assertThat(classify("privacy.patient.viewed", ActorKind.PERSON, AuditOutcome.FAILED)).isEmpty();
        assertThat(classify("privacy.self.fee-list.viewed", ActorKind.PATIENT, AuditOutcome.ALLOWED)).isEmpty();
        assertThat(classify("privacy.self.fee-list.printed", ActorKind.PATIENT, AuditOutcome.ALLOWED)).isEmpty();
        assertThat(classify("privacy.self.code.issued", ActorKind.PERSON, AuditOutcome.ALLOWED)).isEmpty();
        assertThat(classify("privacy.self.desk.searched", ActorKind.PERSON, AuditOutcome.ALLOWED)).isEmpty();
        assertThat(classify("privacy.import.completed", ActorKind.API_CLIENT, AuditOutcome.ALLOWED)).isEmpty();
        assertThat(classify("print.trace.issued", ActorKind.PERSON, AuditOutcome.ALLOWED)).isEmpty();
        assertThat(classify("privacy.patient.viewed", ActorKind.SYSTEM, AuditOutcome.ALLOWED)).isEmpty();
    }
}
