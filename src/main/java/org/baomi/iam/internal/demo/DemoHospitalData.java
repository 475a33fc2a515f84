package org.baomi.iam.internal.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.baomi.iam.Permissions;
import org.baomi.iam.internal.account.Department;
import org.baomi.shared.SecretLevel;

/**
 * The demo hospital as read from {@code classpath:demo/*}: departments, posts, business roles, and the staff,
 * whose names are drawn from surname and given-name lists with a fixed seed, so every start produces the same
 * people with the same staff numbers. No database here: {@link DemoHospitalSeeder} writes it.
 */
public record DemoHospitalData(List<DepartmentSpec> departments, List<PostSpec> posts, List<RoleSpec> roles,
        List<StaffSpec> staff) {

    /** Seed of the name generator; changing it renames every demo person. */
    static final long NAME_SEED = 20261122L;
    static final String EMAIL_DOMAIN = "demo-hospital.example";
    private static final String STAFF_NO_PREFIX = "H";
    private static final String BUILT_IN_STAFF_ROLE = "staff";

    public record DepartmentSpec(String code, String parentCode, Department.Kind kind, int sortOrder, String nameZh,
            String nameEn) {
    }

    public record PostSpec(String code, boolean medical, SecretLevel clearance, List<String> roles, String nameZh,
            String nameEn) {
    }

    public record RoleSpec(String code, Set<String> permissions, String nameZh, String nameEn) {
    }

    /**
     * One demo account.
     *
     * @param totpSecret the enrolled TOTP secret (base32), or null when the account has not enrolled
     */
    public record StaffSpec(String staffNo, String fullName, String departmentCode, String postCode,
            SecretLevel clearance, Set<String> roles, boolean mustChangePassword, String totpSecret, String email,
            String phone) {
    }

    public static DemoHospitalData load() {
        List<DepartmentSpec> departments = readDepartments();
        List<PostSpec> posts = readPosts();
        List<RoleSpec> roles = readRoles();
        Map<String, PostSpec> postsByCode = new LinkedHashMap<>();
        posts.forEach(p -> postsByCode.put(p.code(), p));
        List<StaffSpec> staff = buildStaff(postsByCode);
        DemoHospitalData data = new DemoHospitalData(departments, posts, roles, staff);
        data.validate();
        return data;
    }

    private static List<DepartmentSpec> readDepartments() {
        List<DepartmentSpec> result = new ArrayList<>();
        for (String[] f : csv("demo/departments.csv", 5)) {
            result.add(new DepartmentSpec(f[0], f[1].isEmpty() ? null : f[1], Department.Kind.valueOf(f[2]),
                    (result.size() + 1) * 10, f[3], f[4]));
        }
        return List.copyOf(result);
    }

    private static List<PostSpec> readPosts() {
        List<PostSpec> result = new ArrayList<>();
        for (String[] f : csv("demo/posts.csv", 6)) {
            result.add(new PostSpec(f[0], Boolean.parseBoolean(f[1]), SecretLevel.valueOf(f[2]), words(f[3]), f[4],
                    f[5]));
        }
        return List.copyOf(result);
    }

    private static List<RoleSpec> readRoles() {
        List<RoleSpec> result = new ArrayList<>();
        for (String[] f : csv("demo/roles.csv", 4)) {
            result.add(new RoleSpec(f[0], Set.copyOf(words(f[1])), f[2], f[3]));
        }
        return List.copyOf(result);
    }

    /** The staffing plan first (H0001 onwards, the president first), then the accounts of accounts.csv. */
    private static List<StaffSpec> buildStaff(Map<String, PostSpec> posts) {
        List<String[]> special = csv("demo/accounts.csv", 8);
        Set<String> usedNames = new HashSet<>();
        special.forEach(f -> usedNames.add(f[7]));
        NameGenerator names = new NameGenerator(lines("demo/surnames.txt"), lines("demo/given-names.txt"),
                new Random(NAME_SEED), usedNames);

        List<StaffSpec> staff = new ArrayList<>();
        for (String[] f : csv("demo/staffing.csv", 4)) {
            PostSpec post = required(posts, f[1]);
            int count = Integer.parseInt(f[2]);
            for (int i = 0; i < count; i++) {
                int sequence = staff.size() + 1;
                String staffNo = STAFF_NO_PREFIX + String.format(Locale.ROOT, "%04d", sequence);
                Set<String> roles = new LinkedHashSet<>();
                roles.add(BUILT_IN_STAFF_ROLE);
                roles.addAll(post.roles());
                roles.addAll(words(f[3]));
                // ACC-7: clearance SECRET and above must use a second factor; the demo enrols it up front.
                String totp = post.clearance().atLeast(SecretLevel.SECRET) ? DemoCredentials.STAFF_TOTP_SECRET : null;
                staff.add(new StaffSpec(staffNo, names.next(), f[0], post.code(), post.clearance(),
                        Set.copyOf(roles), false, totp, email(staffNo), phone(names.random(), sequence)));
            }
        }
        for (String[] f : special) {
            String staffNo = f[0];
            String totp = switch (f[6]) {
                case "own" -> DemoCredentials.ownTotpSecret(staffNo)
                        .orElseThrow(() -> new IllegalStateException("No demo TOTP secret for " + staffNo));
                case "staff" -> DemoCredentials.STAFF_TOTP_SECRET;
                case "none" -> null;
                default -> throw new IllegalStateException("accounts.csv: unknown totp value " + f[6]);
            };
            required(posts, f[2]);
            staff.add(new StaffSpec(staffNo, f[7], f[1], f[2], SecretLevel.valueOf(f[3]), Set.copyOf(words(f[4])),
                    Boolean.parseBoolean(f[5]), totp, email(staffNo), phone(names.random(), staff.size() + 1)));
        }
        return List.copyOf(staff);
    }

    private static String email(String staffNo) {
        return staffNo.toLowerCase(Locale.ROOT) + "@" + EMAIL_DOMAIN;
    }

    /** Clearly fake mobile numbers: a real-looking prefix, then 0000, then the account's sequence number. */
    private static String phone(Random random, int sequence) {
        int[] secondDigits = {3, 5, 8};
        return "1" + secondDigits[random.nextInt(secondDigits.length)] + random.nextInt(10) + "-0000-"
                + String.format(Locale.ROOT, "%04d", sequence);
    }

    /** Checks the files against each other, so a typo fails the start instead of loading half a hospital. */
    private void validate() {
        Set<String> departmentCodes = new HashSet<>();
        for (DepartmentSpec d : departments) {
            if (d.parentCode() != null && !departmentCodes.contains(d.parentCode())) {
                throw new IllegalStateException("departments.csv: parent " + d.parentCode() + " of " + d.code()
                        + " must come first");
            }
            if (!departmentCodes.add(d.code())) {
                throw new IllegalStateException("departments.csv: duplicate code " + d.code());
            }
        }
        Set<String> roleCodes = new HashSet<>(Set.of(BUILT_IN_STAFF_ROLE, "system-admin", "security-admin",
                "audit-admin"));
        for (RoleSpec r : roles) {
            if (!roleCodes.add(r.code())) {
                throw new IllegalStateException("roles.csv: duplicate or built-in code " + r.code());
            }
            for (String p : r.permissions()) {
                // Business roles list real permissions: no wildcards, nothing of the administrators (ORG-5).
                if (!Permissions.isValid(p) || p.contains("*") || Permissions.isAdministrative(p)) {
                    throw new IllegalStateException("roles.csv: " + r.code() + " may not hold " + p);
                }
            }
        }
        Set<String> staffNos = new HashSet<>();
        for (StaffSpec s : staff) {
            if (!staffNos.add(s.staffNo().toLowerCase(Locale.ROOT))) {
                throw new IllegalStateException("Duplicate demo staff number " + s.staffNo());
            }
            if (!departmentCodes.contains(s.departmentCode())) {
                throw new IllegalStateException(s.staffNo() + ": unknown department " + s.departmentCode());
            }
            for (String role : s.roles()) {
                if (!roleCodes.contains(role)) {
                    throw new IllegalStateException(s.staffNo() + ": unknown role " + role);
                }
            }
        }
    }

    private static <T> T required(Map<String, T> map, String key) {
        T value = map.get(key);
        if (value == null) {
            throw new IllegalStateException("Unknown demo code " + key);
        }
        return value;
    }

    private static List<String> words(String field) {
        return field.isBlank() ? List.of() : Arrays.stream(field.strip().split("\\s+")).toList();
    }

    /** Rows of a comma-separated file; the last column may contain commas. Blank lines and # comments skipped. */
    private static List<String[]> csv(String resource, int columns) {
        List<String[]> rows = new ArrayList<>();
        for (String line : lines(resource)) {
            String[] fields = line.split(",", columns);
            if (fields.length != columns) {
                throw new IllegalStateException(resource + ": expected " + columns + " columns in: " + line);
            }
            for (int i = 0; i < fields.length; i++) {
                fields[i] = fields[i].strip();
            }
            rows.add(fields);
        }
        return rows;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = DemoHospitalData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Draws surname + given name pairs with a seeded random, skipping names already used. */
    private static final class NameGenerator {

        private final List<String> surnames;
        private final List<String> givenNames;
        private final Random random;
        private final Set<String> used;

        NameGenerator(List<String> surnames, List<String> givenNames, Random random, Set<String> used) {
            this.surnames = surnames;
            this.givenNames = givenNames;
            this.random = random;
            this.used = used;
        }

        String next() {
            for (int attempt = 0; attempt < 10_000; attempt++) {
                String name = surnames.get(random.nextInt(surnames.size()))
                        + givenNames.get(random.nextInt(givenNames.size()));
                if (used.add(name)) {
                    return name;
                }
            }
            throw new IllegalStateException("Not enough distinct demo names");
        }

        Random random() {
            return random;
        }
    }
}
