package org.baomi.iam;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

import org.baomi.iam.internal.account.Account;
import org.baomi.iam.internal.account.AccountRepository;
import org.baomi.iam.internal.account.AccountRole;
import org.baomi.iam.internal.account.Department;
import org.baomi.iam.internal.account.DepartmentRepository;
import org.baomi.iam.internal.account.Post;
import org.baomi.iam.internal.account.PostRepository;
import org.baomi.iam.internal.account.Role;
import org.baomi.iam.internal.account.RoleRepository;
import org.baomi.iam.internal.account.StaffDirectory;
import org.baomi.iam.internal.login.StaffAuthentication;
import org.baomi.shared.SecretLevel;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What the API tests need, made on demand and independent of the demo hospital: a security administrator, a
 * small department with staff, tokens issued through {@link ApiTokenService} as that administrator, and an HTTP
 * client for the random port. Every name starts with {@code T-API-} so that other tests' data cannot collide.
 */
public final class ApiTestFixture {

    public static final String SECURITY_ADMIN = "T-API-SA01";
    public static final String DEPARTMENT = "T-API-CARD";
    public static final String POST = "T-API-NURSE";

    private final AccountRepository accounts;
    private final RoleRepository roles;
    private final DepartmentRepository departments;
    private final PostRepository posts;
    private final StaffDirectory directory;
    private final ApiTokenService tokens;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final int port;

    public ApiTestFixture(ApplicationContext context, int port) {
        this.accounts = context.getBean(AccountRepository.class);
        this.roles = context.getBean(RoleRepository.class);
        this.departments = context.getBean(DepartmentRepository.class);
        this.posts = context.getBean(PostRepository.class);
        this.directory = context.getBean(StaffDirectory.class);
        this.tokens = context.getBean(ApiTokenService.class);
        this.clock = context.getBean(Clock.class);
        this.port = port;
    }

    /** The security administrator (built-in role security-admin), created on first use. */
    public synchronized StaffPrincipal securityAdmin() {
        Account account = accounts.findByStaffNoIgnoreCase(SECURITY_ADMIN).orElseGet(() -> {
            Role role = roles.findByCode("security-admin").orElseThrow();
            Account created = new Account(SECURITY_ADMIN, "Test Security Admin", null, null, SecretLevel.SECRET,
                    null, null, clock.instant(), null);
            created.replaceRoles(Set.of(new AccountRole(role.getId(), AdminKind.SECURITY_ADMIN, clock.instant(), null)));
            return accounts.save(created);
        });
        return directory.principalOf(account);
    }

    /** A signed-in person with only the staff role, for refusals. */
    public synchronized StaffPrincipal plainStaff() {
        Account account = accounts.findByStaffNoIgnoreCase("T-API-0003").orElseThrow();
        return directory.principalOf(account);
    }

    public StaffAuthentication authenticationOf(StaffPrincipal principal) {
        return new StaffAuthentication(principal, clock.instant());
    }

    /** Runs the action as the given person, as a web request would after a completed login. */
    public <T> T as(StaffPrincipal principal, Supplier<T> action) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authenticationOf(principal));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** Issues a token with these scopes, valid for the given time; returns the whole issue result. */
    public IssuedApiToken issue(String name, Duration lifetime, String... scopes) {
        StaffPrincipal admin = securityAdmin();
        return as(admin, () -> tokens.issue(name, "T-API-HIS", Set.of(scopes), lifetime));
    }

    public String token(String... scopes) {
        return issue("test token", Duration.ofDays(30), scopes).token();
    }

    public void revoke(long id, String reason) {
        as(securityAdmin(), () -> tokens.revoke(id, reason));
    }

    /** A department with three staff members, one of them with a name in Chinese characters. */
    public synchronized void hospital() {
        if (departments.findByCode(DEPARTMENT).isPresent()) {
            return;
        }
        Department cardiology = departments.save(new Department(DEPARTMENT, "\u5fc3\u5185\u79d1", "Cardiology",
                null, Department.Kind.CLINICAL, 10, clock.instant()));
        Post nurse = posts.save(new Post(POST, "\u62a4\u58eb", "Nurse", true, clock.instant()));
        Role staff = roles.findByCode("staff").orElseThrow();
        String[][] people = {{"T-API-0001", "Test Nurse One"}, {"T-API-0002", "\u674e\u660e Li Ming"},
                {"T-API-0003", "Test Clerk Three"}};
        for (String[] person : people) {
            Account account = new Account(person[0], person[1], cardiology.getId(), nurse.getId(),
                    SecretLevel.SECRET, "secret@example.org", "13800000000", clock.instant(), null);
            account.replaceRoles(Set.of(new AccountRole(staff.getId(), null, clock.instant(), null)));
            accounts.save(account);
        }
    }

    public HttpResponse<String> get(String path, String token, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        return send(request, token, headers);
    }

    public HttpResponse<String> post(String path, String token, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType);
        return send(request, token, headers);
    }

    /** A POST whose length is not declared: the body is sent in chunks. */
    public HttpResponse<String> postChunked(String path, String token, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .header("Content-Type", "application/json");
        return send(request, token);
    }

    public HttpResponse<String> postJson(String path, String token, String json, String... headers) {
        return post(path, token, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token, String... headers) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
