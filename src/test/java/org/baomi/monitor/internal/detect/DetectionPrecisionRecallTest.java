package org.baomi.monitor.internal.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.baomi.monitor.Detector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 7 "must show": precision and recall of every detector on the labelled synthetic hospital (PAT-4, ACC-1),
 * printed, with floors that fail the build when a detector regresses. An alert is a true positive when an injected
 * snooping carries exactly its key (detector, person, patient, day); the unlabelled documentation gaps of the
 * generator are the honest false positives.
 */
class DetectionPrecisionRecallTest {

    /**
     * Floors per detector: {recall, precision}. Measured on seeds 7 and 42: recall 1.000 everywhere, precision 1.000
     * except NO_EXPLANATION 0.909 (its false positives are the generator's documentation gaps, by design). The
     * floors sit a little below, so that a detector that loses a few of its findings fails the build. The
     * synthetic snooping is cleanly separable by construction; these figures say the detectors do what they
     * claim, not how they will do on a real hospital's logs.
     */
    private static final Map<Detector, double[]> FLOORS = new EnumMap<>(Map.of(
            Detector.NO_EXPLANATION, new double[] {0.95, 0.85},
            Detector.FAMILY, new double[] {0.95, 0.95},
            Detector.COWORKER, new double[] {0.95, 0.95},
            Detector.VIP_SENSITIVE, new double[] {0.95, 0.95},
            Detector.SELF_LOOKUP, new double[] {0.95, 0.95},
            Detector.INACTIVE_ACCOUNT, new double[] {0.95, 0.95},
            Detector.AFTER_HOURS, new double[] {0.95, 0.95},
            Detector.VOLUME_SPIKE, new double[] {0.95, 0.95},
            Detector.DECEASED, new double[] {0.95, 0.95}));
    private static final double OVERALL_RECALL = 0.95;
    private static final double OVERALL_PRECISION = 0.90;

    private static Scores scores;

    @BeforeAll
    static void score() {
        scores = new Scores();
        for (long seed : new long[] {7, 42}) {
            SyntheticHospital.Hospital h = SyntheticHospital.generate(SyntheticHospital.Parameters.small(seed));
            DetectionResult result = DetectionEngine.score(h.context(), h.events(), DetectionSettings.defaults());
            scores.add(h.labels(), result);
        }
        scores.print();
    }

    @Test
    void everyDetectorFindsItsInjectedSnoopingAboveItsFloorPat4Acc1() {
        for (Detector d : Detector.values()) {
            assertThat(scores.labelled(d)).as("labelled %s", d).isGreaterThanOrEqualTo(40);
            assertThat(scores.recall(d)).as("recall of %s", d).isGreaterThanOrEqualTo(FLOORS.get(d)[0]);
        }
    }

    @Test
    void everyDetectorKeepsItsPrecisionAboveItsFloorPat4() {
        for (Detector d : Detector.values()) {
            assertThat(scores.precision(d)).as("precision of %s", d).isGreaterThanOrEqualTo(FLOORS.get(d)[1]);
        }
    }

    @Test
    void overallRecallAndPrecisionMeetTheIssueAimsPat4() {
        assertThat(scores.recall(null)).as("overall recall").isGreaterThanOrEqualTo(OVERALL_RECALL);
        assertThat(scores.precision(null)).as("overall precision").isGreaterThanOrEqualTo(OVERALL_PRECISION);
    }

    /** True/false positives and false negatives, per detector (null: overall). */
    static final class Scores {
        private final Map<Detector, int[]> counts = new EnumMap<>(Detector.class);

        void add(Map<String, Detector> labels, DetectionResult result) {
            Set<String> found = new HashSet<>();
            for (DetectionAlert a : result.alerts()) {
                found.add(a.alertKey());
                int[] c = counts.computeIfAbsent(a.detector(), k -> new int[3]);
                if (labels.get(a.alertKey()) == a.detector()) {
                    c[0]++;
                } else {
                    c[1]++;
                }
            }
            labels.forEach((key, d) -> {
                if (!found.contains(key)) {
                    counts.computeIfAbsent(d, k -> new int[3])[2]++;
                }
            });
        }

        int[] of(Detector d) {
            if (d != null) {
                return counts.getOrDefault(d, new int[3]);
            }
            int[] all = new int[3];
            counts.values().forEach(c -> {
                all[0] += c[0];
                all[1] += c[1];
                all[2] += c[2];
            });
            return all;
        }

        int labelled(Detector d) {
            int[] c = of(d);
            return c[0] + c[2];
        }

        double recall(Detector d) {
            int[] c = of(d);
            return c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
        }

        double precision(Detector d) {
            int[] c = of(d);
            return c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
        }

        void print() {
            StringBuilder out = new StringBuilder("Detector precision/recall on the synthetic hospital (seeds 7, 42)\n");
            out.append(String.format("%-17s %5s %5s %5s %9s %9s%n", "detector", "TP", "FP", "FN", "precision",
                    "recall"));
            for (Detector d : Detector.values()) {
                line(out, d.name(), d);
            }
            line(out, "OVERALL", null);
            System.out.print(out);
        }

        private void line(StringBuilder out, String name, Detector d) {
            int[] c = of(d);
            out.append(String.format("%-17s %5d %5d %5d %9.3f %9.3f%n", name, c[0], c[1], c[2], precision(d),
                    recall(d)));
        }
    }
}
