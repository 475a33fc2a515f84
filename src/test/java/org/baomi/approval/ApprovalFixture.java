package org.baomi.approval;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.baomi.iam.ProtectedObject;
import org.baomi.iam.ProtectedObjects;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.internal.access.AccessChangeFeed;
import org.baomi.shared.SecretLevel;
import org.baomi.test.SignedIn;
import org.baomi.test.TestAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A department of its own for each approval test (so that no other test's department heads are asked), people in
 * it, protected objects of each level, and calls as a signed-in person.
 */
public final class ApprovalFixture {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final TestAccounts accounts;
    private final JdbcClient jdbc;
    private final ProtectedObjects objects;
    private final AccessChangeFeed feed;
    public final long departmentId;
    public final String code;

    public ApprovalFixture(TestAccounts accounts, JdbcClient jdbc, ProtectedObjects objects, AccessChangeFeed feed) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.objects = objects;
        this.feed = feed;
        this.code = "T-APR-" + ProcessHandle.current().pid() % 1000 + "-" + SEQUENCE.incrementAndGet();
        this.departmentId = jdbc.sql("""
                INSERT INTO iam_department (code, name_zh, name_en, kind, sort_order)
                VALUES (:code, :code, :code, 'CLINICAL', 999) RETURNING id
                """).param("code", code).query(Long.class).single();
    }

    /** A person of the fixture's department with these roles (besides staff) and clearance. */
    public TestAccounts.Created person(SecretLevel clearance, String... roles) {
        String[] all = new String[roles.length + 1];
        all[0] = "staff";
        System.arraycopy(roles, 0, all, 1, roles.length);
        TestAccounts.Created created = accounts.create(TestAccounts.person().clearance(clearance).roles(all));
        jdbc.sql("UPDATE iam_account SET department_id = :department WHERE id = :id")
                .param("department", departmentId).param("id", created.id()).update();
        feed.poll();
        return created;
    }

    /** A registered document of the level, owned by nobody of the fixture (so only a grant lets them read it). */
    public ResourceRef document(SecretLevel level) {
        ResourceRef ref = ResourceRef.document(code + "-DOC-" + SEQUENCE.incrementAndGet());
        objects.register(new ProtectedObject(ref, level, null, null));
        feed.poll();
        return ref;
    }

    public SubmitApproval access(TestAccounts.Created requester, ResourceRef ref, String action, Integer days) {
        return new SubmitApproval("access", requester.id(), ref.type(), ref.id(), action, "I need it for my work",
                days, Map.of());
    }

    public <T> T as(TestAccounts.Created person, Supplier<T> action) {
        return SignedIn.as(accounts.authenticationOf(person), action);
    }

    public void as(TestAccounts.Created person, Runnable action) {
        as(person, () -> {
            action.run();
            return null;
        });
    }

    /** The step statuses of a request, in order. */
    public List<String> stepRules(long approvalId) {
        return jdbc.sql("SELECT rule || ':' || status FROM apr_step WHERE request_id = :id ORDER BY step_no")
                .param("id", approvalId).query(String.class).list();
    }

    public String status(long approvalId) {
        return jdbc.sql("SELECT status FROM apr_request WHERE id = :id").param("id", approvalId)
                .query(String.class).single();
    }

    public List<Long> assignees(long approvalId, int step) {
        return jdbc.sql("SELECT person_id FROM apr_assignment WHERE request_id = :id AND step_no = :step")
                .param("id", approvalId).param("step", step).query(Long.class).list();
    }

    public int version(long approvalId) {
        return jdbc.sql("SELECT version FROM apr_request WHERE id = :id").param("id", approvalId)
                .query(Integer.class).single();
    }
}
