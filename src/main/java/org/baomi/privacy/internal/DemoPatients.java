package org.baomi.privacy.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import org.baomi.iam.DepartmentLookup;
import org.baomi.iam.StaffLookup;
import org.baomi.iam.StaffPrincipal;
import org.baomi.privacy.EncounterRecord.DiagnosisRecord;
import org.baomi.privacy.internal.Rows.CareTeamRow;
import org.baomi.privacy.internal.Rows.ChargeRow;
import org.baomi.privacy.internal.Rows.EncounterRow;
import org.baomi.privacy.internal.Rows.MemberRow;
import org.baomi.privacy.internal.Rows.PatientRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Demo mode only (issue 6 item 1): the demo hospital's patients — by default 20,000, with outpatient, inpatient
 * and emergency encounters in its clinical departments over the last two years, ICD-10 diagnoses, care teams of the
 * department's doctors and nurses (care relationships, ACC-4) and fee lists — generated from a fixed seed (the
 * same data for the same day), plus a few flagged patients for later issues: VIP, staff-as-patient, public figure,
 * psychiatric, infectious disease, deceased. Loaded once per database, in one transaction, with COPY through
 * {@link DemoBulkWriter} (source system {@value #SOURCE}; the same rows the import's writer would write, see
 * {@code DemoLoadPathsTest}); the time taken is logged.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 20)
@Conditional(DemoPatients.DemoMode.class)
class DemoPatients implements ApplicationRunner {

    static final String SOURCE = "DEMO-HIS";
    private static final Logger log = LoggerFactory.getLogger(DemoPatients.class);
    private static final List<String> DOCTOR_POSTS = List.of("DEPT_DIRECTOR", "CHIEF_PHYSICIAN",
            "ASSOC_CHIEF_PHYSICIAN", "ATTENDING_PHYSICIAN", "RESIDENT_PHYSICIAN");
    private static final List<String> NURSE_POSTS = List.of("HEAD_NURSE", "SUPERVISOR_NURSE", "NURSE_PRACTITIONER",
            "NURSE");
    private static final String[] REGIONS = {"110101", "110102", "110105", "110108", "110106", "110107", "110112",
        "110114", "130603", "131003", "120101"};

    private final DemoBulkWriter bulk;
    private final StaffLookup staff;
    private final DepartmentLookup departments;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int count;

    DemoPatients(DemoBulkWriter bulk, StaffLookup staff, DepartmentLookup departments, JdbcClient jdbc,
            PlatformTransactionManager transactions, Clock clock,
            @Value("${baomi.privacy.demo-patients:20000}") int count) {
        this.bulk = bulk;
        this.staff = staff;
        this.departments = departments;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        this.count = count;
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        long[] split = new long[2];
        DemoBulkWriter.Written written = transactions.execute(tx -> seed(split));
        if (written != null) {
            // where the start-up time goes (issue 6 follow-up "demo load cost"): generation, pat_ COPY, iam calls, commit
            long total = (System.nanoTime() - started) / 1_000_000;
            log.info("Demo patients loaded: {} in {} ms (generated {} ms; COPY of {} encounters, {} care members, {} "
                    + "charges {} ms, of which the COPY statements {}; care relationships {} ms; registration {} ms; "
                    + "commit {} ms)", written.patients(), total, split[0], written.encounters(), written.members(),
                    written.charges(), written.copyMs(), written.copyStatementsMs(), written.careMs(),
                    written.registerMs(), (System.nanoTime() - split[1]) / 1_000_000);
        }
    }

    /** A clinical department's care staff (account ids). */
    private record Ward(String code, long departmentId, List<Long> doctors, List<Long> nurses,
            List<DiagnosisRecord> diagnoses) {
    }

    private record Item(String code, String name, String category, BigDecimal price) {
    }

    /** Loads the demo unless already loaded; {@code split}: generation time (ms), then the nano time before commit. */
    private DemoBulkWriter.Written seed(long[] split) {
        int marked = jdbc.sql("INSERT INTO pat_demo_marker (id, seeded_at, patients) VALUES (1, :now, :n) "
                + "ON CONFLICT DO NOTHING").param("now", Timestamp.from(clock.instant())).param("n", count).update();
        if (marked == 0) {
            return null;
        }
        long started = System.nanoTime();
        Generated demo = generate(count, "");
        if (demo == null) {
            return null;
        }
        split[0] = (System.nanoTime() - started) / 1_000_000;
        DemoBulkWriter.Written written = bulk.write(SOURCE, demo.patients(), demo.encounters(), demo.teams(),
                demo.charges(), clock.instant());
        split[1] = System.nanoTime();
        return written;
    }

    /** The generated demo hospital, in the order of generation (ids follow it). */
    record Generated(List<PatientRow> patients, List<EncounterRow> encounters, List<CareTeamRow> teams,
            List<ChargeRow> charges) {
    }

    /**
     * Generates {@code n} demo patients from the fixed seed; {@code prefix} goes before every source id and MRN (empty
     * for the demo hospital; tests compare write paths with their own prefix). Null without clinical departments.
     */
    Generated generate(int n, String prefix) {
        List<Ward> wards = wards();
        if (wards.isEmpty()) {
            return null;
        }
        Map<String, Ward> byCode = new HashMap<>();
        wards.forEach(w -> byCode.put(w.code(), w));
        List<Item> items = lines("demo/privacy-charge-items.csv").stream().map(l -> l.split(","))
                .map(f -> new Item(f[0], f[1], f[2], new BigDecimal(f[3]))).toList();
        List<String> surnames = lines("demo/surnames.txt");
        List<String> given = lines("demo/given-names.txt");
        List<String> streets = lines("demo/privacy-streets.txt");
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        SplittableRandom random = new SplittableRandom(6L);
        Long staffPatient = staff.activeByStaffNo("H0020").map(StaffPrincipal::accountId).orElse(null);
        Generated out = new Generated(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        int chargeSeq = 0;
        int encounterSeq = 0;
        for (int i = 1; i <= n; i++) {
            String pid = prefix + String.format(Locale.ROOT, "DEMO-P%06d", i);
            boolean female = random.nextBoolean();
            LocalDate birth = today.minusDays(random.nextInt(365 * 90) + 30L);
            String name = surnames.get(random.nextInt(surnames.size())) + given.get(random.nextInt(given.size()));
            String idNumber = IdNumbers.make(REGIONS[random.nextInt(REGIONS.length)], birth,
                    random.nextInt(500) * 2 + (female ? 0 : 1));
            String phone = "1" + (3 + random.nextInt(7)) + String.format(Locale.ROOT, "%09d", random.nextInt(1_000_000_000));
            String address = streets.get(random.nextInt(streets.size())) + (1 + random.nextInt(300))
                    + "-" + (1 + random.nextInt(30)) + "-" + (101 + random.nextInt(1500));
            // issue 6: a handful of flagged patients for later issues (masking, VIP alerts, self-service)
            out.patients().add(new PatientRow(pid, prefix + String.format(Locale.ROOT, "M%08d", i), name,
                    female ? "FEMALE" : "MALE", birth, idNumber, phone, address, i == 1, i == 2 ? staffPatient : null,
                    i == 3, i == 4, i == 6, i == 5, i == 5 ? today.minusDays(3) : null));
            int encounters = random.nextInt(4) == 0 ? 2 : 1;
            for (int k = 0; k < encounters; k++) {
                Ward ward = pickWard(random, wards, byCode, birth, today, female, i);
                int roll = random.nextInt(10);
                String cls = ward.code().equals("EMERGENCY") ? "EMERGENCY"
                        : roll < 6 ? "OUTPATIENT" : roll < 9 ? "INPATIENT" : "EMERGENCY";
                Instant start = today.minusDays(random.nextInt(730)).atTime(8 + random.nextInt(10), random.nextInt(60))
                        .atZone(zone).toInstant();
                if (i == 5) {
                    start = today.minusDays(10).atTime(9, 0).atZone(zone).toInstant();
                }
                if (start.isAfter(now)) {
                    // a visit "today" at an hour still to come (a start before 18:00 local): yesterday instead, so no
                    // care relationship starts in the future and the care team can read the record now (ACC-4)
                    start = start.minus(Duration.ofDays(1));
                }
                Instant end = switch (cls) {
                    case "OUTPATIENT" -> start.plus(Duration.ofMinutes(30 + random.nextInt(120)));
                    case "EMERGENCY" -> start.plus(Duration.ofHours(2 + random.nextInt(10)));
                    default -> start.plus(Duration.ofDays(3 + random.nextInt(18)));
                };
                if (end.isAfter(now)) {
                    end = null;
                }
                String seq = String.format(Locale.ROOT, "%07d", ++encounterSeq);
                String eid = prefix + "DEMO-E" + seq;
                long attending = ward.doctors().get(random.nextInt(ward.doctors().size()));
                List<DiagnosisRecord> diagnoses = new ArrayList<>();
                diagnoses.add(ward.diagnoses().get(random.nextInt(ward.diagnoses().size())));
                if (random.nextInt(3) == 0) {
                    DiagnosisRecord second = ward.diagnoses().get(random.nextInt(ward.diagnoses().size()));
                    if (!second.equals(diagnoses.get(0))) {
                        diagnoses.add(second);
                    }
                }
                out.encounters().add(new EncounterRow(eid, pid, cls, ward.departmentId(), attending, start, end,
                        diagnoses));
                out.teams().add(new CareTeamRow(prefix + "DEMO-T" + seq, eid, true,
                        team(random, ward, attending, cls, start, end)));
                LocalDate day = LocalDate.ofInstant(start, zone);
                for (Item item : charges(random, items, cls, ward)) {
                    BigDecimal quantity = item.category().equals("BED")
                            ? BigDecimal.valueOf(Math.max(1, Duration.between(start, end == null ? now : end)
                                    .toDays()))
                            : BigDecimal.valueOf(1 + random.nextInt(item.category().equals("DRUG") ? 6 : 2));
                    out.charges().add(new ChargeRow(prefix + String.format(Locale.ROOT, "DEMO-C%08d", ++chargeSeq), eid,
                            item.code(), item.name(), item.category(), quantity.setScale(3), item.price(),
                            item.price().multiply(quantity).setScale(2), day));
                }
            }
        }
        return out;
    }

    private static Ward pickWard(SplittableRandom random, List<Ward> wards, Map<String, Ward> byCode, LocalDate birth,
            LocalDate today, boolean female, int i) {
        if (i == 4 && byCode.containsKey("PSYCHIATRY")) {
            return byCode.get("PSYCHIATRY");
        }
        if (i == 6 && byCode.containsKey("INFECTIOUS")) {
            return byCode.get("INFECTIOUS");
        }
        boolean child = birth.isAfter(today.minusYears(14));
        if (child && byCode.containsKey("PAEDIATRICS") && random.nextInt(4) != 0) {
            return byCode.get("PAEDIATRICS");
        }
        while (true) {
            Ward ward = wards.get(random.nextInt(wards.size()));
            if ((ward.code().equals("OBGYN") && !female) || (ward.code().equals("PAEDIATRICS") && !child)) {
                continue;
            }
            return ward;
        }
    }

    /** ACC-4: the attending doctor and one or two nurses of the department; inpatients also a second doctor. */
    private static List<MemberRow> team(SplittableRandom random, Ward ward, long attending, String cls, Instant start,
            Instant end) {
        List<MemberRow> members = new ArrayList<>();
        members.add(new MemberRow(attending, "attending", start, end));
        if (cls.equals("INPATIENT") && ward.doctors().size() > 1) {
            long second;
            do {
                second = ward.doctors().get(random.nextInt(ward.doctors().size()));
            } while (second == attending);
            members.add(new MemberRow(second, "doctor", start, end));
        }
        int nurses = cls.equals("OUTPATIENT") ? 1 : 2;
        List<Long> pool = new ArrayList<>(ward.nurses());
        for (int n = 0; n < nurses && !pool.isEmpty(); n++) {
            members.add(new MemberRow(pool.remove(random.nextInt(pool.size())), "nurse", start, end));
        }
        return members;
    }

    private static List<Item> charges(SplittableRandom random, List<Item> items, String cls, Ward ward) {
        List<Item> chosen = new ArrayList<>();
        if (!cls.equals("INPATIENT")) {
            chosen.add(items.get(random.nextInt(2)));
        } else {
            chosen.add(items.get(ward.code().equals("ICU") ? 3 : 2));
        }
        // Two to five lines for a stay, one or two for a visit: enough for a fee list, and about half the rows the
        // demo load wrote before (start time, issue 6 item 2).
        int more = cls.equals("INPATIENT") ? 1 + random.nextInt(4) : random.nextInt(2);
        for (int n = 0; n < more; n++) {
            Item item = items.get(4 + random.nextInt(items.size() - 4));
            if (!chosen.contains(item)) {
                chosen.add(item);
            }
        }
        return chosen;
    }

    /** The clinical departments with their doctors and nurses, from the demo staffing plan (H0001, H0002, ...). */
    private List<Ward> wards() {
        Map<String, List<DiagnosisRecord>> diagnoses = new HashMap<>();
        for (String line : lines("demo/privacy-diagnoses.csv")) {
            String[] f = line.split(",");
            diagnoses.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new DiagnosisRecord(f[1], f[2]));
        }
        Map<String, List<Long>> doctors = new HashMap<>();
        Map<String, List<Long>> nurses = new HashMap<>();
        int sequence = 0;
        for (String line : lines("demo/staffing.csv")) {
            String[] f = line.split(",", -1);
            int n = Integer.parseInt(f[2]);
            for (int k = 0; k < n; k++) {
                String staffNo = String.format(Locale.ROOT, "H%04d", ++sequence);
                boolean doctor = DOCTOR_POSTS.contains(f[1]);
                if (diagnoses.containsKey(f[0]) && (doctor || NURSE_POSTS.contains(f[1]))) {
                    staff.activeByStaffNo(staffNo).ifPresent(p -> (doctor ? doctors : nurses)
                            .computeIfAbsent(f[0], c -> new ArrayList<>()).add(p.accountId()));
                }
            }
        }
        List<Ward> wards = new ArrayList<>();
        for (String code : diagnoses.keySet().stream().sorted().toList()) {
            Optional<DepartmentLookup.Department> department = departments.byCode(code)
                    .filter(d -> "CLINICAL".equals(d.kind()));
            if (department.isPresent() && doctors.containsKey(code) && nurses.containsKey(code)) {
                wards.add(new Ward(code, department.get().id(), doctors.get(code), nurses.get(code),
                        diagnoses.get(code)));
            }
        }
        return wards;
    }

    private static List<String> lines(String path) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new ClassPathResource(path).getInputStream(),
                StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As the demo hospital's condition: on with the embedded database unless switched off. */
    static class DemoMode implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String enabled = context.getEnvironment().getProperty("baomi.demo.enabled");
            if (StringUtils.hasText(enabled)) {
                return "true".equalsIgnoreCase(enabled.strip());
            }
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
