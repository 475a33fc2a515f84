package org.baomi.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.baomi.iam.AccessReviewFilter;
import org.baomi.iam.AccountQueries;
import org.baomi.iam.AccountSearch;
import org.baomi.iam.AccountService;
import org.baomi.iam.AccountStatus;
import org.baomi.iam.ApiTokenService;
import org.baomi.iam.ApiTokenSummary;
import org.baomi.iam.DirectoryQueries;
import org.baomi.iam.PermissionGuard;
import org.baomi.iam.RegisterAccount;
import org.baomi.iam.RoleDraft;
import org.baomi.iam.RoleService;
import org.baomi.iam.UpdateProfile;
import org.baomi.iam.internal.access.AccessChangeFeed;
import org.baomi.shared.BaomiException;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.SignedIn;
import org.baomi.test.TestAccounts;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.ClassUtils;

/**
 * Audit coverage of the module APIs (AUD-1, issue 8 item 9): every public method of every module API interface
 * that has a bean (a public interface in a module's root package, such as {@code AccountService}) either has a
 * case below, run against the application, that shows the operation writes its audit record, or is listed as not
 * security-relevant with the reason. A method added later without either fails
 * {@link #everyModuleApiMethodHasACaseOrAReasonWhyItNeedsNone}.
 *
 * <p>Two kinds of case: {@code RECORDED} — the operation, done by someone allowed to, writes the named action;
 * {@code DENIAL_RECORDED} — for guarded reads whose success is not itself audited (administrators' lists, not
 * protected content), a person without the permission is refused and the refusal is written as
 * {@code access.denied} (ACC-1 deny by default, AUD-1).
 */
@BaomiSpringTest
class AuditCoverageTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    /**
     * Who calls. {@code MODULE}: nobody is signed in, as when module code acts on a decision already taken (the
     * approval module issuing a grant); its records carry no actor id. {@code OFFICE}: confidentiality office
     * (SECRET); {@code DOCTOR}: a doctor on a medical post; {@code PRESIDENT}: the president (TOP_SECRET).
     */
    enum Who { SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN, STAFF, OFFICE, DOCTOR, PRESIDENT, MODULE }

    enum Kind { RECORDED, DENIAL_RECORDED }

    /** What a case does, with the application's beans and fresh fixtures at hand. */
    interface Call {
        void run(AuditCoverageTest t) throws Exception;
    }

    /**
     * @param method "Interface.method" as in the module API
     * @param who    who calls it
     * @param action the audit action that must be written (for DENIAL_RECORDED: access.denied)
     */
    record Case(String method, Kind kind, Who who, String action, Call call) {
        static Case recorded(String method, Who who, String action, Call call) {
            return new Case(method, Kind.RECORDED, who, action, call);
        }

        static Case denied(String method, Call call) {
            return new Case(method, Kind.DENIAL_RECORDED, Who.STAFF, "access.denied", call);
        }

        /** A refusal that the operation itself writes under its own action (not the guard's access.denied). */
        static Case refused(String method, Who who, String action, Call call) {
            return new Case(method, Kind.DENIAL_RECORDED, who, action, call);
        }

        @Override
        public String toString() {
            return method + (kind == Kind.RECORDED ? " by " + who + " writes " + action
                    : " by " + who + " refused and audited as " + action);
        }
    }

    static final List<Case> IAM_AND_AUDIT_CASES = List.of(
            // iam: accounts (ORG-5, ACC-2, ACC-3)
            Case.recorded("AccountService.register", Who.SYSTEM_ADMIN, "iam.account.created",
                    t -> t.bean(AccountService.class).register(new RegisterAccount(TestAccounts.newStaffNo(),
                            "Coverage Person", t.accounts.departmentId(), t.accounts.postId(), null, null))),
            Case.recorded("AccountService.updateProfile", Who.SYSTEM_ADMIN, "iam.account.profile-updated", t -> {
                long id = t.accounts.staff().id();
                t.bean(AccountService.class).updateProfile(id, t.version(id), new UpdateProfile("Coverage Renamed",
                        t.accounts.departmentId(), t.accounts.postId(), null, null));
            }),
            Case.recorded("AccountService.changeStatus", Who.SYSTEM_ADMIN, "iam.account.status-changed", t -> {
                long id = t.accounts.staff().id();
                t.bean(AccountService.class).changeStatus(id, t.version(id), AccountStatus.SUSPENDED, "coverage");
            }),
            Case.recorded("AccountService.resetPassword", Who.SYSTEM_ADMIN, "iam.account.password-reset",
                    t -> t.bean(AccountService.class).resetPassword(t.accounts.staff().id())),
            Case.recorded("AccountService.assignRoles", Who.SECURITY_ADMIN, "iam.account.roles-assigned", t -> {
                long id = t.accounts.staff().id();
                t.bean(AccountService.class).assignRoles(id, t.version(id), Set.of());
            }),
            Case.recorded("AccountService.setClearance", Who.SECURITY_ADMIN, "iam.account.clearance-changed", t -> {
                long id = t.accounts.staff().id();
                t.bean(AccountService.class).setClearance(id, t.version(id), SecretLevel.SECRET);
            }),
            Case.recorded("AccountService.unlock", Who.SECURITY_ADMIN, "iam.account.unlocked",
                    t -> t.bean(AccountService.class).unlock(t.accounts.staff().id())),
            Case.recorded("AccountService.resetSecondFactor", Who.SECURITY_ADMIN, "iam.account.second-factor-reset",
                    t -> t.bean(AccountService.class).resetSecondFactor(t.accounts.staffWithTotp().id())),
            Case.recorded("AccountService.markAccessReviewed", Who.SECURITY_ADMIN, "iam.account.access-reviewed",
                    t -> t.bean(AccountService.class).markAccessReviewed(t.accounts.staff().id())),
            Case.denied("AccountQueries.search", t -> t.bean(AccountQueries.class).search(
                    new AccountSearch(null, null, null, null, false, null, 0, 10))),
            Case.denied("AccountQueries.details", t -> t.bean(AccountQueries.class).details(t.accounts.staff().id())),
            Case.denied("AccountQueries.roleOptions", t -> t.bean(AccountQueries.class).roleOptions()),
            Case.denied("AccountQueries.accessReview", t -> t.bean(AccountQueries.class).accessReview(
                    new AccessReviewFilter(null, null, null, false, 0, 10))),
            Case.denied("AccountQueries.accessReviewRow",
                    t -> t.bean(AccountQueries.class).accessReviewRow(t.accounts.staff().id())),
            Case.recorded("AccountQueries.exportAccessReview", Who.SECURITY_ADMIN, "iam.access-review.exported",
                    t -> t.bean(AccountQueries.class).exportAccessReview(
                            new AccessReviewFilter(null, null, null, false, 0, 10), java.util.Locale.ENGLISH)),
            // iam: roles (ACC-2, ORG-5)
            Case.denied("RoleService.list", t -> t.bean(RoleService.class).list()),
            Case.denied("RoleService.find", t -> t.bean(RoleService.class).find(t.accounts.roleId("staff"))),
            Case.recorded("RoleService.createBusinessRole", Who.SECURITY_ADMIN, "iam.role.created",
                    t -> t.bean(RoleService.class).createBusinessRole(t.roleDraft())),
            Case.recorded("RoleService.updateBusinessRole", Who.SECURITY_ADMIN, "iam.role.updated", t -> {
                RoleDraft draft = t.roleDraft();
                long id = t.bean(RoleService.class).createBusinessRole(draft);
                int version = t.bean(RoleService.class).find(id).version();
                t.bean(RoleService.class).updateBusinessRole(id, version, new RoleDraft(draft.code(), draft.nameZh(),
                        "Coverage renamed", draft.permissions()));
            }),
            // iam: API tokens (ACC-2)
            Case.recorded("ApiTokenService.issue", Who.SECURITY_ADMIN, "iam.api-token.issued",
                    t -> t.bean(ApiTokenService.class).issue("coverage", "COVERAGE", Set.of("iam:staff:read"),
                            Duration.ofDays(1))),
            Case.recorded("ApiTokenService.revoke", Who.SECURITY_ADMIN, "iam.api-token.revoked", t -> {
                long id = t.bean(ApiTokenService.class).issue("coverage", "COVERAGE", Set.of("iam:staff:read"),
                        Duration.ofDays(1)).summary().id();
                t.bean(ApiTokenService.class).revoke(id, "coverage");
            }),
            Case.denied("ApiTokenService.list",
                    t -> t.bean(ApiTokenService.class).list(ApiTokenSummary.Status.ACTIVE, 0, 10)),
            Case.denied("ApiTokenService.count", t -> t.bean(ApiTokenService.class).count(ApiTokenSummary.Status.ACTIVE)),
            // iam: the directory served to integration clients (a person without the scope is refused)
            Case.denied("DirectoryQueries.departments", t -> t.bean(DirectoryQueries.class).departments()),
            Case.denied("DirectoryQueries.searchStaff", t -> t.bean(DirectoryQueries.class).searchStaff(
                    new DirectoryQueries.DirectoryStaffSearch("a", null, 0, 10))),
            Case.denied("PermissionGuard.require",
                    t -> t.bean(PermissionGuard.class).require(AuditPermissions.ENTRY_READ)),
            // audit: the audit administrator's console and the security administrator's views (AUD-2, ORG-5)
            Case.recorded("AuditReview.entries", Who.AUDIT_ADMIN, "audit.entries.viewed",
                    t -> t.bean(AuditReview.class).entries(AuditFilter.none(), null, null, 10)),
            Case.recorded("AuditReview.entry", Who.AUDIT_ADMIN, "audit.entry.viewed", t -> t.bean(AuditReview.class)
                    .entry(t.jdbc.sql("SELECT max(id) FROM aud_entry").query(Long.class).single())),
            Case.recorded("AuditReview.activity", Who.AUDIT_ADMIN, "audit.entries.charted",
                    t -> t.bean(AuditReview.class).activity(AuditFilter.none())),
            Case.recorded("AuditReview.export", Who.AUDIT_ADMIN, "audit.entries.exported",
                    t -> t.bean(AuditReview.class).export(new AuditFilter(null, null, AuditActionGroup.LOGIN, null, null),
                            AuditExportFormat.CSV, new CountingSink())),
            Case.denied("AuditReview.people", t -> t.bean(AuditReview.class).people("H0001")),
            Case.recorded("SecurityEvents.overview", Who.SECURITY_ADMIN, "audit.security-events.viewed",
                    t -> t.bean(SecurityEvents.class).overview(new SecurityEventFilter(
                            java.time.Instant.parse("2026-01-01T00:00:00Z"), java.time.Instant.parse("2027-01-01T00:00:00Z"),
                            null, null), 0)),
            Case.recorded("SecurityEvents.auditAdministratorActivity", Who.SECURITY_ADMIN, "audit.admin-activity.viewed",
                    t -> t.bean(SecurityEvents.class).auditAdministratorActivity(0)));

    /** iam and audit methods that need no case, each with the reason; keep these lists short and honest. */
    static final Map<String, String> IAM_AND_AUDIT_EXEMPT = Map.ofEntries(
            Map.entry("AuditTrail.record", "it is the audit trail itself"),
            Map.entry("AuditTrail.recordIndependently", "it is the audit trail itself"),
            Map.entry("AuditQueries.search", "in-process read for other modules' duty counts and tests; not reachable "
                    + "by a request; callers guard it and the console goes through AuditReview"),
            Map.entry("AuditQueries.count", "as AuditQueries.search"),
            Map.entry("SecurityEvents.canReadAdministratorActivity", "a yes/no about the caller's own permission; shows nothing"),
            Map.entry("AuditReaderAuthorization.require", "service provider interface (iam implements it for audit); "
                    + "its denials are covered by the AuditReview cases' guard"),
            Map.entry("AuditReaderAuthorization.has", "service provider interface; a yes/no without effect"),
            Map.entry("AuditReaderAuthorization.auditAdministratorIds", "service provider interface; ids only, used by the "
                    + "audited SecurityEvents.auditAdministratorActivity"),
            Map.entry("AuditActorResolver.currentActor", "service provider interface: who is acting, for the trail"),
            Map.entry("AuditChainPositions.positionOf", "service provider interface for the console's detail view, "
                    + "which is audited (AuditReview.entry)"),
            Map.entry("AuditPeopleDirectory.find", "service provider interface for the person picker, reached only "
                    + "through the guarded AuditReview.people"),
            Map.entry("PermissionGuard.has", "a yes/no about the caller's own permission; shows nothing"),
            Map.entry("CurrentUser.principal", "the caller's own identity"),
            Map.entry("CurrentUser.require", "the caller's own identity; refusal means not signed in"),
            Map.entry("OrganisationQueries.departments", "the organisation chart, open to everyone signed in"),
            Map.entry("OrganisationQueries.posts", "the organisation chart, open to everyone signed in"),
            Map.entry("ApiTokenService.knownScopes", "the scope names the caller's administrator kind may issue; no token data"),
            Map.entry("ProblemFactory.create", "builds an error response; the refusal it describes is audited where it is decided"),
            Map.entry("ProblemFactory.translate", "translates a message key"),
            Map.entry("ProblemFactory.write", "writes an error response; see ProblemFactory.create"),
            Map.entry("DutyProvider.dutiesOf", "service provider interface: the caller's own to-do list"),
            Map.entry("MenuContributor.menuEntries", "service provider interface: menu entries by permission"));

    /**
     * The modules' case lists, one per line and each line ending with a comma, so that a branch adding its module's
     * list adds one line and merges never conflict on the last one.
     */
    private static final List<?>[] MODULE_CASES = {
            IAM_AND_AUDIT_CASES,
            AccessCoverageCases.CASES,
            ChainCoverageCases.CASES,
            ClassificationCoverageCases.CASES,
            NotificationCoverageCases.CASES,
            ApprovalCoverageCases.CASES,
            PrintCoverageCases.CASES,
            VaultCoverageCases.CASES,
            DocumentCoverageCases.CASES,
            PrivacyCoverageCases.CASES,
            PrivacyAccessCoverageCases.CASES,
            DocumentLifecycleCoverageCases.CASES,
            DocumentFileCoverageCases.CASES,
            PrivacySelfCoverageCases.CASES,
            MonitorIngestCoverageCases.CASES,
            MonitorCaseCoverageCases.CASES,
            MonitorDetectCoverageCases.CASES,
    };

    /** The modules' exemptions, one per line (as {@link #MODULE_CASES}). */
    private static final Map<?, ?>[] MODULE_EXEMPTIONS = {
            IAM_AND_AUDIT_EXEMPT,
            AccessCoverageCases.NOT_SECURITY_RELEVANT,
            ChainCoverageCases.NOT_SECURITY_RELEVANT,
            ClassificationCoverageCases.NOT_SECURITY_RELEVANT,
            NotificationCoverageCases.NOT_SECURITY_RELEVANT,
            ApprovalCoverageCases.NOT_SECURITY_RELEVANT,
            PrintCoverageCases.NOT_SECURITY_RELEVANT,
            VaultCoverageCases.NOT_SECURITY_RELEVANT,
            DocumentCoverageCases.NOT_SECURITY_RELEVANT,
            PrivacyCoverageCases.NOT_SECURITY_RELEVANT,
            PrivacyAccessCoverageCases.NOT_SECURITY_RELEVANT,
            DocumentLifecycleCoverageCases.NOT_SECURITY_RELEVANT,
            DocumentFileCoverageCases.NOT_SECURITY_RELEVANT,
            PrivacySelfCoverageCases.NOT_SECURITY_RELEVANT,
            MonitorIngestCoverageCases.NOT_SECURITY_RELEVANT,
            MonitorCaseCoverageCases.NOT_SECURITY_RELEVANT,
            MonitorDetectCoverageCases.NOT_SECURITY_RELEVANT,
    };

    /** Every case, this module's and the other modules' (declared after the lists they join). */
    static final List<Case> CASES = Stream.of(MODULE_CASES).flatMap(List::stream).map(Case.class::cast).toList();

    /** Every method that needs no case, with the reason. */
    @SuppressWarnings("unchecked")
    static final Map<String, String> NOT_SECURITY_RELEVANT = merged(Stream.of(MODULE_EXEMPTIONS)
            .map(part -> (Map<String, String>) part).toList());

    private static Map<String, String> merged(List<Map<String, String>> parts) {
        Map<String, String> all = new TreeMap<>();
        for (Map<String, String> part : parts) {
            part.forEach((method, reason) -> {
                if (all.put(method, reason) != null) {
                    throw new IllegalStateException("exempted twice: " + method);
                }
            });
        }
        return Map.copyOf(all);
    }

    /** Every "Interface.method" of the public interfaces in module root packages that have a bean. */
    Set<String> moduleApiMethods() {
        Set<String> methods = new TreeSet<>();
        for (String name : context.getBeanDefinitionNames()) {
            Class<?> type = context.getType(name);
            if (type == null) {
                continue;
            }
            for (Class<?> api : ClassUtils.getAllInterfacesForClassAsSet(type)) {
                if (Modifier.isPublic(api.getModifiers()) && api.getPackageName().matches("org\\.baomi\\.[a-z]+")) {
                    for (Method m : api.getDeclaredMethods()) {
                        if (!Modifier.isStatic(m.getModifiers()) && !m.isSynthetic()) {
                            methods.add(api.getSimpleName() + "." + m.getName());
                        }
                    }
                }
            }
        }
        return methods;
    }

    /** Every "Interface.method" of every public interface in a module root package, with a bean or not. */
    static Set<String> allRootInterfaceMethods() throws ClassNotFoundException {
        var scanner = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isInterface();
            }
        };
        scanner.addIncludeFilter((reader, factory) -> true);
        Set<String> methods = new TreeSet<>();
        for (var definition : scanner.findCandidateComponents("org.baomi")) {
            Class<?> api = Class.forName(definition.getBeanClassName());
            if (Modifier.isPublic(api.getModifiers()) && api.getPackageName().matches("org\\.baomi\\.[a-z]+")) {
                for (Method m : api.getDeclaredMethods()) {
                    methods.add(api.getSimpleName() + "." + m.getName());
                }
            }
        }
        return methods;
    }

    @Test
    void everyModuleApiMethodHasACaseOrAReasonWhyItNeedsNone() throws ClassNotFoundException {
        Set<String> api = moduleApiMethods();
        Set<String> covered = new TreeSet<>(NOT_SECURITY_RELEVANT.keySet());
        CASES.forEach(c -> covered.add(c.method()));

        assertThat(api).as("module API methods found").contains("AccountService.register", "AuditReview.export");
        Set<String> missing = new TreeSet<>(api);
        missing.removeAll(covered);
        assertThat(missing).as("module API methods with neither an audit case nor a reason (add one to CASES or "
                + "NOT_SECURITY_RELEVANT)").isEmpty();
        // Interfaces without a bean yet (a provider interface awaiting its implementation) may keep their reasons.
        Set<String> stale = new TreeSet<>(covered);
        stale.removeAll(allRootInterfaceMethods());
        assertThat(stale).as("cases or reasons for methods that no longer exist").isEmpty();
        assertThat(CASES.stream().map(Case::method).filter(NOT_SECURITY_RELEVANT::containsKey))
                .as("a method is either covered or exempt, not both").isEmpty();
        assertThat(CASES.stream().map(Case::method).distinct().count()).as("one case per method")
                .isEqualTo(CASES.size());
    }

    @TestFactory
    Stream<DynamicTest> everySecurityRelevantOperationWritesItsAuditRecord() {
        people.put(Who.SYSTEM_ADMIN, accounts.systemAdmin());
        people.put(Who.SECURITY_ADMIN, accounts.securityAdmin());
        people.put(Who.AUDIT_ADMIN, accounts.auditAdmin());
        people.put(Who.STAFF, accounts.staff());
        people.put(Who.OFFICE, accounts.create(TestAccounts.person().clearance(SecretLevel.SECRET)
                .roles("staff", "confidentiality-office")));
        people.put(Who.DOCTOR, medical(accounts.create(TestAccounts.person().roles("staff", "doctor"))));
        people.put(Who.PRESIDENT, accounts.create(TestAccounts.person().clearance(SecretLevel.TOP_SECRET)
                .roles("staff", "president")));
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
            Long actor = c.who() == Who.MODULE ? null : person(c.who()).id();
            long before = entries(c.action(), actor);
            as(c.who(), () -> {
                if (c.kind() == Kind.RECORDED) {
                    run(c);
                } else {
                    assertThatThrownBy(() -> c.call().run(this)).isInstanceOfSatisfying(BaomiException.class,
                            e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.FORBIDDEN));
                }
                return null;
            });
            assertThat(entries(c.action(), actor)).as(c.toString()).isGreaterThan(before);
        }));
    }

    /** The people of the cases, made for this run. */
    private final Map<Who, TestAccounts.Created> people = new EnumMap<>(Who.class);

    TestAccounts.Created person(Who who) {
        return Objects.requireNonNull(people.get(who), who::name);
    }

    /** Runs the action signed in as the caller, or with nobody signed in for {@link Who#MODULE}. */
    <T> T as(Who who, Supplier<T> action) {
        if (who != Who.MODULE) {
            return SignedIn.as(accounts.authenticationOf(person(who)), action);
        }
        SecurityContext previous = SecurityContextHolder.getContext();
        SignedIn.out();
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** Audit entries with this action by this actor; a null actor means records written with nobody signed in. */
    long entries(String action, Long actorId) {
        return actorId != null ? accounts.auditEntriesBy(action, actorId)
                : jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = :action AND actor_id IS NULL")
                        .param("action", action).query(Long.class).single();
    }

    /** Puts the person on a medical post (only medical staff may break the glass on a patient, ACC-4). */
    TestAccounts.Created medical(TestAccounts.Created person) {
        jdbc.sql("""
                INSERT INTO iam_post (code, name_zh, name_en, medical) VALUES ('T-MED-POST', 'T', 'T', TRUE)
                ON CONFLICT (code) DO NOTHING
                """).update();
        jdbc.sql("UPDATE iam_account SET post_id = (SELECT id FROM iam_post WHERE code = 'T-MED-POST') WHERE id = :id")
                .param("id", person.id()).update();
        bean(AccessChangeFeed.class).poll();
        return person;
    }

    /** A fresh staff member, already known to the decision model (which otherwise learns of them within a second). */
    TestAccounts.Created freshStaff() {
        TestAccounts.Created person = accounts.staff();
        bean(AccessChangeFeed.class).poll();
        return person;
    }

    Clock clock() {
        return bean(Clock.class);
    }

    private void run(Case c) {
        try {
            c.call().run(this);
        } catch (Exception e) {
            throw new AssertionError(c + " failed: " + e, e);
        }
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    int version(long accountId) {
        return jdbc.sql("SELECT version FROM iam_account WHERE id = :id").param("id", accountId)
                .query(Integer.class).single();
    }

    RoleDraft roleDraft() {
        String code = "coverage-" + TestAccounts.newStaffNo().toLowerCase(java.util.Locale.ROOT);
        return new RoleDraft(code, "\u8986\u76d6\u6d4b\u8bd5", "Coverage test", List.of("portal:home:view"));
    }

    /** Counts the rows of an export without keeping them. */
    static final class CountingSink implements AuditExportSink {
        long rows;

        @Override
        public void begin(AuditExportInfo info) {
        }

        @Override
        public void row(AuditRecord record) {
            rows++;
        }

        @Override
        public void end() {
        }
    }
}
