package org.baomi.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.baomi.shared.Notice;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.SignedIn;
import org.baomi.test.TestAccounts;
import org.baomi.test.TestAccounts.Created;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The identity administration pages (ORG-5, ACC-2, ACC-3) through the whole web stack, security included. */
@BaomiSpringTest
class AccountAdministrationWebTests {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String SQL = "'; DROP TABLE iam_account;--";
    private static final String LONG = "x".repeat(10_000);
    private static final String EMOJI = "\uD83D\uDE00\uD83D\uDD25";

    @Autowired WebApplicationContext context;
    @Autowired AccountQueries queries;

    @Autowired TestAccounts fixtures;

    MockMvc mvc;
    Created systemAdmin;
    Created securityAdmin;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        systemAdmin = fixtures.systemAdmin();
        securityAdmin = fixtures.securityAdmin();
    }

    @AfterEach
    void tearDown() {
        SignedIn.out();
    }

    private void signIn(Created person) {
        SignedIn.as(fixtures.authenticationOf(person));
    }

    private MockHttpServletRequestBuilder as(Created staff, MockHttpServletRequestBuilder request) {
        return request.with(authentication(fixtures.authenticationOf(staff))).with(csrf());
    }

    private Map<String, String> validRegistration() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("staffNo", TestAccounts.newStaffNo());
        form.put("fullName", "\u738B\u5C0F\u660E");
        form.put("departmentId", Long.toString(fixtures.departmentId()));
        form.put("postId", Long.toString(fixtures.postId()));
        form.put("email", "wang@hospital.example.cn");
        form.put("phone", "010-6000 1234");
        return form;
    }

    private long[] rowCounts() {
        return new long[] {fixtures.count("iam_account"), fixtures.count("iam_credential"),
                fixtures.count("iam_account_role"), fixtures.count("iam_password_history")};
    }

    static Stream<Arguments> badRegistrationFields() {
        Map<String, List<String>> bad = new LinkedHashMap<>();
        bad.put("staffNo", List.of("", "A", LONG, SQL, SCRIPT, EMOJI, "\u0410B12", "AB\u0000", "AB\u202E12",
                "\u5DE5\u53F7123", "AB 12"));
        bad.put("fullName", List.of("", " ", LONG, SQL, SCRIPT, EMOJI, "\u5F20\u4E09Smith", "P\u0430ypal",
                "Bell\u0007", "Null\u0000", "\u5F20\u4E09\u200B"));
        bad.put("departmentId", List.of("", "abc", "-1", "99999999999999999999999", "1 OR 1=1", SQL, SCRIPT, EMOJI));
        bad.put("postId", List.of("", "abc", "0", "99999999999999999999999", "1 OR 1=1", SQL, SCRIPT));
        bad.put("email", List.of("not-an-email", SCRIPT + "@x.org", LONG + "@example.org", "a@b';DROP TABLE--",
                EMOJI + "@example.org", "\u5F20@example.org"));
        bad.put("phone", List.of("abc", SQL, "1".repeat(10_000), EMOJI, "\uFF11\uFF12\uFF13\uFF14\uFF15", SCRIPT));
        return bad.entrySet().stream().flatMap(e -> e.getValue().stream().map(v -> Arguments.of(e.getKey(), v)));
    }

    @ParameterizedTest(name = "ACC-2: registration with bad {0} [{index}] shows a form error and writes nothing")
    @MethodSource("badRegistrationFields")
    void badInputInAnyRegistrationFieldGivesAFormError(String field, String value) throws Exception {
        Map<String, String> form = validRegistration();
        form.put(field, value);
        long[] before = rowCounts();
        MockHttpServletRequestBuilder request = as(systemAdmin, post("/iam/accounts"));
        form.forEach(request::param);
        MvcResult result = mvc.perform(request)
                .andExpect(status().isOk())
                .andExpect(view().name("iam/account-new"))
                .andExpect(model().attributeHasFieldErrors("registerForm", field))
                .andReturn();
        assertThat(rowCounts()).containsExactly(before);
        String body = result.getResponse().getContentAsString();
        assertThat(body).doesNotContain(SCRIPT).contains("is-invalid");
    }

    @Test
    @DisplayName("ACC-2: registering on the page shows the initial password once, not cached, then the account page does not")
    void registrationShowsTheInitialPasswordOnce() throws Exception {
        Map<String, String> form = validRegistration();
        MockHttpServletRequestBuilder request = as(systemAdmin, post("/iam/accounts"));
        form.forEach(request::param);
        MvcResult result = mvc.perform(request)
                .andExpect(status().isOk())
                .andExpect(view().name("iam/account-password"))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andReturn();
        OneTimePassword created = (OneTimePassword) result.getModelAndView().getModel().get("oneTime");
        String body = result.getResponse().getContentAsString();
        assertThat(body).contains(created.password()).contains("one-time-warning");
        String page = mvc.perform(as(systemAdmin, get("/iam/accounts/" + created.accountId())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain(created.password()).contains(created.staffNo());
    }

    @Test
    @DisplayName("ACC-2: a taken staff number is shown on its field with the number")
    void takenStaffNumberIsShownOnItsField() throws Exception {
        MockHttpServletRequestBuilder request = as(systemAdmin, post("/iam/accounts"));
        Map<String, String> form = validRegistration();
        form.put("staffNo", systemAdmin.staffNo().toLowerCase());
        form.forEach(request::param);
        String body = mvc.perform(request).andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("registerForm", "staffNo", "iam.admin.error.staff-no.taken"))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).contains(systemAdmin.staffNo());
    }

    static Stream<Arguments> hostileSearches() {
        return Stream.of(SQL, SCRIPT, EMOJI, LONG, "%", "_%\\", "\u0000", "{x}", "a+b&c=d", "\u202E").map(Arguments::of);
    }

    @ParameterizedTest(name = "ACC-2: account search with hostile text [{index}] answers 200")
    @MethodSource("hostileSearches")
    void hostileSearchesAnswerOk(String text) throws Exception {
        for (boolean htmx : new boolean[] {false, true}) {
            MockHttpServletRequestBuilder request = as(systemAdmin, get("/iam/accounts")).param("q", text)
                    .param("department", "abc").param("status", SQL).param("role", "-1").param("locked", "maybe")
                    .param("sort", "name; DROP TABLE iam_account").param("page", "-7");
            if (htmx) {
                request.header("HX-Request", "true");
            }
            String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(body).doesNotContain(SCRIPT);
            MockHttpServletRequestBuilder review = as(securityAdmin, get("/iam/access-review")).param("q", text)
                    .param("department", SCRIPT).param("status", "x").param("overdue", SQL).param("page", "99999999999");
            if (htmx) {
                review.header("HX-Request", "true");
            }
            assertThat(mvc.perform(review).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                    .doesNotContain(SCRIPT);
        }
    }

    @Test
    @DisplayName("ACC-2: the account list answers htmx with the rows fragment only, and finds by staff number")
    void htmxGetsTheRowsFragment() throws Exception {
        Created person = fixtures.staff();
        String fragment = mvc.perform(as(systemAdmin, get("/iam/accounts")).param("q", person.staffNo())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).doesNotContain("<html").contains("account-results").contains("account-" + person.id());
        String page = mvc.perform(as(systemAdmin, get("/iam/accounts")).param("q", "no-such-person-anywhere"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<html").contains("no-accounts").contains("new-account");
    }

    @Test
    @DisplayName("ACC-3: direct URLs outside a person's authority answer 403 and are audited as access.denied")
    void directUrlsAreDenied() throws Exception {
        Created person = fixtures.staff();
        Created auditor = fixtures.auditAdmin();
        mvc.perform(as(securityAdmin, get("/iam/accounts/new"))).andExpect(status().isForbidden());
        mvc.perform(as(securityAdmin, post("/iam/accounts")).param("staffNo", TestAccounts.newStaffNo())
                .param("fullName", "Someone").param("departmentId", Long.toString(fixtures.departmentId()))
                .param("postId", Long.toString(fixtures.postId()))).andExpect(status().isForbidden());
        mvc.perform(as(systemAdmin, post("/iam/accounts/" + person.id() + "/roles")).param("version", "0")
                .param("roleIds", Long.toString(fixtures.roleId("security-admin")))).andExpect(status().isForbidden());
        mvc.perform(as(systemAdmin, get("/iam/roles"))).andExpect(status().isForbidden());
        mvc.perform(as(systemAdmin, get("/iam/access-review"))).andExpect(status().isForbidden());
        mvc.perform(as(person, get("/iam/accounts"))).andExpect(status().isForbidden());
        mvc.perform(as(auditor, get("/iam/accounts/" + person.id()))).andExpect(status().isForbidden());
        mvc.perform(as(auditor, post("/iam/access-review/export"))).andExpect(status().isForbidden());
        assertThat(fixtures.auditEntries("access.denied", "DENIED", securityAdmin.id(), null)).isEqualTo(2);
        assertThat(fixtures.auditEntries("access.denied", "DENIED", systemAdmin.id(), null)).isEqualTo(3);
        assertThat(fixtures.auditEntries("access.denied", "DENIED", auditor.id(), null)).isEqualTo(2);
    }

    @Test
    @DisplayName("ORG-5: a second administrator role chosen on the page is refused with a translated message naming both roles")
    void secondAdministratorRoleOnThePage() throws Exception {
        Created admin = fixtures.systemAdmin();
        signIn(securityAdmin);
        int version = queries.details(admin.id()).version();
        String sys = Long.toString(fixtures.roleId("system-admin"));
        String sec = Long.toString(fixtures.roleId("security-admin"));
        String zh = mvc.perform(as(securityAdmin, post("/iam/accounts/" + admin.id() + "/roles"))
                        .param("version", Integer.toString(version)).param("roleIds", sys, sec))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("\u8BE5\u8D26\u6237\u5DF2\u62C5\u4EFB\u7CFB\u7EDF\u7BA1\u7406\u5458\uFF0C\u4E0D\u80FD\u518D\u62C5\u4EFB\u5B89\u5168\u7BA1\u7406\u5458");
        String en = mvc.perform(as(securityAdmin, post("/iam/accounts/" + admin.id() + "/roles")).param("lang", "en")
                        .param("version", Integer.toString(version)).param("roleIds", sys, sec))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("already holds the role System administrator and cannot also hold Security administrator");
        String mixed = mvc.perform(as(securityAdmin, post("/iam/accounts/" + admin.id() + "/roles")).param("lang", "en")
                        .param("version", Integer.toString(version))
                        .param("roleIds", sys, Long.toString(fixtures.roleId("staff"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(mixed).contains("holding the role System administrator cannot also hold business roles (staff)");
    }

    @Test
    @DisplayName("ACC-2: a stale version on the profile form shows the conflict message and the current data")
    void staleVersionOnThePage() throws Exception {
        Created person = fixtures.staff();
        signIn(systemAdmin);
        int version = queries.details(person.id()).version();
        mvc.perform(as(systemAdmin, post("/iam/accounts/" + person.id() + "/profile"))
                        .param("version", Integer.toString(version)).param("fullName", "First Edit")
                        .param("departmentId", Long.toString(fixtures.departmentId()))
                        .param("postId", Long.toString(fixtures.postId())))
                .andExpect(status().is3xxRedirection());
        MvcResult stale = mvc.perform(as(systemAdmin, post("/iam/accounts/" + person.id() + "/profile"))
                        .param("version", Integer.toString(version)).param("fullName", "Second Edit")
                        .param("departmentId", Long.toString(fixtures.departmentId()))
                        .param("postId", Long.toString(fixtures.postId())))
                .andExpect(status().isOk()).andReturn();
        Notice problem = (Notice) stale.getModelAndView().getModel().get("problem");
        assertThat(problem.key()).isEqualTo("iam.admin.error.stale");
        assertThat(stale.getResponse().getContentAsString()).contains("First Edit").doesNotContain("Second Edit");
        signIn(systemAdmin);
        assertThat(queries.details(person.id()).fullName()).isEqualTo("First Edit");
        mvc.perform(as(systemAdmin, post("/iam/accounts/" + person.id() + "/profile")).param("version", "not-a-number")
                .param("fullName", "Third")).andExpect(status().isOk());
    }

    @Test
    @DisplayName("ACC-2: a suspension without reason shows the field error; with a reason it is saved")
    void statusChangeOnThePage() throws Exception {
        Created person = fixtures.staff();
        signIn(systemAdmin);
        int version = queries.details(person.id()).version();
        mvc.perform(as(systemAdmin, post("/iam/accounts/" + person.id() + "/status"))
                        .param("version", Integer.toString(version)).param("status", "SUSPENDED").param("reason", ""))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("statusForm", "reason", "iam.admin.error.reason.required"));
        mvc.perform(as(systemAdmin, post("/iam/accounts/" + person.id() + "/status"))
                        .param("version", Integer.toString(version)).param("status", "SUSPENDED")
                        .param("reason", "Long leave " + SCRIPT))
                .andExpect(status().is3xxRedirection());
        signIn(systemAdmin);
        assertThat(queries.details(person.id()).status()).isEqualTo(AccountStatus.SUSPENDED);
    }

    @Test
    @DisplayName("ACC-3: on their own account page an administrator sees no controls over their own rights")
    void ownAccountPageHidesRightsControls() throws Exception {
        String page = mvc.perform(as(securityAdmin, get("/iam/accounts/" + securityAdmin.id())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("own-account").doesNotContain("roles-form").doesNotContain("clearance-form");
        Created person = fixtures.staff();
        String other = mvc.perform(as(securityAdmin, get("/iam/accounts/" + person.id())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(other).contains("roles-form").contains("clearance-form").doesNotContain("profile-form")
                .doesNotContain("password-reset");
        String asSystem = mvc.perform(as(systemAdmin, get("/iam/accounts/" + person.id())).param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(asSystem).contains("profile-form").contains("password-reset").contains("status-form")
                .doesNotContain("roles-form").contains("Sign-in state");
        mvc.perform(as(systemAdmin, get("/iam/accounts/999999999"))).andExpect(status().isNotFound());
    }

    @Test
    @DisplayName("ACC-2: marking a review by htmx returns the updated row; the export is a UTF-8 CSV with a byte order mark")
    void accessReviewPage() throws Exception {
        Created person = fixtures.staff();
        String page = mvc.perform(as(securityAdmin, get("/iam/access-review")).param("q", person.staffNo()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("review-" + person.id()).contains("review-overdue");
        String row = mvc.perform(as(securityAdmin, post("/iam/access-review/" + person.id() + "/reviewed"))
                        .header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(row).startsWith("<tr").contains("review-" + person.id()).doesNotContain("review-overdue");
        String own = mvc.perform(as(securityAdmin, post("/iam/access-review/" + securityAdmin.id() + "/reviewed"))
                        .header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(own).contains("ACC-3");
        MvcResult csv = mvc.perform(as(securityAdmin, post("/iam/access-review/export")).param("q", person.staffNo()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andReturn();
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        byte[] bytes = csv.getResponse().getContentAsByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains(person.staffNo());
        assertThat(fixtures.auditEntries("iam.access-review.exported", "ALLOWED", securityAdmin.id(), null)).isEqualTo(1);
    }

    @Test
    @DisplayName("ORG-5: the roles page shows the administrator roles as fixed; a business role is created through the form")
    void rolesPage() throws Exception {
        String page = mvc.perform(as(securityAdmin, get("/iam/roles"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("role-system-admin").contains("edit-role-staff").doesNotContain("edit-role-system-admin");
        mvc.perform(as(securityAdmin, get("/iam/roles/new"))).andExpect(status().isOk());
        mvc.perform(as(securityAdmin, post("/iam/roles")).param("code", "Bad Code").param("nameZh", "")
                        .param("nameEn", "x").param("permissions", "iam:role:assign\n" + SCRIPT))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("roleForm", "code", "nameZh", "permissions"));
        String code = TestAccounts.newStaffNo().toLowerCase().replaceAll("[^a-z0-9-]", "");
        mvc.perform(as(securityAdmin, post("/iam/roles")).param("code", code).param("nameZh", "\u62A4\u58EB\u957F")
                        .param("nameEn", "Head nurse").param("permissions", "document:document:read\r\narchive:file:read\n"))
                .andExpect(status().is3xxRedirection());
        signIn(securityAdmin);
        long roleId = queries.roleOptions().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow().id();
        mvc.perform(as(securityAdmin, get("/iam/roles/" + roleId))).andExpect(status().isOk());
        long sysId = fixtures.roleId("system-admin");
        mvc.perform(as(securityAdmin, post("/iam/roles/" + sysId)).param("version", "0").param("nameZh", "x")
                        .param("nameEn", "x").param("permissions", "document:document:read"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("roleForm", "permissions",
                        "iam.admin.error.permission.business-in-admin-role"));
    }
}
