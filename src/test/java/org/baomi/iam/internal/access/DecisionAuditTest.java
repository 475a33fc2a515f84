package org.baomi.iam.internal.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessDecision;
import org.baomi.iam.AccessRequest;
import org.baomi.iam.ResourceRef;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The audit records of checked decisions (AUD-1, ACC-1; issue 3 item 5): a batch is one record that lists every
 * decision in order, and no decision is answered when its audit record could not be written.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DecisionAuditTest {

    private final AccessFixture fixture = AccessFixture.load("hospital");
    private final Clock clock = Clock.fixed(fixture.now, ZoneOffset.UTC);
    private final AccessChangeFeed feed = new AccessChangeFeed(null, null, clock, Duration.ofMillis(250)) {
        @Override
        public AccessModel model() {
            return fixture.model;
        }
    };

    @Test
    void a_batch_is_one_record_that_lists_every_decision_in_order_with_person_action_object_outcome_and_reason_AUD_1() {
        Recording audit = new Recording();
        DefaultAccessPolicy policy = new DefaultAccessPolicy(feed, audit, clock);
        List<AccessRequest> batch = List.of(
                AccessRequest.read(2, ResourceRef.document("D-SEC-10")),
                AccessRequest.read(3, ResourceRef.document("D-HS-20")),
                new AccessRequest(1, AccessAction.READ, ResourceRef.patient("P-1")),
                AccessRequest.read(13, ResourceRef.document("D-PUB-10")));

        List<AccessDecision> decisions = policy.checkAll(batch);

        assertThat(audit.entries).hasSize(1);
        AuditEntry entry = audit.entries.get(0);
        assertThat(entry.action()).isEqualTo("access.decisions");
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.DENIED);
        assertThat(entry.details().get("count")).isEqualTo(4);
        assertThat(entry.details().get("allowed")).isEqualTo((int) decisions.stream().filter(AccessDecision::allowed).count());
        List<?> lines = (List<?>) entry.details().get("decisions");
        assertThat(lines).hasSize(4);
        for (int i = 0; i < batch.size(); i++) {
            AccessRequest request = batch.get(i);
            AccessDecision decision = decisions.get(i);
            assertThat(lines.get(i)).asString().startsWith(request.personId() + " READ " + request.resource() + " "
                    + (decision.allowed() ? "ALLOW " : "DENY ") + decision.reasonKey());
        }
        assertThat(lines.get(0)).asString().contains(" ALLOW ");
        assertThat(lines.get(1)).asString().contains(" DENY access.denied.clearance");
        assertThat(entry.patientId()).as("the batch concerns one patient, so patient-centred search finds it")
                .isEqualTo("P-1");
    }

    @Test
    void a_batch_about_several_patients_names_none_of_them_on_the_record() {
        Recording audit = new Recording();
        new DefaultAccessPolicy(feed, audit, clock).checkAll(List.of(
                new AccessRequest(1, AccessAction.READ, ResourceRef.patient("P-1")),
                new AccessRequest(1, AccessAction.READ, ResourceRef.patient("P-2"))));

        assertThat(audit.entries.get(0).patientId()).isNull();
        assertThat((List<?>) audit.entries.get(0).details().get("decisions")).hasSize(2);
    }

    @Test
    void when_the_batch_record_cannot_be_written_the_batch_fails_and_nothing_is_answered_AUD_1() {
        DefaultAccessPolicy policy = new DefaultAccessPolicy(feed, new Failing(), clock);

        assertThatThrownBy(() -> policy.checkAll(List.of(AccessRequest.read(2, ResourceRef.document("D-SEC-10")))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("audit down");
    }

    @Test
    void when_a_single_decision_record_cannot_be_written_the_decision_fails_AUD_1() {
        DefaultAccessPolicy policy = new DefaultAccessPolicy(feed, new Failing(), clock);

        assertThatThrownBy(() -> policy.check(AccessRequest.read(2, ResourceRef.document("D-SEC-10"))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> policy.check(AccessRequest.read(3, ResourceRef.document("D-HS-20"))))
                .isInstanceOf(IllegalStateException.class);
    }

    /** Keeps what would have been written (no transaction here, so everything goes the independent way). */
    private static final class Recording implements AuditTrail {

        final List<AuditEntry> entries = new ArrayList<>();

        @Override
        public long record(AuditEntry entry) {
            throw new AssertionError("no transaction is active: decisions are recorded independently");
        }

        @Override
        public long recordIndependently(AuditEntry entry) {
            entries.add(entry);
            return entries.size();
        }
    }

    private static final class Failing implements AuditTrail {

        @Override
        public long record(AuditEntry entry) {
            throw new IllegalStateException("audit down");
        }

        @Override
        public long recordIndependently(AuditEntry entry) {
            throw new IllegalStateException("audit down");
        }
    }
}
