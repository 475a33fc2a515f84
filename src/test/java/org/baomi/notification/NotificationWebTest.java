package org.baomi.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.baomi.approval.ApprovalTaskAssigned;
import org.baomi.approval.AssignmentReason;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.MutableClock;
import org.baomi.test.TestAccounts;
import org.baomi.test.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notification centre's screens (issue 4 item 5) as a person's browser sees them: the bell's count, the list in
 * both languages with its filter and empty state, opening (marked read, link followed), marking all read, and
 * translated refusals for another person's or an unknown notification and for bad parameters.
 */
@BaomiSpringTest
class NotificationWebTest {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    private void assign(long approvalId, long... people) {
        List<Long> ids = java.util.Arrays.stream(people).boxed().toList();
        new TransactionTemplate(transactionManager).executeWithoutResult(s -> events.publishEvent(
                new ApprovalTaskAssigned(approvalId, "document-copy", SecretLevel.INTERNAL, ids,
                        AssignmentReason.NEW_STEP, null)));
    }

    private long latestNotificationOf(long personId) {
        return jdbc.sql("SELECT max(id) FROM ntf_notification WHERE recipient_id = :r").param("r", personId)
                .query(Long.class).single();
    }

    @Test
    void theBellCountsUnreadNotificationsAndTheListShowsThemInBothLanguages() {
        TestAccounts.Created person = accounts.staff();
        WebSession web = new WebSession(port).signIn(person, accounts);

        WebSession.Page home = web.get("/");
        assertThat(home.body()).contains("id=\"notification-bell\"").contains("hx-get=\"/notifications/badge\"");
        WebSession.Page empty = web.get("/notifications");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).contains("id=\"no-notifications\"").contains("\u8fd8\u6ca1\u6709\u4efb\u4f55\u901a\u77e5");
        assertThat(web.get("/notifications/badge", Map.of("HX-Request", "true")).body())
                .doesNotContain("notification-count");

        assign(9501, person.id());
        assign(9502, person.id());
        WebSession.Page badge = web.get("/notifications/badge", Map.of("HX-Request", "true"));
        assertThat(badge.body()).contains("id=\"notification-count\"").contains(">2<");

        WebSession.Page zh = web.get("/notifications");
        assertThat(zh.body()).contains("\u7b2c 9501 \u53f7\u7533\u8bf7").contains("id=\"read-all\"");
        WebSession.Page en = web.get("/notifications?lang=en");
        assertThat(en.body()).contains("(request 9502) waits for your decision").contains("Mark all as read");
    }

    @Test
    void openingMarksReadAndFollowsTheLinkAndMarkAllReadEmptiesTheUnreadFilter() {
        TestAccounts.Created person = accounts.staff();
        assign(9601, person.id());
        assign(9602, person.id());
        long latest = latestNotificationOf(person.id());
        WebSession web = new WebSession(port).signIn(person, accounts);
        web.get("/notifications");

        WebSession.Page opened = web.post("/notifications/" + latest + "/open", Map.of());
        assertThat(opened.redirectsTo("/approvals/9602")).as(opened.location()).isTrue();
        assertThat(web.get("/notifications?filter=UNREAD").body()).contains("9601").doesNotContain("9602");

        web.get("/notifications");
        WebSession.Page all = web.post("/notifications/read-all", Map.of("filter", "UNREAD"));
        assertThat(all.redirectsTo("/notifications?filter=UNREAD")).as(all.location()).isTrue();
        WebSession.Page after = web.get("/notifications?filter=UNREAD");
        assertThat(after.body()).contains("id=\"no-notifications\"").contains("id=\"notice\"");
    }

    @Test
    void anotherPersonsOrAnUnknownNotificationAndBadParametersGetTranslatedErrorPages() {
        TestAccounts.Created owner = accounts.staff();
        TestAccounts.Created other = accounts.staff();
        assign(9701, owner.id());
        long mine = latestNotificationOf(owner.id());
        WebSession web = new WebSession(port).signIn(other, accounts);
        web.get("/notifications");

        WebSession.Page foreign = web.post("/notifications/" + mine + "/open", Map.of());
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.body()).contains("\u8fd9\u6761\u901a\u77e5\u4e0d\u5c5e\u4e8e\u60a8");
        web.get("/notifications?lang=en");
        WebSession.Page unknown = web.post("/notifications/999999999/open", Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("Notification 999999999 does not exist");
        assertThat(web.get("/notifications?filter=EVERYTHING").status()).isEqualTo(400);
        assertThat(web.get("/notifications?page=-3").status()).isEqualTo(400);
        assertThat(web.get("/notifications?page=abc").status()).isEqualTo(400);
        assertThat(web.post("/notifications/abc/open", Map.of()).status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT read_at IS NULL FROM ntf_notification WHERE id = :id").param("id", mine)
                .query(Boolean.class).single()).as("the owner's notification is still unread").isTrue();
    }

    @Test
    void theListIsPagedNewestFirstAndHtmxGetsOnlyTheResults() {
        TestAccounts.Created person = accounts.staff();
        new TransactionTemplate(transactionManager).executeWithoutResult(s -> {
            for (int i = 1; i <= 22; i++) { // a page holds 20
                events.publishEvent(new ApprovalTaskAssigned(20000 + i, "document-copy", SecretLevel.INTERNAL,
                        List.of(person.id()), AssignmentReason.NEW_STEP, null));
            }
        });
        WebSession web = new WebSession(port).signIn(person, accounts);

        WebSession.Page first = web.get("/notifications?lang=en");
        assertThat(first.body()).contains("(request 20022)").contains("(request 20003)")
                .doesNotContain("(request 20002)").contains("id=\"pager-next\"");
        assertThat(first.body().indexOf("(request 20022)")).isLessThan(first.body().indexOf("(request 20021)"));
        WebSession.Page second = web.get("/notifications?filter=ALL&page=1", Map.of("HX-Request", "true"));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).doesNotContain("<html").doesNotContain("id=\"results\"")
                .contains("(request 20002)").contains("(request 20001)").doesNotContain("(request 20003)");
    }

    @Test
    void theBellsBackgroundPollDoesNotKeepAnIdleSessionAlive() {
        TestAccounts.Created person = accounts.staff();
        WebSession web = new WebSession(port).signIn(person, accounts);
        assertThat(web.get("/notifications").status()).isEqualTo(200);
        // ACC-7: fourteen minutes of polling by an open page is not activity; the fifteen-minute idle limit holds
        for (int minute = 0; minute < 14; minute++) {
            clock.advance(Duration.ofMinutes(1));
            assertThat(web.get("/notifications/badge", Map.of("HX-Request", "true", "X-Baomi-Background", "1"))
                    .status()).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(2));
        WebSession.Page page = web.get("/notifications");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).contains("/login?expired=idle");
    }

    @Test
    void onlyTheSystemAdministratorSeesTheMailOutbox() {
        TestAccounts.Created admin = accounts.systemAdmin();
        WebSession web = new WebSession(port).signIn(admin, accounts);
        WebSession.Page outbox = web.get("/notifications/outbox");
        assertThat(outbox.status()).isEqualTo(200);
        assertThat(outbox.body()).contains("id=\"outbox-counts\"").contains("id=\"mail-enabled\"");

        WebSession staff = new WebSession(port).signIn(accounts.staff(), accounts);
        assertThat(staff.get("/notifications/outbox").status()).isEqualTo(403);
    }
}
