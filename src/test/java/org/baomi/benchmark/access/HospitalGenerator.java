package org.baomi.benchmark.access;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessPolicyRule;
import org.baomi.iam.internal.access.SyntheticHospital;
import org.baomi.shared.SecretLevel;

/**
 * Generates a seeded synthetic {@link Hospital} of the size of issue 3's benchmark, times a scale factor: 10,000
 * staff, 1,000,000 patients, 1,000,000 care relationships, 100,000 documents, 200,000 grants, plus a few
 * administrators, obligation holds and break-the-glass sessions. The same seed and scale always give the same
 * hospital. How it is laid out (the figures are shares of the scaled counts):
 *
 * <ul>
 * <li><b>Departments</b>: the 38 departments of the demo hospital (the leadership and administrative offices, 18
 * clinical and 5 medical-technology departments).</li>
 * <li><b>Staff</b> by post: 1 president (绝密), 4 vice presidents (机密), a director per clinical/technology department
 * (秘密, medical) and a section chief per office (秘密), ~10 confidentiality specialists (秘密), ~10 archivists, 2 of
 * each 三员 administrator (ORG-5), then 36% doctors, 44% nurses, 8% pharmacists and technicians (medical) and the rest
 * clerks, finance, HR and IT staff. Clearances per post: most clinical staff 内部, 20% of doctors 秘密, 2-3% new
 * staff 公开; clerks mostly 内部. 2% of accounts are inactive; 1.5% are held by outstanding obligations (PPL-1/2).</li>
 * <li><b>Roles</b> ({@link #ROLES}): per post, permission strings of the policy; directors, the leadership and the
 * confidentiality office hold wildcard permissions ({@code privacy:patient:*}, {@code document:*:*}).</li>
 * <li><b>Patients</b>: 90% 内部, 8% 秘密 (psychiatry, infectious diseases, VIPs), 2% 机密; each belongs to a
 * clinical department.</li>
 * <li><b>Care relationships</b>: encounters of a patient with a medical member of the patient's department:
 * started within the last year; 60% outpatient (ends after 1-8 hours), 35% inpatient (1-20 days), 5% still open.
 * With the policy's 30-day care window most old encounters no longer give need-to-know (ACC-4).</li>
 * <li><b>Documents</b>: 20% 公开, 55% 内部, 18% 秘密, 6% 机密, 1% 绝密; owning department uniform; custodian a member
 * of that department (95%) or none; distribution list empty for half, else 1-10 people, mostly of the department,
 * some of the leadership (DOC-5).</li>
 * <li><b>Grants</b> (ACC-4, ACC-6): half on documents, half on patients; READ 80%, CHANGE 10%, EXPORT 10%; to a
 * random active non-administrator; expiry uniform in now ± 60 days (so about half have expired); 5% revoked.</li>
 * <li><b>Break-the-glass</b>: 100 sessions per 1,000,000 patients, opened in the last 40 minutes for 30 minutes.</li>
 * </ul>
 * The policy is {@link #defaultPolicy()}: the decision point's seeded defaults.
 */
final class HospitalGenerator {

    static final long DAY = 86_400_000L;
    static final long HOUR = 3_600_000L;

    /** Demo hospital department codes; the flag says whether patients are treated there. */
    private static final String[] DEPARTMENTS = {"PRES_OFFICE", "CONF_OFFICE", "ARCHIVES", "INFO", "MED_AFFAIRS",
            "NURSING", "HR", "FINANCE", "RESEARCH", "EQUIPMENT", "INSURANCE", "QUALITY", "PUBLICITY", "GENERAL_AFFAIRS",
            "SECURITY", "CARDIOLOGY", "RESPIRATORY", "GASTRO", "NEUROLOGY", "ENDOCRINE", "GEN_SURGERY", "ORTHOPAEDICS",
            "NEUROSURGERY", "OBGYN", "PAEDIATRICS", "EMERGENCY", "ICU", "OPHTHALMOLOGY", "ENT", "STOMATOLOGY",
            "DERMATOLOGY", "INFECTIOUS", "PSYCHIATRY", "LABORATORY", "RADIOLOGY", "ULTRASOUND", "PATHOLOGY", "PHARMACY"};
    private static final int FIRST_CLINICAL = 15;
    private static final int FIRST_MEDTECH = 33;

    /** Benchmark roles: name and permissions (ACC-2); one per person, chosen by post. */
    static final String[][] ROLES = {
            {"doctor", "privacy:patient:read", "privacy:patient:update", "document:document:read"},
            {"senior-doctor", "privacy:patient:read", "privacy:patient:update", "privacy:patient:export",
                    "document:document:read", "document:document:create"},
            {"nurse", "privacy:patient:read", "privacy:patient:update", "document:document:read"},
            {"medtech", "privacy:patient:read", "document:document:read"},
            {"department-head", "privacy:patient:*", "document:document:read", "document:document:update",
                    "document:document:export", "document:document:create"},
            {"section-chief", "document:document:read", "document:document:update", "document:document:export",
                    "document:document:create"},
            {"leadership", "document:*:*", "archive:archive:read"},
            {"confidentiality-office", "document:*:*", "privacy:access-log:read"},
            {"archivist", "document:document:read", "archive:archive:read", "archive:archive:manage"},
            {"clerk", "document:document:read", "document:document:update", "document:document:create"},
            {"administrator", "iam:account:manage", "iam:role:manage", "audit:entry:read"}};

    /** The decision point's default policy (the seed), as the benchmark's engines apply it. */
    static List<AccessPolicyRule> defaultPolicy() {
        return SyntheticHospital.defaultRules();
    }

    final long seed;
    final double scale;
    final long now;
    final long personIdBase;
    final List<AccessPolicyRule> policy = defaultPolicy();
    private final SplittableRandom random;

    String[] departmentCodes;
    boolean[] clinicalDepartment;
    int staff;
    String[] postOf;
    byte[] clearance;
    byte[] adminKind;
    boolean[] medical;
    boolean[] active;
    boolean[] held;
    int[] department;
    int[] role;
    String[] roleNames;
    List<Set<String>> rolePermissions;
    int documents;
    byte[] documentLevel;
    int[] documentDepartment;
    long[] documentCustodian;
    long[][] documentDistribution;
    int patients;
    byte[] patientLevel;
    int[] patientDepartment;
    int care;
    long[] carePerson;
    int[] carePatient;
    long[] careFrom;
    long[] careUntil;
    int grants;
    long[] grantPerson;
    byte[] grantAction;
    boolean[] grantOnPatient;
    int[] grantObject;
    long[] grantExpires;
    boolean[] grantRevoked;
    int glass;
    long[] glassPerson;
    int[] glassPatient;
    long[] glassOpened;
    long[] glassExpires;

    // per department: its staff, and its medical staff (indexes)
    private int[][] staffOf;
    private int[][] medicalOf;
    private int[] leadership;
    private int[] allMedical;

    private HospitalGenerator(long seed, double scale, long now, long personIdBase) {
        this.seed = seed;
        this.scale = scale;
        this.now = now;
        this.personIdBase = personIdBase;
        this.random = new SplittableRandom(seed);
    }

    /**
     * A hospital of the size times {@code scale} (at least a handful of each).
     *
     * @param personIdBase account id of the first person (1 in process; above the demo accounts' ids in a database)
     */
    static Hospital generate(long seed, double scale, long now, long personIdBase) {
        HospitalGenerator g = new HospitalGenerator(seed, scale, now, personIdBase);
        g.departments();
        g.staff(scaled(10_000, scale, 200));
        g.documents(scaled(100_000, scale, 100));
        g.patients(scaled(1_000_000, scale, 200));
        g.care(scaled(1_000_000, scale, 200));
        g.grants(scaled(200_000, scale, 100));
        g.glass(Math.max(5, g.patients / 10_000));
        return new Hospital(g);
    }

    static int scaled(int count, double scale, int least) {
        return (int) Math.max(least, Math.round(count * scale));
    }

    private void departments() {
        departmentCodes = DEPARTMENTS.clone();
        clinicalDepartment = new boolean[DEPARTMENTS.length + 1];
        for (int d = FIRST_CLINICAL; d < DEPARTMENTS.length; d++) {
            clinicalDepartment[d + 1] = true;
        }
        roleNames = new String[ROLES.length];
        rolePermissions = new ArrayList<>();
        for (int r = 0; r < ROLES.length; r++) {
            roleNames[r] = ROLES[r][0];
            Set<String> permissions = new LinkedHashSet<>();
            for (int k = 1; k < ROLES[r].length; k++) {
                permissions.add(ROLES[r][k]);
            }
            rolePermissions.add(Set.copyOf(permissions));
        }
    }

    private static int roleIndex(String name) {
        for (int r = 0; r < ROLES.length; r++) {
            if (ROLES[r][0].equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private void staff(int count) {
        staff = count;
        postOf = new String[count];
        clearance = new byte[count];
        adminKind = new byte[count];
        medical = new boolean[count];
        active = new boolean[count];
        held = new boolean[count];
        department = new int[count];
        role = new int[count];
        int departments = DEPARTMENTS.length;
        int next = 0;
        next = person(next, "PRESIDENT", 1, SecretLevel.TOP_SECRET, false, "leadership");
        for (int k = 0; k < 4; k++) {
            next = person(next, "VICE_PRESIDENT", 1, SecretLevel.HIGHLY_SECRET, false, "leadership");
        }
        for (int d = 1; d <= departments; d++) {
            boolean treats = d - 1 >= FIRST_CLINICAL;
            next = person(next, treats ? "DEPT_DIRECTOR" : "SECTION_CHIEF", d, SecretLevel.SECRET, treats,
                    treats ? "department-head" : "section-chief");
        }
        for (int k = 0; k < 10; k++) {
            next = person(next, "CONF_SPECIALIST", 2, SecretLevel.SECRET, false, "confidentiality-office");
            next = person(next, "ARCHIVIST", 3, k < 3 ? SecretLevel.SECRET : SecretLevel.INTERNAL, false, "archivist");
        }
        for (int kind = 0; kind < 3; kind++) {
            for (int k = 0; k < 2; k++) {
                adminKind[next] = (byte) kind;
                next = person(next, "ADMINISTRATOR", 4, SecretLevel.INTERNAL, false, "administrator");
            }
        }
        while (next < count) {
            int p = random.nextInt(100);
            if (p < 36) {
                boolean senior = random.nextInt(10) == 0;
                SecretLevel level = pick(new int[] {2, 78, 20}, SecretLevel.PUBLIC, SecretLevel.INTERNAL, SecretLevel.SECRET);
                next = person(next, senior ? "CHIEF_PHYSICIAN" : "ATTENDING_PHYSICIAN", clinical(), level, true,
                        senior ? "senior-doctor" : "doctor");
            } else if (p < 80) {
                SecretLevel level = pick(new int[] {3, 95, 2}, SecretLevel.PUBLIC, SecretLevel.INTERNAL, SecretLevel.SECRET);
                next = person(next, "NURSE", clinical(), level, true, "nurse");
            } else if (p < 88) {
                int d = FIRST_MEDTECH + 1 + random.nextInt(departments - FIRST_MEDTECH);
                next = person(next, d == departments ? "PHARMACIST" : "TECHNICIAN", d, SecretLevel.INTERNAL, true,
                        "medtech");
            } else {
                SecretLevel level = pick(new int[] {15, 80, 5}, SecretLevel.PUBLIC, SecretLevel.INTERNAL, SecretLevel.SECRET);
                next = person(next, "ADMIN_CLERK", 1 + random.nextInt(FIRST_CLINICAL), level, false, "clerk");
            }
        }
        for (int i = 0; i < count; i++) {
            adminKind[i] = postOf[i].equals("ADMINISTRATOR") ? adminKind[i] : -1;
            active[i] = i < 5 || random.nextInt(50) != 0;
            held[i] = i >= 5 && random.nextInt(200) < 3;
        }
        List<List<Integer>> all = new ArrayList<>();
        List<List<Integer>> med = new ArrayList<>();
        for (int d = 0; d <= departments; d++) {
            all.add(new ArrayList<>());
            med.add(new ArrayList<>());
        }
        for (int i = 0; i < count; i++) {
            if (adminKind[i] < 0) {
                all.get(department[i]).add(i);
                if (medical[i]) {
                    med.get(department[i]).add(i);
                }
            }
        }
        staffOf = new int[departments + 1][];
        medicalOf = new int[departments + 1][];
        for (int d = 0; d <= departments; d++) {
            staffOf[d] = all.get(d).stream().mapToInt(Integer::intValue).toArray();
            medicalOf[d] = med.get(d).stream().mapToInt(Integer::intValue).toArray();
        }
        leadership = new int[] {0, 1, 2, 3, 4};
        allMedical = java.util.stream.IntStream.range(0, count).filter(i -> medical[i]).toArray();
    }

    private int person(int index, String post, int departmentId, SecretLevel level, boolean isMedical, String roleName) {
        if (index >= staff) {
            return index;
        }
        postOf[index] = post;
        department[index] = departmentId;
        clearance[index] = (byte) level.ordinal();
        medical[index] = isMedical;
        role[index] = roleIndex(roleName);
        return index + 1;
    }

    private int clinical() {
        return FIRST_CLINICAL + 1 + random.nextInt(FIRST_MEDTECH - FIRST_CLINICAL);
    }

    private SecretLevel pick(int[] weights, SecretLevel... levels) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int k = 0; k < weights.length; k++) {
            r -= weights[k];
            if (r < 0) {
                return levels[k];
            }
        }
        return levels[levels.length - 1];
    }

    private void documents(int count) {
        documents = count;
        documentLevel = new byte[count];
        documentDepartment = new int[count];
        documentCustodian = new long[count];
        documentDistribution = new long[count][];
        int[] levelWeights = {20, 55, 18, 6, 1};
        for (int i = 0; i < count; i++) {
            documentLevel[i] = (byte) pick(levelWeights, Hospital.LEVELS).ordinal();
            int d = 1 + random.nextInt(DEPARTMENTS.length);
            documentDepartment[i] = d;
            int[] members = staffOf[d];
            documentCustodian[i] = members.length == 0 || random.nextInt(20) == 0 ? Hospital.NONE
                    : personIdBase + members[random.nextInt(members.length)];
            int readers = random.nextBoolean() ? 0 : 1 + random.nextInt(10);
            Set<Long> list = new LinkedHashSet<>();
            for (int k = 0; k < readers; k++) {
                int who = random.nextInt(5) == 0 || members.length == 0 ? leadership[random.nextInt(leadership.length)]
                        : members[random.nextInt(members.length)];
                list.add(personIdBase + Math.min(who, staff - 1));
            }
            documentDistribution[i] = list.stream().mapToLong(Long::longValue).sorted().toArray();
        }
    }

    private void patients(int count) {
        patients = count;
        patientLevel = new byte[count];
        patientDepartment = new int[count];
        int[] levelWeights = {0, 90, 8, 2, 0};
        for (int i = 0; i < count; i++) {
            patientLevel[i] = (byte) pick(levelWeights, Hospital.LEVELS).ordinal();
            patientDepartment[i] = clinical();
        }
    }

    private void care(int count) {
        care = count;
        carePerson = new long[count];
        carePatient = new int[count];
        careFrom = new long[count];
        careUntil = new long[count];
        for (int i = 0; i < count; i++) {
            int patient = random.nextInt(patients);
            int[] team = medicalOf[patientDepartment[patient]];
            // a tiny hospital may have a department without medical staff: then any medical person
            int who = team.length == 0 ? allMedical[random.nextInt(allMedical.length)] : team[random.nextInt(team.length)];
            carePatient[i] = patient;
            carePerson[i] = personIdBase + who;
            long from = now - (long) (random.nextDouble() * 365 * DAY);
            int kind = random.nextInt(100);
            careFrom[i] = from;
            careUntil[i] = kind < 60 ? from + (1 + random.nextInt(8)) * HOUR
                    : kind < 95 ? from + (1 + random.nextInt(20)) * DAY : Hospital.OPEN;
        }
    }

    private void grants(int count) {
        grants = count;
        grantPerson = new long[count];
        grantAction = new byte[count];
        grantOnPatient = new boolean[count];
        grantObject = new int[count];
        grantExpires = new long[count];
        grantRevoked = new boolean[count];
        AccessAction[] actions = {AccessAction.READ, AccessAction.CHANGE, AccessAction.EXPORT};
        for (int i = 0; i < count; i++) {
            int who;
            do {
                who = random.nextInt(staff);
            } while (adminKind[who] >= 0 || !active[who]);
            grantPerson[i] = personIdBase + who;
            grantOnPatient[i] = random.nextBoolean();
            grantObject[i] = random.nextInt(grantOnPatient[i] ? patients : documents);
            int a = random.nextInt(10);
            grantAction[i] = (byte) actions[a < 8 ? 0 : a == 8 ? 1 : 2].ordinal();
            grantExpires[i] = now + (long) ((random.nextDouble() * 120 - 60) * DAY);
            grantRevoked[i] = random.nextInt(20) == 0;
        }
    }

    private void glass(int count) {
        glass = count;
        glassPerson = new long[count];
        glassPatient = new int[count];
        glassOpened = new long[count];
        glassExpires = new long[count];
        for (int i = 0; i < count; i++) {
            int patient = random.nextInt(patients);
            // an emergency physician of another department, usually
            int[] team = medicalOf[FIRST_CLINICAL + 11];
            int who = team.length == 0 ? allMedical[random.nextInt(allMedical.length)] : team[random.nextInt(team.length)];
            glassPerson[i] = personIdBase + who;
            glassPatient[i] = patient;
            glassOpened[i] = now - random.nextInt(40) * 60_000L;
            glassExpires[i] = glassOpened[i] + 30 * 60_000L;
        }
    }
}
