package org.baomi.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.baomi.test.BaomiSpringTest;
import org.baomi.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link AuditQueries#ofPatient}: the entries naming one patient, by period and actor kind, newest first (AUD-1). */
@BaomiSpringTest
class AuditPatientQueryTest {

    @Autowired
    AuditTrail trail;
    @Autowired
    AuditQueries queries;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MutableClock clock;
    @Autowired
    Clock appClock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long write(String patient, ActorKind kind, String action) {
        AuditActor actor = new AuditActor(kind == ActorKind.PERSON ? 1L : null, "t", "d", kind, "10.9.9.9", "ref");
        return transactions.execute(tx -> trail.record(new AuditEntry(actor, action, "patient", patient, null,
                AuditOutcome.ALLOWED, null, Map.of()).withPatient(patient)));
    }

    @Test
    void entriesOfOnePatientByPeriodAndActorKindNewestFirst() {
        String patient = "T-" + UUID.randomUUID().toString().substring(0, 12);
        long early = write(patient, ActorKind.PERSON, "privacy.patient.viewed");
        clock.advance(Duration.ofHours(2));
        Instant middle = appClock.instant();
        long own = write(patient, ActorKind.PATIENT, "privacy.self.fee-list.viewed");
        long late = write(patient, ActorKind.API_CLIENT, "privacy.patient.exported");
        write("T-other-" + UUID.randomUUID().toString().substring(0, 8), ActorKind.PERSON, "privacy.patient.viewed");

        assertThat(queries.ofPatient(patient, null, null, Set.of(), 10)).extracting(AuditRecord::sequence)
                .containsExactly(late, own, early);
        assertThat(queries.ofPatient(patient, middle, null, Set.of(), 10)).extracting(AuditRecord::sequence)
                .containsExactly(late, own);
        assertThat(queries.ofPatient(patient, null, middle, Set.of(), 10)).extracting(AuditRecord::sequence)
                .containsExactly(early);
        assertThat(queries.ofPatient(patient, null, null, Set.of(ActorKind.PERSON, ActorKind.API_CLIENT), 10))
                .extracting(AuditRecord::sequence).containsExactly(late, early);
        assertThat(queries.ofPatient(patient, null, null, Set.of(), 1)).hasSize(1);
        assertThat(queries.ofPatient(patient, null, null, Set.of(), 10).get(1).actorKind())
                .isEqualTo(ActorKind.PATIENT);
        assertThatThrownBy(() -> queries.ofPatient(patient, null, null, Set.of(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
