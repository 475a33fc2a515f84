package org.baomi.benchmark.access;

import java.util.SplittableRandom;

import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessRequest;
import org.baomi.iam.ResourceRef;

/**
 * A seeded, realistic mix of access questions over a {@link Hospital}, as the EMR, the HIS and Baomi's own screens
 * would ask them: mostly clinicians opening their patients and staff opening their documents (usually allowed), and a
 * good share that must be denied. Shares of the mix:
 *
 * <ul>
 * <li>45% a care-team member asks about the patient of an encounter (READ 80%, CHANGE 15%, EXPORT 5%); two thirds of
 * these pick one of the most recent encounters, so both "within the care window" and "long after" occur (ACC-4);</li>
 * <li>10% a random medical person asks about a random patient (need-to-know denials; clearance denials);</li>
 * <li>3% a non-medical person asks about a patient (ACC-4: medical posts only);</li>
 * <li>20% documents: the custodian, someone on the distribution list, or a colleague of the owning department
 * (READ 80%, CHANGE 15%, EXPORT 5%; CLS-1 clearance, DOC-5, department scope);</li>
 * <li>8% a random person and a random document;</li>
 * <li>10% the holder of a grant asks for the granted action on the granted object (about half expired, 5% revoked:
 * ACC-4, ACC-6);</li>
 * <li>1% a break-the-glass session's owner reads the patient;</li>
 * <li>1.5% an administrator (三员, ORG-5) asks about a patient or document;</li>
 * <li>1.5% edge cases: an unknown person, an unregistered object, an object type without policy.</li>
 * </ul>
 * The mix is a fixed array of requests, built once, so that the benchmark loops measure deciding, not generating.
 */
final class RequestMix {

    private RequestMix() {
    }

    static AccessRequest[] build(Hospital h, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        // "recent" encounters: the last tenth by start time approximated by the latest starts seen in a sample
        int[] recent = recentEncounters(h, random);
        int[] admins = admins(h);
        int[] nonMedical = nonMedical(h);
        AccessRequest[] requests = new AccessRequest[count];
        for (int i = 0; i < count; i++) {
            int p = random.nextInt(1000);
            if (p < 450) {
                int c = random.nextInt(3) < 2 ? recent[random.nextInt(recent.length)] : random.nextInt(h.care);
                requests[i] = new AccessRequest(h.carePerson[c], clinicalAction(random), Hospital.patient(h.carePatient[c]));
            } else if (p < 550) {
                requests[i] = new AccessRequest(medicalPerson(h, random), clinicalAction(random),
                        Hospital.patient(random.nextInt(h.patients)));
            } else if (p < 580) {
                requests[i] = new AccessRequest(h.personId(nonMedical[random.nextInt(nonMedical.length)]),
                        AccessAction.READ, Hospital.patient(random.nextInt(h.patients)));
            } else if (p < 780) {
                requests[i] = documentRequest(h, random);
            } else if (p < 860) {
                requests[i] = new AccessRequest(h.personId(random.nextInt(h.staff)), clinicalAction(random),
                        Hospital.document(random.nextInt(h.documents)));
            } else if (p < 960) {
                int g = random.nextInt(h.grants);
                ResourceRef ref = h.grantOnPatient[g] ? Hospital.patient(h.grantObject[g]) : Hospital.document(h.grantObject[g]);
                requests[i] = new AccessRequest(h.grantPerson[g], Hospital.ACTIONS[h.grantAction[g]], ref);
            } else if (p < 970) {
                int s = random.nextInt(h.glass);
                requests[i] = new AccessRequest(h.glassPerson[s], AccessAction.READ, Hospital.patient(h.glassPatient[s]));
            } else if (p < 985) {
                ResourceRef ref = random.nextBoolean() ? Hospital.patient(random.nextInt(h.patients))
                        : Hospital.document(random.nextInt(h.documents));
                requests[i] = new AccessRequest(h.personId(admins[random.nextInt(admins.length)]), AccessAction.READ, ref);
            } else {
                requests[i] = edgeCase(h, random);
            }
        }
        return requests;
    }

    private static AccessAction clinicalAction(SplittableRandom random) {
        int a = random.nextInt(100);
        return a < 80 ? AccessAction.READ : a < 95 ? AccessAction.CHANGE : AccessAction.EXPORT;
    }

    private static AccessRequest documentRequest(Hospital h, SplittableRandom random) {
        int d = random.nextInt(h.documents);
        ResourceRef ref = Hospital.document(d);
        int how = random.nextInt(3);
        long person;
        if (how == 0 && h.documentCustodian[d] != Hospital.NONE) {
            person = h.documentCustodian[d];
        } else if (how == 1 && h.documentDistribution[d].length > 0) {
            long[] list = h.documentDistribution[d];
            person = list[random.nextInt(list.length)];
        } else {
            person = colleague(h, h.documentDepartment[d], random);
        }
        return new AccessRequest(person, clinicalAction(random), ref);
    }

    private static long colleague(Hospital h, int department, SplittableRandom random) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int i = random.nextInt(h.staff);
            if (h.department[i] == department) {
                return h.personId(i);
            }
        }
        return h.personId(random.nextInt(h.staff));
    }

    private static long medicalPerson(Hospital h, SplittableRandom random) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int i = random.nextInt(h.staff);
            if (h.medical[i]) {
                return h.personId(i);
            }
        }
        return h.personId(random.nextInt(h.staff));
    }

    private static AccessRequest edgeCase(Hospital h, SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> new AccessRequest(h.personIdBase + h.staff + 1 + random.nextInt(1000), AccessAction.READ,
                    Hospital.document(random.nextInt(h.documents)));
            case 1 -> new AccessRequest(h.personId(random.nextInt(h.staff)), AccessAction.READ,
                    Hospital.patient(h.patients + random.nextInt(1000)));
            default -> new AccessRequest(h.personId(random.nextInt(h.staff)), AccessAction.READ,
                    new ResourceRef("lab-sample", "S" + random.nextInt(1000)));
        };
    }

    private static int[] recentEncounters(Hospital h, SplittableRandom random) {
        // encounters that started in the last 30 days: what clinicians are busy with
        int[] recent = new int[Math.max(1, h.care / 5)];
        int n = 0;
        for (int c = 0; c < h.care && n < recent.length; c++) {
            if (h.careFrom[c] >= h.now - 30 * HospitalGenerator.DAY) {
                recent[n++] = c;
            }
        }
        if (n == 0) {
            recent[n++] = random.nextInt(h.care);
        }
        return java.util.Arrays.copyOf(recent, n);
    }

    private static int[] admins(Hospital h) {
        return java.util.stream.IntStream.range(0, h.staff).filter(i -> h.adminKind[i] >= 0).toArray();
    }

    private static int[] nonMedical(Hospital h) {
        return java.util.stream.IntStream.range(0, h.staff).filter(i -> !h.medical[i] && h.adminKind[i] < 0).toArray();
    }
}
