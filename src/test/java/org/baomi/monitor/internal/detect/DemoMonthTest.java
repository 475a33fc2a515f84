package org.baomi.monitor.internal.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.baomi.monitor.Detector;
import org.junit.jupiter.api.Test;

/**
 * The demo's month of accesses on an existing hospital (issue 7 item 6; PAT-4): generated from staff, patients and
 * encounters as read (here those of a small synthetic hospital), it is ordinary work the engine clears plus snooping
 * that raises alerts of every detector kind.
 */
class DemoMonthTest {

    @Test
    void theDemoMonthRaisesAlertsOfEveryDetectorKindAndIsDeterministicPat4() {
        SyntheticHospital.Hospital h = SyntheticHospital.generate(SyntheticHospital.Parameters.small(3));
        Population pop = h.population();
        List<DemoMonth.Access> accesses = DemoMonth.generate(pop.staff(), pop.patients(), pop.encounters,
                h.parameters().start(), 30, h.parameters().zone(), 11);
        assertThat(DemoMonth.generate(pop.staff(), pop.patients(), pop.encounters, h.parameters().start(), 30,
                h.parameters().zone(), 11)).isEqualTo(accesses);

        AccessEvents events = new AccessEvents(accesses.size());
        long id = 1;
        for (DemoMonth.Access a : accesses) {
            events.add(id++, a.personId(), a.patientId(), a.epochSecond(), a.action());
        }
        DetectionResult result = DetectionEngine.score(h.context(), events, DetectionSettings.defaults());

        assertThat(result.explained()).isGreaterThan(result.events() * 9 / 10);
        assertThat(result.perDetector()).allSatisfy((detector, count) ->
                assertThat(count).as("alerts of %s", detector).isPositive());
        assertThat(result.perDetector().get(Detector.NO_EXPLANATION)).isLessThan(60);
    }
}
